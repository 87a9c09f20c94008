package org.gaudi.knime.table;

import java.util.List;

import org.gaudi.core.data.Rejection;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * The rejected records of a dataset, one row each: where ({@value #COL_SOURCE}, {@value #COL_LINE}), which
 * ({@value #COL_ID}), why ({@value #COL_REASON} = the {@code RejectionReason} name, {@value #COL_DESCRIPTION}) and
 * the {@value #COL_DETAIL}. Nothing a reader drops is lost: it appears here.
 */
public final class RejectionTable {

    public static final String COL_SOURCE = "source";
    public static final String COL_LINE = "line";
    public static final String COL_ID = "id";
    public static final String COL_REASON = "reason";
    public static final String COL_DESCRIPTION = "description";
    public static final String COL_DETAIL = "detail";

    private static final DataTableSpec SPEC = new DataTableSpec(
            new String[] {COL_SOURCE, COL_LINE, COL_ID, COL_REASON, COL_DESCRIPTION, COL_DETAIL},
            new DataType[] {StringCell.TYPE, LongCell.TYPE, StringCell.TYPE, StringCell.TYPE, StringCell.TYPE,
                StringCell.TYPE});

    private RejectionTable() {
    }

    public static DataTableSpec spec() {
        return SPEC;
    }

    /** Row {@code index} (0-based; the row ID is "Row<index>"). */
    public static DataRow row(final long index, final Rejection r) {
        return new DefaultRow(RowKey.createRowKey(index), new StringCell(r.source()), new LongCell(r.line()),
                new StringCell(r.id()), new StringCell(r.reason().name()), new StringCell(r.reason().description()),
                new StringCell(r.detail()));
    }

    public static BufferedDataTable create(final List<Rejection> rejections, final ExecutionContext exec)
            throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        try {
            long i = 0;
            for (Rejection r : rejections) {
                c.addRowToTable(row(i++, r));
                if (i % 1024 == 0) {
                    exec.checkCanceled();
                }
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
