package org.gaudi.knime.nodes.clmlearner;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmTraining;
import org.gaudi.core.clm.ClmTrainingSettings;
import org.gaudi.core.clm.SmilesCorpus;
import org.gaudi.core.djl.Djl;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.Devices;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.TrainingProgressReporter;
import org.gaudi.knime.port.ClmPortObject;
import org.gaudi.knime.port.ClmPortObjectSpec;
import org.gaudi.knime.port.ModelInfos;
import org.gaudi.knime.table.ClmStatisticsTable;
import org.gaudi.knime.table.MoleculeTable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Chemical Language Model Learner: trains a GPT-2 decoder on the canonical SMILES of the input table's SMILES column
 * ({@link ClmTraining}) and outputs the model (port 0, {@link ClmPortObject}) and the per-epoch train loss and
 * validation perplexity (port 1, {@link ClmStatisticsTable}). Missing cells and SMILES the corpus rejects are
 * counted in the node's warning. The model port's spec depends on the data (vocabulary), so configure() leaves it
 * unknown.
 */
public final class ClmLearnerNodeModel extends NodeModel {

    public static final String CFG_SMILES_COLUMN = "smiles_column";
    public static final String CFG_LAYERS = "layers";
    public static final String CFG_WIDTH = "width";
    public static final String CFG_HEADS = "heads";
    public static final String CFG_CONTEXT = "context_length";
    public static final String CFG_DROPOUT = "dropout";
    public static final String CFG_EPOCHS = "epochs";
    public static final String CFG_BATCH_SIZE = "batch_size";
    public static final String CFG_LEARNING_RATE = "learning_rate";
    public static final String CFG_WARMUP = "warmup_steps";
    public static final String CFG_RANDOMISED = "randomised_smiles";
    public static final String CFG_VALIDATION_FRACTION = "validation_fraction";
    public static final String CFG_SEED = "seed";
    public static final String CFG_DEVICE = "device";

    /** Device choices, as the setting stores them. */
    public static final List<String> DEVICES = Devices.CHOICES;

    private final SettingsModelString smilesColumn = createSmilesColumnModel();
    private final SettingsModelIntegerBounded layers = createLayersModel();
    private final SettingsModelIntegerBounded width = createWidthModel();
    private final SettingsModelIntegerBounded heads = createHeadsModel();
    private final SettingsModelIntegerBounded context = createContextModel();
    private final SettingsModelDoubleBounded dropout = createDropoutModel();
    private final SettingsModelIntegerBounded epochs = createEpochsModel();
    private final SettingsModelIntegerBounded batchSize = createBatchSizeModel();
    private final SettingsModelDoubleBounded learningRate = createLearningRateModel();
    private final SettingsModelIntegerBounded warmup = createWarmupModel();
    private final SettingsModelIntegerBounded randomised = createRandomisedModel();
    private final SettingsModelDoubleBounded validationFraction = createValidationFractionModel();
    private final SettingsModelInteger seed = createSeedModel();
    private final SettingsModelString device = createDeviceModel();

    public ClmLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {ClmPortObject.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createSmilesColumnModel() {
        return new SettingsModelString(CFG_SMILES_COLUMN, MoleculeTable.COL_SMILES);
    }

    static SettingsModelIntegerBounded createLayersModel() {
        return new SettingsModelIntegerBounded(CFG_LAYERS, 4, 1, 48);
    }

    static SettingsModelIntegerBounded createWidthModel() {
        return new SettingsModelIntegerBounded(CFG_WIDTH, 128, 8, 4096);
    }

    static SettingsModelIntegerBounded createHeadsModel() {
        return new SettingsModelIntegerBounded(CFG_HEADS, 4, 1, 64);
    }

    static SettingsModelIntegerBounded createContextModel() {
        return new SettingsModelIntegerBounded(CFG_CONTEXT, 128, 4, 4096);
    }

    static SettingsModelDoubleBounded createDropoutModel() {
        return new SettingsModelDoubleBounded(CFG_DROPOUT, 0.1, 0.0, 0.9);
    }

    static SettingsModelIntegerBounded createEpochsModel() {
        return new SettingsModelIntegerBounded(CFG_EPOCHS, 30, 1, 1_000_000);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 64, 1, 1 << 16);
    }

    static SettingsModelDoubleBounded createLearningRateModel() {
        return new SettingsModelDoubleBounded(CFG_LEARNING_RATE, 1e-3, 1e-9, 1.0);
    }

    static SettingsModelIntegerBounded createWarmupModel() {
        return new SettingsModelIntegerBounded(CFG_WARMUP, 100, 0, 1_000_000);
    }

    static SettingsModelIntegerBounded createRandomisedModel() {
        return new SettingsModelIntegerBounded(CFG_RANDOMISED, 0, 0, 100);
    }

    static SettingsModelDoubleBounded createValidationFractionModel() {
        return new SettingsModelDoubleBounded(CFG_VALIDATION_FRACTION, 0.1, 0.0, 0.9);
    }

    static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, 0);
    }

    static SettingsModelString createDeviceModel() {
        return new SettingsModelString(CFG_DEVICE, DEVICES.get(0));
    }

    private List<SettingsModel> models() {
        return List.of(smilesColumn, layers, width, heads, context, dropout, epochs, batchSize, learningRate, warmup,
                randomised, validationFraction, seed, device);
    }

    /** The settings of one run, checked. */
    static final class Config {
        final String smilesColumn;
        final ClmTrainingSettings training;

        Config(List<? extends SettingsModel> m) throws InvalidSettingsException {
            smilesColumn = ((SettingsModelString) m.get(0)).getStringValue();
            if (smilesColumn == null || smilesColumn.isBlank()) {
                throw new InvalidSettingsException("No SMILES column selected (setting '" + CFG_SMILES_COLUMN
                        + "').");
            }
            Djl.DeviceSetting d = Devices.parse(((SettingsModelString) m.get(13)).getStringValue(), CFG_DEVICE);
            try {
                training = ClmTrainingSettings.builder().layers(i(m, 1)).width(i(m, 2)).heads(i(m, 3))
                        .contextLength(i(m, 4)).dropout(x(m, 5)).epochs(i(m, 6)).batchSize(i(m, 7))
                        .learningRate(x(m, 8)).warmupSteps(i(m, 9)).randomisedSmiles(i(m, 10))
                        .validationFraction(x(m, 11)).testFraction(0).seed(i(m, 12)).device(d)
                        .keepTrainingState(false).build();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("Invalid training settings: " + e.getMessage(), e);
            }
        }

        private static int i(List<? extends SettingsModel> m, int k) {
            return ((SettingsModelInteger) m.get(k)).getIntValue();
        }

        private static double x(List<? extends SettingsModel> m, int k) {
            return ((SettingsModelDoubleBounded) m.get(k)).getDoubleValue();
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = new Config(models());
        if (inSpecs[0] != null) {
            smilesColumnIndex((DataTableSpec) inSpecs[0], c.smilesColumn);
        }
        return new PortObjectSpec[] {null, ClmStatisticsTable.spec()};
    }

    private static int smilesColumnIndex(final DataTableSpec spec, final String name) throws InvalidSettingsException {
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The input table has no column \"" + name + "\" (setting '"
                    + CFG_SMILES_COLUMN + "'); columns: " + String.join(", ", spec.getColumnNames()) + ".");
        }
        DataColumnSpec col = spec.getColumnSpec(i);
        if (!col.getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Column \"" + name + "\" holds " + col.getType()
                    + ", not SMILES text.");
        }
        return i;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = new Config(models());
        BufferedDataTable table = (BufferedDataTable) inObjects[0];
        int col = smilesColumnIndex(table.getDataTableSpec(), c.smilesColumn);
        List<SmilesCorpus.Source> sources = new ArrayList<>();
        long missing = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            DataCell cell = row.getCell(col);
            if (cell.isMissing()) {
                missing++;
            } else {
                sources.add(new SmilesCorpus.Source(row.getKey().getString(), ((StringValue) cell).getStringValue()));
            }
        }
        if (sources.isEmpty()) {
            throw new InvalidSettingsException("The SMILES column \"" + c.smilesColumn + "\" holds no SMILES"
                    + (missing > 0 ? " (" + missing + " missing cells)." : "."));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", "KNIME table, column " + c.smilesColumn);
        summary.put("molecules", sources.size());
        summary.put("missingCells", missing);
        ExecutionProgress training = new ExecutionProgress(exec.createSubProgress(0.98));
        TrainingProgressReporter reporter = new TrainingProgressReporter(training);
        ClmTraining.Outcome outcome = CoreCalls.call(exec, () -> new ClmTraining(c.training).listener(reporter)
                .cancellation(training.cancelCheck()).messages(getLogger()::info).train(sources, summary, null));
        try (ClmModel model = outcome.model()) {
            ClmPortObject port = new ClmPortObject(new ClmPortObjectSpec(ModelInfos.ofClm(model)), outcome.archive());
            BufferedDataTable stats = ClmStatisticsTable.create(outcome.result().history(), exec);
            setWarningMessage(warning(missing, outcome.corpus()));
            return new PortObject[] {port, stats};
        }
    }

    /** What was not trained on, or null. */
    static String warning(final long missing, final SmilesCorpus corpus) {
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " missing SMILES cell(s) skipped");
        }
        if (!corpus.rejections().isEmpty()) {
            parts.add(corpus.rejections().size() + " SMILES left out " + corpus.rejectionCounts()
                    + (corpus.unknownCharacters().isEmpty() ? "" : ", unknown characters "
                            + corpus.unknownCharacters()) + ", e.g. " + corpus.rejections().get(0));
        }
        return parts.isEmpty() ? null : String.join("; ", parts) + ".";
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : models()) {
            m.saveSettingsTo(settings);
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        List<SettingsModel> clones = new ArrayList<>();
        for (SettingsModel m : models()) {
            m.validateSettings(settings);
            clones.add(m.createCloneWithValidatedValue(settings));
        }
        new Config(clones);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            m.loadSettingsFrom(settings);
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
