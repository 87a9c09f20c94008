package org.gaudi.knime.table;

import java.util.List;

import org.gaudi.core.train.EpochStats;
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
 * The per-epoch figures of a language-model run: {@value #COL_EPOCH} (1-based), {@value #COL_TRAIN} (mean next-token
 * cross-entropy in nats), {@value #COL_PERPLEXITY} (exp of the validation loss; missing without validation),
 * {@value #COL_BEST} and {@value #COL_SECONDS}. Non-finite values are missing cells.
 */
public final class ClmStatisticsTable {

    public static final String COL_EPOCH = TrainingStatisticsTable.COL_EPOCH;
    public static final String COL_TRAIN = TrainingStatisticsTable.COL_TRAIN;
    public static final String COL_PERPLEXITY = "validation perplexity";
    public static final String COL_BEST = TrainingStatisticsTable.COL_BEST;
    public static final String COL_SECONDS = TrainingStatisticsTable.COL_SECONDS;

    private static final DataTableSpec SPEC = new DataTableSpec(
            new String[] {COL_EPOCH, COL_TRAIN, COL_PERPLEXITY, COL_BEST, COL_SECONDS},
            new DataType[] {IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, BooleanCell.TYPE, DoubleCell.TYPE});

    private ClmStatisticsTable() {
    }

    public static DataTableSpec spec() {
        return SPEC;
    }

    public static BufferedDataTable create(final List<EpochStats> history, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        try {
            for (EpochStats s : history) {
                c.addRowToTable(new DefaultRow(RowKey.createRowKey((long) s.epoch()), new IntCell(s.epoch() + 1),
                        TrainingStatisticsTable.number(s.trainLoss()),
                        TrainingStatisticsTable.number(Math.exp(s.validationLoss())),
                        s.best() ? BooleanCell.TRUE : BooleanCell.FALSE,
                        TrainingStatisticsTable.number(s.seconds())));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
