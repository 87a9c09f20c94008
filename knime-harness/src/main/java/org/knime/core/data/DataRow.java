package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

// Mirrors org.knime.core.data.DataRow, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface DataRow extends Iterable<DataCell> {

    RowKey getKey();

    int getNumCells();

    DataCell getCell(int index);

    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
