package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;

// Mirrors org.knime.core.data.container.DataContainer, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/**
 * Harness stand-in: collects rows in memory, checking each
 * row against the spec (cell count, cell types, unique row keys) as KNIME does, and yields a table once closed.
 */
public class DataContainer implements RowAppender, RowFlushable {

    private final DataTableSpec spec;
    private final List<DataRow> rows = new ArrayList<>();
    private final Set<RowKey> keys = new HashSet<>();
    private boolean closed;

    public DataContainer(final DataTableSpec spec) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        this.spec = spec;
    }

    public DataTableSpec getTableSpec() {
        return spec;
    }

    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (closed) {
            throw new IllegalStateException("Cannot add row: container has been closed.");
        }
        if (row.getNumCells() != spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" is not equal to length "
                    + "of column names array: " + row.getNumCells() + " vs. " + spec.getNumColumns());
        }
        for (int c = 0; c < row.getNumCells(); c++) {
            DataCell cell = row.getCell(c);
            DataType colType = spec.getColumnSpec(c).getType();
            if (!cell.isMissing() && !colType.isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + c
                        + ") in row \"" + row.getKey() + "\" is " + cell.getType() + " and does not comply with its "
                        + "supposed superclass " + colType);
            }
        }
        if (!keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        rows.add(row);
    }

    @Override
    public void flushRows() {
        // rows are kept in memory
    }

    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    public long size() {
        return rows.size();
    }

    private void checkClosed() {
        if (!closed) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
    }

    public DataTable getTable() {
        checkClosed();
        List<DataRow> copy = List.copyOf(rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return spec;
            }

            @Override
            public RowIterator iterator() {
                java.util.Iterator<DataRow> it = copy.iterator();
                return new RowIterator() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DataRow next() {
                        return it.next();
                    }
                };
            }
        };
    }
}
