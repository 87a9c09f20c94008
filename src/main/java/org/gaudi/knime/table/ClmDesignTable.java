package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.clm.ClmSummary;
import org.gaudi.core.clm.GeneratedSmiles;
import org.gaudi.core.sampling.DesignedMolecule;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * The language model's output tables: the molecule table of the Guided Sampler ({@link DesignTable}) plus
 * {@value #COL_SAMPLED} (the text the model wrote), {@value #COL_LOG_LIKELIHOOD} (nats, under the model) and
 * {@value #COL_TOKENS}; and a one-row summary ({@link #summarySpec()}).
 */
public final class ClmDesignTable {

    public static final String COL_SAMPLED = "sampled SMILES";
    public static final String COL_LOG_LIKELIHOOD = "log-likelihood";
    public static final String COL_TOKENS = "tokens";

    public static final String COL_MOLECULES = DesignSummaryTable.COL_MOLECULES;
    public static final String COL_VALID = DesignSummaryTable.COL_VALID;
    public static final String COL_VALID_FRACTION = DesignSummaryTable.COL_VALID_FRACTION;
    public static final String COL_UNIQUE_FRACTION = DesignSummaryTable.COL_UNIQUE_FRACTION;
    public static final String COL_NOVEL_FRACTION = DesignSummaryTable.COL_NOVEL_FRACTION;
    public static final String COL_PARSED_FRACTION = "parsed fraction";
    public static final String COL_OUT_OF_DOMAIN = "out of domain";
    public static final String COL_TRUNCATED = "truncated";
    public static final String COL_OBJECTIVE = DesignSummaryTable.COL_OBJECTIVE;
    public static final String COL_OBJECTIVE_MEAN = DesignSummaryTable.COL_OBJECTIVE_MEAN;
    public static final String COL_OBJECTIVE_BEST = DesignSummaryTable.COL_OBJECTIVE_BEST;
    public static final String COL_HUCKEL_MEAN = DesignSummaryTable.COL_HUCKEL_MEAN;
    public static final String COL_HUCKEL_MAX = DesignSummaryTable.COL_HUCKEL_MAX;
    public static final String COL_MEAN_LOG_LIKELIHOOD = "mean log-likelihood";
    public static final String COL_TEMPERATURE = "temperature";
    public static final String COL_TOP_K = "top-k";
    public static final String COL_SEED = DesignSummaryTable.COL_SEED;
    public static final String COL_DEVICE = DesignSummaryTable.COL_DEVICE;
    public static final String COL_TOKENS_PER_SECOND = "tokens per second";
    public static final String COL_SECONDS = DesignSummaryTable.COL_SECONDS;

    private ClmDesignTable() {
    }

    public static DataTableSpec spec(final List<String> targetNames) {
        List<DataColumnSpec> c = new ArrayList<>();
        DataTableSpec base = DesignTable.spec(targetNames);
        for (int i = 0; i < base.getNumColumns(); i++) {
            c.add(base.getColumnSpec(i));
        }
        c.add(new DataColumnSpecCreator(COL_SAMPLED, StringCell.TYPE).createSpec());
        c.add(new DataColumnSpecCreator(COL_LOG_LIKELIHOOD, DoubleCell.TYPE).createSpec());
        c.add(new DataColumnSpecCreator(COL_TOKENS, IntCell.TYPE).createSpec());
        return new DataTableSpec("GaUDI language-model molecules", c.toArray(new DataColumnSpec[0]));
    }

    public static DataRow row(final DesignedMolecule m, final GeneratedSmiles g, final int targets) {
        DataRow base = DesignTable.row(m, targets);
        List<DataCell> cells = new ArrayList<>();
        for (int i = 0; i < base.getNumCells(); i++) {
            cells.add(base.getCell(i));
        }
        cells.add(new StringCell(g.text()));
        cells.add(DesignTable.number(g.logLikelihood()));
        cells.add(new IntCell(g.tokens()));
        return new DefaultRow(base.getKey(), cells);
    }

    public static BufferedDataTable create(final List<DesignedMolecule> molecules, final List<GeneratedSmiles> drawn,
            final List<String> targetNames, final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(spec(targetNames));
        try {
            for (int i = 0; i < molecules.size(); i++) {
                c.addRowToTable(row(molecules.get(i), drawn.get(i), targetNames.size()));
                exec.checkCanceled();
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    public static DataTableSpec summarySpec() {
        String[] names = {COL_MOLECULES, COL_VALID, COL_VALID_FRACTION, COL_UNIQUE_FRACTION, COL_NOVEL_FRACTION,
            COL_PARSED_FRACTION, COL_OUT_OF_DOMAIN, COL_TRUNCATED, COL_OBJECTIVE, COL_OBJECTIVE_MEAN,
            COL_OBJECTIVE_BEST, COL_HUCKEL_MEAN, COL_HUCKEL_MAX, COL_MEAN_LOG_LIKELIHOOD, COL_TEMPERATURE, COL_TOP_K,
            COL_SEED, COL_DEVICE, COL_TOKENS_PER_SECOND, COL_SECONDS};
        DataType[] types = {IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
            DoubleCell.TYPE, IntCell.TYPE, IntCell.TYPE, StringCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
            DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, IntCell.TYPE, LongCell.TYPE,
            StringCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE};
        return new DataTableSpec(names, types);
    }

    public static BufferedDataTable createSummary(final ClmSummary s, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(summarySpec());
        try {
            Object t = s.settings().get("temperature");
            Object k = s.settings().get("topK");
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new IntCell(s.molecules()), new IntCell(s.valid()),
                    new DoubleCell(s.validFraction()), new DoubleCell(s.uniqueFraction()),
                    new DoubleCell(s.novelFraction()), new DoubleCell(s.parsedFraction()),
                    new IntCell(s.outOfDomain()), new IntCell(s.truncated()), DesignTable.string(s.objective()),
                    DesignTable.number(s.objectiveMean()), DesignTable.number(s.objectiveBest()),
                    DesignTable.number(s.huckelGapMeanEv()), DesignTable.number(s.huckelGapMaxEv()),
                    DesignTable.number(s.meanLogLikelihood()),
                    DesignTable.number(t instanceof Number n ? n.doubleValue() : null),
                    new IntCell(k instanceof Number n ? n.intValue() : 0), new LongCell(s.seed()),
                    new StringCell(s.device()), DesignTable.number(s.tokensPerSecond()),
                    DesignTable.number(s.seconds())));
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
