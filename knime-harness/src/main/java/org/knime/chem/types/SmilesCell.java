package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

// Mirrors org.knime.chem.types.SmilesCell, KNIME Base Chemistry Types 5.5 (knime-chemistry, bundle
// org.knime.chem.types; its source is not available here): compile-only subset.
/** Harness stand-in: a SMILES string; create one with {@code SmilesCellFactory}. */
public final class SmilesCell extends DataCell implements SmilesValue, StringValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(SmilesCell.class);

    private final String value;

    SmilesCell(final String value) {
        if (value == null) {
            throw new NullPointerException("SMILES value must not be null.");
        }
        this.value = value;
    }

    @Override
    public String getSmilesValue() {
        return value;
    }

    @Override
    public String getStringValue() {
        return value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((SmilesCell) dc).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
