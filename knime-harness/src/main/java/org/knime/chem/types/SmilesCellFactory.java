package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

// Mirrors org.knime.chem.types.SmilesCellFactory, KNIME Base Chemistry Types 5.5 (knime-chemistry, bundle
// org.knime.chem.types; its source is not available here): compile-only subset.
/** Harness stand-in ({@link #create(String)} only). */
public final class SmilesCellFactory {

    /** The column type of the cells {@link #create(String)} returns. */
    public static final DataType TYPE = SmilesCell.TYPE;

    private SmilesCellFactory() {
    }

    public static DataCell create(final String string) {
        return new SmilesCell(string);
    }
}
