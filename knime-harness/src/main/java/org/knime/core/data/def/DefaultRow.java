package org.knime.core.data.def;

import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

// Mirrors org.knime.core.data.def.DefaultRow, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public class DefaultRow implements DataRow {

    private final RowKey key;
    private final DataCell[] cells;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                throw new NullPointerException("Cell at index " + i + " must not be null.");
            }
        }
        key = rowKey;
        cells = row.clone();
    }

    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, java.util.Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, java.util.Arrays.stream(row).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, java.util.Arrays.stream(row).map(StringCell::new).toArray(DataCell[]::new));
    }

    @Override
    public final RowKey getKey() {
        return key;
    }

    @Override
    public final int getNumCells() {
        return cells.length;
    }

    @Override
    public final DataCell getCell(final int index) {
        return cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return List.of(cells).iterator();
    }

    @Override
    public String toString() {
        return key + ": " + java.util.Arrays.toString(cells);
    }
}
