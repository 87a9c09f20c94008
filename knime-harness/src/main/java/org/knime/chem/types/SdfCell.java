package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

// Mirrors org.knime.chem.types.SdfCell, KNIME Base Chemistry Types 5.5 (knime-chemistry, bundle org.knime.chem.types;
// its source is not available here): compile-only subset.
/** Harness stand-in: a SDF string; create one with {@code SdfCellFactory}. */
public final class SdfCell extends DataCell implements SdfValue, StringValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(SdfCell.class);

    private final String value;

    SdfCell(final String value) {
        if (value == null) {
            throw new NullPointerException("SDF value must not be null.");
        }
        this.value = value;
    }

    @Override
    public String getSdfValue() {
        return value;
    }

    @Override
    public String getStringValue() {
        return value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((SdfCell) dc).value.equals(value);
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
