package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

// Mirrors org.knime.chem.types.SdfCellFactory, KNIME Base Chemistry Types 5.5 (knime-chemistry, bundle
// org.knime.chem.types; its source is not available here): compile-only subset.
/** Harness stand-in ({@link #create(String)} only). */
public final class SdfCellFactory {

    /** The column type of the cells {@link #create(String)} returns. */
    public static final DataType TYPE = SdfCell.TYPE;

    private SdfCellFactory() {
    }

    /** An SDF cell; the string is one SD record, normally terminated by {@code $$$$}. */
    public static DataCell create(final String string) {
        return new SdfCell(string);
    }
}
