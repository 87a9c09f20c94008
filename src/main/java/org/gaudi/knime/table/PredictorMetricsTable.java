package org.gaudi.knime.table;

import org.gaudi.core.predictor.PredictorEvaluation;
import org.gaudi.core.predictor.PredictorTarget;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

import java.util.List;

/**
 * How well a property predictor does, one row per target (row ID = target name): {@value #COL_TARGET},
 * {@value #COL_UNIT}, {@value #COL_MAE} (mean absolute error on clean inputs at t = 0 on the validation split, in
 * the target's unit), {@value #COL_BASELINE} (the MAE of always predicting the training mean: a useful predictor is
 * well below it) and {@value #COL_MOLECULES} (the validation molecules evaluated). Without a validation split the
 * errors are missing cells.
 */
public final class PredictorMetricsTable {

    public static final String COL_TARGET = "target";
    public static final String COL_UNIT = "unit";
    public static final String COL_MAE = "MAE";
    public static final String COL_BASELINE = "mean-baseline MAE";
    public static final String COL_MOLECULES = "validation molecules";

    private static final DataTableSpec SPEC = new DataTableSpec(
            new String[] {COL_TARGET, COL_UNIT, COL_MAE, COL_BASELINE, COL_MOLECULES},
            new DataType[] {StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, IntCell.TYPE});

    private PredictorMetricsTable() {
    }

    public static DataTableSpec spec() {
        return SPEC;
    }

    /**
     * The table of an evaluation on the validation split.
     *
     * @param targets the predictor's targets, in output order
     * @param validation the evaluation, or null without validation split
     */
    public static BufferedDataTable create(final List<PredictorTarget> targets, final PredictorEvaluation validation,
            final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        try {
            for (int k = 0; k < targets.size(); k++) {
                PredictorTarget t = targets.get(k);
                DataCell mae = validation == null ? DataType.getMissingCell()
                        : TrainingStatisticsTable.number(validation.cleanMae()[k]);
                DataCell base = validation == null ? DataType.getMissingCell()
                        : TrainingStatisticsTable.number(validation.baselineMae()[k]);
                c.addRowToTable(new DefaultRow(new RowKey(t.name()), new StringCell(t.name()),
                        new StringCell(t.unit()), mae, base, new IntCell(validation == null ? 0
                                : validation.samples())));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
