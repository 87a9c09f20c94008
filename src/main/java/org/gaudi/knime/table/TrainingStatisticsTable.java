package org.gaudi.knime.table;

import java.util.List;

import org.gaudi.core.train.EpochStats;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * The per-epoch figures of a training run, one row per epoch: {@value #COL_EPOCH} (1-based), {@value #COL_TRAIN}
 * (mean training loss of the epoch), {@value #COL_VALIDATION} (missing without a validation split),
 * {@value #COL_BEST} (whether the epoch's weights became the kept ones) and {@value #COL_SECONDS}. A non-finite loss
 * is written as a missing cell, never as NaN.
 */
public final class TrainingStatisticsTable {

    public static final String COL_EPOCH = "epoch";
    public static final String COL_TRAIN = "train loss";
    public static final String COL_VALIDATION = "validation loss";
    public static final String COL_BEST = "best";
    public static final String COL_SECONDS = "seconds";

    private static final DataTableSpec SPEC = new DataTableSpec(
            new String[] {COL_EPOCH, COL_TRAIN, COL_VALIDATION, COL_BEST, COL_SECONDS},
            new DataType[] {IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, BooleanCell.TYPE, DoubleCell.TYPE});

    private TrainingStatisticsTable() {
    }

    public static DataTableSpec spec() {
        return SPEC;
    }

    /** The row of one epoch (row ID "Row&lt;epoch&gt;", epoch 0-based as in the core). */
    public static DataRow row(final EpochStats s) {
        return new DefaultRow(RowKey.createRowKey((long) s.epoch()), new IntCell(s.epoch() + 1),
                number(s.trainLoss()), number(s.validationLoss()), s.best() ? BooleanCell.TRUE : BooleanCell.FALSE, number(s.seconds()));
    }

    static DataCell number(final double v) {
        return Double.isFinite(v) ? new DoubleCell(v) : DataType.getMissingCell();
    }

    public static BufferedDataTable create(final List<EpochStats> history, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        try {
            for (EpochStats s : history) {
                c.addRowToTable(row(s));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
