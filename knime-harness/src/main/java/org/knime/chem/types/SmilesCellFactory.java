package org.knime.chem.types;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Harness stand-in for {@code org.knime.chem.types.SmilesCellFactory} ({@link #create(String)} only). */
public final class SmilesCellFactory {

    /** The column type of the cells {@link #create(String)} returns. */
    public static final DataType TYPE = SmilesCell.TYPE;

    private SmilesCellFactory() {
    }

    public static DataCell create(final String string) {
        return new SmilesCell(string);
    }
}
