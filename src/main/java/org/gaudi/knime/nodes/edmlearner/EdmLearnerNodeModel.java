package org.gaudi.knime.nodes.edmlearner;

import java.io.File;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EdmTraining;
import org.gaudi.core.diffusion.EdmTrainingSettings;
import org.gaudi.core.djl.Djl;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.Devices;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.TrainingProgressReporter;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.EdmPortObjectSpec;
import org.gaudi.knime.port.ModelInfos;
import org.gaudi.knime.table.MoleculeTable;
import org.gaudi.knime.table.MoleculeTableReader;
import org.gaudi.knime.table.TrainingStatisticsTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * EDM Learner: trains GaUDI's E(3)-equivariant diffusion model over graphs of rings ({@link EdmTraining}) on the
 * molecules of the input table (its graph-of-rings column, see {@link MoleculeTableReader}) and outputs the model
 * (port 0, {@link EdmPortObject}) and the per-epoch losses (port 1, {@link TrainingStatisticsTable}). The table is
 * split into training and validation parts by the seed; a test part is left to KNIME's own partitioning. The model
 * port's spec depends on the data (ring types, ring capacity), so configure() leaves it unknown.
 */
public final class EdmLearnerNodeModel extends NodeModel {

    /** Input column with the graphs of rings (text, as the GOR Dataset Reader writes them). */
    public static final String CFG_GOR_COLUMN = "gor_column";
    /** Equivariant blocks of the network. */
    public static final String CFG_LAYERS = "layers";
    /** Hidden width of the network. */
    public static final String CFG_HIDDEN = "hidden";
    /** Molecules with more rings are left out of training. */
    public static final String CFG_MAX_RINGS = "max_rings";
    public static final String CFG_EPOCHS = "epochs";
    public static final String CFG_BATCH_SIZE = "batch_size";
    public static final String CFG_LEARNING_RATE = "learning_rate";
    /** Seeds the split, the initial weights and the training noise. */
    public static final String CFG_SEED = "seed";
    /** {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String CFG_DEVICE = "device";
    /** Fraction of the molecules held out to select the best epoch. */
    public static final String CFG_VALIDATION_FRACTION = "validation_fraction";
    /** Whether the kept weights are an exponential moving average ({@value #EMA_DECAY}). */
    public static final String CFG_EMA = "ema";

    /** Device choices, as the setting stores them. */
    public static final List<String> DEVICES = Devices.CHOICES;
    /** Decay of the weight average when EMA is on. */
    public static final double EMA_DECAY = 0.999;
    /** Upper bound of the ring limit setting. */
    public static final int MAX_RINGS_LIMIT = 64;

    private final SettingsModelString gorColumn = createGorColumnModel();
    private final SettingsModelIntegerBounded layers = createLayersModel();
    private final SettingsModelIntegerBounded hidden = createHiddenModel();
    private final SettingsModelIntegerBounded maxRings = createMaxRingsModel();
    private final SettingsModelIntegerBounded epochs = createEpochsModel();
    private final SettingsModelIntegerBounded batchSize = createBatchSizeModel();
    private final SettingsModelDoubleBounded learningRate = createLearningRateModel();
    private final SettingsModelInteger seed = createSeedModel();
    private final SettingsModelString device = createDeviceModel();
    private final SettingsModelDoubleBounded validationFraction = createValidationFractionModel();
    private final SettingsModelBoolean ema = createEmaModel();

    public EdmLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {EdmPortObject.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createGorColumnModel() {
        return new SettingsModelString(CFG_GOR_COLUMN, MoleculeTable.COL_GOR);
    }

    static SettingsModelIntegerBounded createLayersModel() {
        return new SettingsModelIntegerBounded(CFG_LAYERS, 9, 1, 64);
    }

    static SettingsModelIntegerBounded createHiddenModel() {
        return new SettingsModelIntegerBounded(CFG_HIDDEN, 192, 1, 4096);
    }

    static SettingsModelIntegerBounded createMaxRingsModel() {
        return new SettingsModelIntegerBounded(CFG_MAX_RINGS, 11, 1, MAX_RINGS_LIMIT);
    }

    static SettingsModelIntegerBounded createEpochsModel() {
        return new SettingsModelIntegerBounded(CFG_EPOCHS, 100, 1, 1_000_000);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 256, 1, 1 << 16);
    }

    static SettingsModelDoubleBounded createLearningRateModel() {
        return new SettingsModelDoubleBounded(CFG_LEARNING_RATE, 1e-3, 1e-9, 1.0);
    }

    static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, 0);
    }

    static SettingsModelString createDeviceModel() {
        return new SettingsModelString(CFG_DEVICE, DEVICES.get(0));
    }

    static SettingsModelDoubleBounded createValidationFractionModel() {
        return new SettingsModelDoubleBounded(CFG_VALIDATION_FRACTION, 0.1, 0.0, 0.9);
    }

    static SettingsModelBoolean createEmaModel() {
        return new SettingsModelBoolean(CFG_EMA, false);
    }

    private List<SettingsModel> models() {
        return List.of(gorColumn, layers, hidden, maxRings, epochs, batchSize, learningRate, seed, device,
                validationFraction, ema);
    }

    /** The settings of one run, checked. */
    static final class Config {
        final String gorColumn;
        final int maxRings;
        final EdmTrainingSettings training;

        Config(String gorColumn, int layers, int hidden, int maxRings, int epochs, int batchSize, double lr,
                int seed, String device, double validationFraction, boolean ema) throws InvalidSettingsException {
            if (gorColumn == null || gorColumn.isBlank()) {
                throw new InvalidSettingsException("No graph-of-rings column selected (setting '" + CFG_GOR_COLUMN
                        + "').");
            }
            this.gorColumn = gorColumn;
            this.maxRings = maxRings;
            Djl.DeviceSetting d = Devices.parse(device, CFG_DEVICE);
            try {
                training = EdmTrainingSettings.builder().layers(layers).hidden(hidden).epochs(epochs)
                        .batchSize(batchSize).learningRate(lr).seed(seed).device(d)
                        .validationFraction(validationFraction).testFraction(0).emaDecay(ema ? EMA_DECAY : 0)
                        .ringRange(1, maxRings).keepTrainingState(false).build();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("Invalid training settings: " + e.getMessage(), e);
            }
        }
    }

    private Config config() throws InvalidSettingsException {
        return new Config(gorColumn.getStringValue(), layers.getIntValue(), hidden.getIntValue(),
                maxRings.getIntValue(), epochs.getIntValue(), batchSize.getIntValue(), learningRate.getDoubleValue(),
                seed.getIntValue(), device.getStringValue(), validationFraction.getDoubleValue(),
                ema.getBooleanValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        if (inSpecs[0] != null) {
            MoleculeTableReader.forSpec((DataTableSpec) inSpecs[0], c.gorColumn, List.of());
        }
        // the model's ring types and capacity come from the data: known after execute
        return new PortObjectSpec[] {null, TrainingStatisticsTable.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = config();
        BufferedDataTable table = (BufferedDataTable) inObjects[0];
        MoleculeTableReader reader = MoleculeTableReader.forSpec(table.getDataTableSpec(), c.gorColumn, List.of());
        Dataset data = reader.read(table, exec.createSubProgress(0.02));
        if (data.size() == 0) {
            throw new InvalidSettingsException("The input table holds no usable molecule"
                    + (data.rejections().isEmpty() ? "." : ": " + MoleculeTableReader.rejectionWarning(data)));
        }
        long tooLarge = data.records().stream().mapToInt(MoleculeRecord::ringCount).filter(n -> n > c.maxRings)
                .count();
        if (tooLarge == data.size()) {
            throw new InvalidSettingsException("All " + data.size() + " molecules have more rings than the maximum of "
                    + c.maxRings + " (setting '" + CFG_MAX_RINGS + "').");
        }
        ExecutionProgress keys = new ExecutionProgress(exec.createSubProgress(0.08));
        ExecutionProgress training = new ExecutionProgress(exec.createSubProgress(0.9));
        TrainingProgressReporter reporter = new TrainingProgressReporter(training);
        EdmTraining.Outcome outcome = CoreCalls.call(exec, () -> new EdmTraining(c.training).listener(reporter)
                .cancellation(training.cancelCheck()).messages(getLogger()::info)
                .preparationProgress((done, total) -> keys.count(done, total, "training molecules keyed"))
                .train(data));
        try (EdmModel model = outcome.model()) {
            EdmPortObject port = new EdmPortObject(new EdmPortObjectSpec(ModelInfos.ofEdm(model)),
                    outcome.archive());
            BufferedDataTable stats = TrainingStatisticsTable.create(outcome.result().history(), exec);
            setWarningMessage(warning(data, tooLarge, c.maxRings));
            return new PortObject[] {port, stats};
        }
    }

    /** What was not trained on, or null. */
    static String warning(final Dataset data, final long tooLarge, final int maxRings) {
        String rejected = MoleculeTableReader.rejectionWarning(data);
        String large = tooLarge == 0 ? null : tooLarge + (tooLarge == 1 ? " molecule has" : " molecules have")
                + " more than " + maxRings + " rings and " + (tooLarge == 1 ? "was" : "were") + " left out";
        if (rejected == null) {
            return large == null ? null : large + ".";
        }
        return large == null ? rejected + "." : rejected + "; " + large + ".";
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : models()) {
            m.saveSettingsTo(settings);
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            m.validateSettings(settings);
        }
        new Config(gorColumn.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue(),
                intValue(layers, settings), intValue(hidden, settings), intValue(maxRings, settings),
                intValue(epochs, settings), intValue(batchSize, settings),
                learningRate.<SettingsModelDoubleBounded>createCloneWithValidatedValue(settings).getDoubleValue(),
                seed.<SettingsModelInteger>createCloneWithValidatedValue(settings).getIntValue(),
                device.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue(),
                validationFraction.<SettingsModelDoubleBounded>createCloneWithValidatedValue(settings)
                        .getDoubleValue(),
                ema.<SettingsModelBoolean>createCloneWithValidatedValue(settings).getBooleanValue());
    }

    private static int intValue(SettingsModelIntegerBounded m, NodeSettingsRO settings)
            throws InvalidSettingsException {
        return m.<SettingsModelIntegerBounded>createCloneWithValidatedValue(settings).getIntValue();
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
        // no internals: the model port and the statistics table are all there is
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
