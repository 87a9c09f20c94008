package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Harness stand-in for {@code org.knime.core.data.DataRow}. */
public interface DataRow extends Iterable<DataCell> {

    RowKey getKey();

    int getNumCells();

    DataCell getCell(int index);

    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
