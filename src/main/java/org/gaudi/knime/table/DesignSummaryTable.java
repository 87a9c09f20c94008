package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.sampling.DesignSummary;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * The one-row summary of a design run ({@link DesignSummary}): counts and fractions of valid, unique, novel and
 * stable molecules (uniqueness and novelty relative to the valid ones, as GaUDI reports them), the objective's mean
 * and best value over valid molecules, the Hückel gap mean and maximum, the mean prediction of each target, whether
 * guidance was applied, the guidance scale (GaUDI units), sampler, scale convention and the objective's spread the
 * scale is relative to, the steps, initial-noise std and seed used, the <b>device</b> that sampled, and timings.
 * Values that do not apply are missing cells.
 */
public final class DesignSummaryTable {

    public static final String COL_MOLECULES = "molecules";
    public static final String COL_VALID = "valid";
    public static final String COL_VALID_FRACTION = "valid fraction";
    public static final String COL_UNIQUE_FRACTION = "unique fraction";
    public static final String COL_NOVEL_FRACTION = "novel fraction";
    public static final String COL_STABLE_FRACTION = "stable fraction";
    public static final String COL_OBJECTIVE = "objective";
    public static final String COL_OBJECTIVE_MEAN = "objective mean";
    public static final String COL_OBJECTIVE_BEST = "objective best";
    public static final String COL_HUCKEL_MEAN = "Huckel gap mean (eV)";
    public static final String COL_HUCKEL_MAX = "Huckel gap max (eV)";
    public static final String MEAN_PREFIX = "mean predicted ";
    public static final String COL_GUIDED = "guided";
    public static final String COL_SCALE = "guidance scale";
    public static final String COL_SAMPLER = "sampler";
    public static final String COL_SCALE_CONVENTION = "scale convention";
    public static final String COL_OBJECTIVE_SPREAD = "objective spread";
    public static final String COL_STEPS = "steps";
    public static final String COL_STD = "initial noise std";
    public static final String COL_SEED = "seed";
    public static final String COL_DEVICE = "device";
    public static final String COL_NON_FINITE = "non-finite gradients";
    public static final String COL_SECONDS = "seconds";
    public static final String COL_MS_PER_STEP = "ms per step";

    private DesignSummaryTable() {
    }

    public static DataTableSpec spec(final List<String> targetNames) {
        List<DataColumnSpec> c = new ArrayList<>();
        c.add(col(COL_MOLECULES, IntCell.TYPE));
        c.add(col(COL_VALID, IntCell.TYPE));
        c.add(col(COL_VALID_FRACTION, DoubleCell.TYPE));
        c.add(col(COL_UNIQUE_FRACTION, DoubleCell.TYPE));
        c.add(col(COL_NOVEL_FRACTION, DoubleCell.TYPE));
        c.add(col(COL_STABLE_FRACTION, DoubleCell.TYPE));
        c.add(col(COL_OBJECTIVE, StringCell.TYPE));
        c.add(col(COL_OBJECTIVE_MEAN, DoubleCell.TYPE));
        c.add(col(COL_OBJECTIVE_BEST, DoubleCell.TYPE));
        c.add(col(COL_HUCKEL_MEAN, DoubleCell.TYPE));
        c.add(col(COL_HUCKEL_MAX, DoubleCell.TYPE));
        for (String t : targetNames) {
            c.add(col(MEAN_PREFIX + t, DoubleCell.TYPE));
        }
        c.add(col(COL_GUIDED, BooleanCell.TYPE));
        c.add(col(COL_SCALE, DoubleCell.TYPE));
        c.add(col(COL_SAMPLER, StringCell.TYPE));
        c.add(col(COL_SCALE_CONVENTION, StringCell.TYPE));
        c.add(col(COL_OBJECTIVE_SPREAD, DoubleCell.TYPE));
        c.add(col(COL_STEPS, IntCell.TYPE));
        c.add(col(COL_STD, DoubleCell.TYPE));
        c.add(col(COL_SEED, LongCell.TYPE));
        c.add(col(COL_DEVICE, StringCell.TYPE));
        c.add(col(COL_NON_FINITE, LongCell.TYPE));
        c.add(col(COL_SECONDS, DoubleCell.TYPE));
        c.add(col(COL_MS_PER_STEP, DoubleCell.TYPE));
        return new DataTableSpec("GaUDI design summary", c.toArray(new DataColumnSpec[0]));
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static DataColumnSpec col(String name, DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    public static BufferedDataTable create(final DesignSummary s, final List<String> targetNames,
            final ExecutionContext exec) {
        List<DataCell> cells = new ArrayList<>();
        cells.add(new IntCell(s.molecules()));
        cells.add(new IntCell(s.valid()));
        cells.add(DesignTable.number(s.validFraction()));
        cells.add(DesignTable.number(s.uniqueFraction()));
        cells.add(DesignTable.number(s.novelFraction()));
        cells.add(DesignTable.number(s.stableFraction()));
        cells.add(DesignTable.string(s.objective()));
        cells.add(DesignTable.number(s.objectiveMean()));
        cells.add(DesignTable.number(s.objectiveBest()));
        cells.add(DesignTable.number(s.huckelGapMeanEv()));
        cells.add(DesignTable.number(s.huckelGapMaxEv()));
        for (String t : targetNames) {
            cells.add(DesignTable.number(s.predictedMeans().get(t)));
        }
        cells.add(DesignTable.bool(s.guided()));
        cells.add(DesignTable.number(number(s.settings().get("scale"))));
        cells.add(DesignTable.string(text(s.settings().get("sampler"))));
        cells.add(DesignTable.string(text(s.settings().get("scaleConvention"))));
        cells.add(DesignTable.number(number(s.guidance().get("objectiveSpread"))));
        cells.add(new IntCell(s.steps()));
        cells.add(DesignTable.number(s.initialNoiseStd()));
        cells.add(new LongCell(s.seed()));
        cells.add(new StringCell(s.device()));
        cells.add(new LongCell(s.nonFiniteGradients()));
        cells.add(DesignTable.number(s.seconds()));
        cells.add(DesignTable.number(s.msPerStep()));
        BufferedDataContainer c = exec.createDataContainer(spec(targetNames));
        try {
            c.addRowToTable(new DefaultRow(new RowKey("summary"), cells));
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
