package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Harness stand-in for {@code org.knime.chem.types.SdfCellFactory} ({@link #create(String)} only). */
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
