package org.gaudi.knime.nodes.predictorlearner;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.predictor.PredictorEvaluation;
import org.gaudi.core.predictor.PredictorTraining;
import org.gaudi.core.predictor.PredictorTrainingSettings;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.train.DataSplit;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.Devices;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.TrainingProgressReporter;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.EdmPortObjectSpec;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.port.ModelInfos;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.gaudi.knime.table.MoleculeTable;
import org.gaudi.knime.table.MoleculeTableReader;
import org.gaudi.knime.table.PredictorMetricsTable;
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
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

import ai.djl.Device;

/**
 * Property Predictor Learner: trains GaUDI's time-conditioned property predictor ({@link PredictorTraining}) on the
 * graphs of rings and the chosen numeric target columns of the input table, optionally for exactly the state space
 * of a connected EDM (its ring-type vocabulary and noise schedule, as guidance requires). Outputs the predictor
 * (port 0, {@link PredictorPortObject}) and its mean absolute error per target on the validation split at t = 0
 * next to the predict-the-mean baseline (port 1, {@link PredictorMetricsTable}). The predictor port's spec holds
 * trained figures, so configure() leaves it unknown.
 */
public final class PropertyPredictorLearnerNodeModel extends NodeModel {

    public static final String CFG_GOR_COLUMN = "gor_column";
    /** Numeric columns to predict, in output order. */
    public static final String CFG_TARGET_COLUMNS = "target_columns";
    public static final String CFG_LAYERS = "layers";
    public static final String CFG_HIDDEN = "hidden";
    public static final String CFG_EPOCHS = "epochs";
    public static final String CFG_BATCH_SIZE = "batch_size";
    public static final String CFG_LEARNING_RATE = "learning_rate";
    public static final String CFG_SEED = "seed";
    public static final String CFG_DEVICE = "device";
    public static final String CFG_VALIDATION_FRACTION = "validation_fraction";

    /** Input port of the molecule table. */
    static final int PORT_TABLE = 0;
    /** Optional input port of the EDM whose state space the predictor reads. */
    static final int PORT_EDM = 1;

    private final SettingsModelString gorColumn = createGorColumnModel();
    private final SettingsModelStringArray targetColumns = createTargetColumnsModel();
    private final SettingsModelIntegerBounded layers = createLayersModel();
    private final SettingsModelIntegerBounded hidden = createHiddenModel();
    private final SettingsModelIntegerBounded epochs = createEpochsModel();
    private final SettingsModelIntegerBounded batchSize = createBatchSizeModel();
    private final SettingsModelDoubleBounded learningRate = createLearningRateModel();
    private final SettingsModelInteger seed = createSeedModel();
    private final SettingsModelString device = createDeviceModel();
    private final SettingsModelDoubleBounded validationFraction = createValidationFractionModel();

    public PropertyPredictorLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, EdmPortObject.TYPE_OPTIONAL},
                new PortType[] {PredictorPortObject.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createGorColumnModel() {
        return new SettingsModelString(CFG_GOR_COLUMN, MoleculeTable.COL_GOR);
    }

    static SettingsModelStringArray createTargetColumnsModel() {
        return new SettingsModelStringArray(CFG_TARGET_COLUMNS, new String[0]);
    }

    static SettingsModelIntegerBounded createLayersModel() {
        return new SettingsModelIntegerBounded(CFG_LAYERS, 12, 1, 64);
    }

    static SettingsModelIntegerBounded createHiddenModel() {
        return new SettingsModelIntegerBounded(CFG_HIDDEN, 196, 1, 4096);
    }

    static SettingsModelIntegerBounded createEpochsModel() {
        return new SettingsModelIntegerBounded(CFG_EPOCHS, 100, 1, 1_000_000);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 256, 1, 1 << 16);
    }

    static SettingsModelDoubleBounded createLearningRateModel() {
        return new SettingsModelDoubleBounded(CFG_LEARNING_RATE, 6e-4, 1e-9, 1.0);
    }

    static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, 0);
    }

    static SettingsModelString createDeviceModel() {
        return new SettingsModelString(CFG_DEVICE, Devices.CHOICES.get(0));
    }

    static SettingsModelDoubleBounded createValidationFractionModel() {
        return new SettingsModelDoubleBounded(CFG_VALIDATION_FRACTION, 0.1, 0.0, 0.9);
    }

    private List<SettingsModel> models() {
        return List.of(gorColumn, targetColumns, layers, hidden, epochs, batchSize, learningRate, seed, device,
                validationFraction);
    }

    /** The settings of one run, checked (except that targets are chosen: configure() requires that). */
    static final class Config {
        final String gorColumn;
        final List<String> targets;
        final PredictorTrainingSettings training;

        Config(String gorColumn, String[] targets, int layers, int hidden, int epochs, int batchSize, double lr,
                int seed, String device, double validationFraction) throws InvalidSettingsException {
            if (gorColumn == null || gorColumn.isBlank()) {
                throw new InvalidSettingsException("No graph-of-rings column selected (setting '" + CFG_GOR_COLUMN
                        + "').");
            }
            this.gorColumn = gorColumn;
            this.targets = targets == null ? List.of() : List.of(targets);
            try {
                training = PredictorTrainingSettings.builder().targets(this.targets).layers(layers).hidden(hidden)
                        .epochs(epochs).batchSize(batchSize).learningRate(lr).seed(seed)
                        .device(Devices.parse(device, CFG_DEVICE)).validationFraction(validationFraction)
                        .testFraction(0).keepTrainingState(false).build();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidSettingsException("Invalid training settings (setting '" + CFG_TARGET_COLUMNS
                        + "' or the network/training settings): " + e.getMessage(), e);
            }
        }

        void requireTargets() throws InvalidSettingsException {
            if (targets.isEmpty()) {
                throw new InvalidSettingsException("No target columns selected: choose the numeric columns to "
                        + "predict (setting '" + CFG_TARGET_COLUMNS + "').");
            }
        }
    }

    private Config config() throws InvalidSettingsException {
        return new Config(gorColumn.getStringValue(), targetColumns.getStringArrayValue(), layers.getIntValue(),
                hidden.getIntValue(), epochs.getIntValue(), batchSize.getIntValue(), learningRate.getDoubleValue(),
                seed.getIntValue(), device.getStringValue(), validationFraction.getDoubleValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        c.requireTargets();
        if (inSpecs[PORT_TABLE] != null) {
            MoleculeTableReader.forSpec((DataTableSpec) inSpecs[PORT_TABLE], c.gorColumn, c.targets);
        }
        if (inSpecs[PORT_EDM] != null && !(inSpecs[PORT_EDM] instanceof EdmPortObjectSpec)) {
            throw new InvalidSettingsException("The second input must be an EDM port, got "
                    + inSpecs[PORT_EDM].getClass().getSimpleName() + ".");
        }
        // normalisation and trained figures are part of the predictor's spec: known after execute
        return new PortObjectSpec[] {null, PredictorMetricsTable.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = config();
        c.requireTargets();
        BufferedDataTable table = (BufferedDataTable) inObjects[PORT_TABLE];
        Dataset data = MoleculeTableReader.forSpec(table.getDataTableSpec(), c.gorColumn, c.targets)
                .read(table, exec.createSubProgress(0.02));
        if (data.size() == 0) {
            throw new InvalidSettingsException("The input table holds no usable molecule"
                    + (data.rejections().isEmpty() ? "." : ": " + MoleculeTableReader.rejectionWarning(data)));
        }
        EdmPortObject edmPort = (EdmPortObject) inObjects[PORT_EDM];
        EdmArchitecture edm = edmPort == null ? null : CoreCalls.call(exec, () -> {
            try (EdmModel m = EdmModel.fromArchive(edmPort.readArchive(), Device.cpu())) {
                return m.architecture();
            }
        });
        // with an EDM, molecules beyond its ring capacity are of no use for guiding it
        int limit = edm != null ? edm.maxRings() : Integer.MAX_VALUE;
        List<MoleculeRecord> kept = new ArrayList<>();
        for (MoleculeRecord r : data.records()) {
            if (r.ringCount() <= limit) {
                kept.add(r);
            }
        }
        int tooLarge = data.size() - kept.size();
        if (kept.isEmpty()) {
            throw new InvalidSettingsException("All " + data.size() + " molecules have more rings than the EDM's "
                    + "capacity of " + limit + ".");
        }
        Dataset used = tooLarge == 0 ? data : new Dataset(data.source(), data.propertyNames(), kept,
                data.rejections());
        // the ring range the predictor is trained on, recorded in the model (the sampler checks against it)
        int maxRings = kept.stream().mapToInt(MoleculeRecord::ringCount).max().orElse(1);
        PredictorTrainingSettings settings = c.training.toBuilder().ringRange(1, maxRings).build();

        ExecutionProgress training = new ExecutionProgress(exec.createSubProgress(0.9));
        ExecutionProgress evaluation = new ExecutionProgress(exec.createSubProgress(0.08));
        TrainingProgressReporter reporter = new TrainingProgressReporter(training);
        PredictorTraining run = new PredictorTraining(settings).listener(reporter)
                .cancellation(training.cancelCheck()).messages(getLogger()::info);
        if (edm != null) {
            run.matching(edm);
        }
        PredictorTraining.Outcome outcome = CoreCalls.call(exec, () -> run.train(used));
        try (PropertyPredictor predictor = outcome.predictor()) {
            PredictorEvaluation validation = CoreCalls.call(exec, () -> evaluateValidation(predictor, used,
                    outcome.result().split(), settings, evaluation));
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (validation != null) {
                for (int k = 0; k < c.targets.size(); k++) {
                    metrics.put(ModelInfos.MAE_PREFIX + c.targets.get(k), validation.cleanMae()[k]);
                    metrics.put(ModelInfos.BASELINE_PREFIX + c.targets.get(k), validation.baselineMae()[k]);
                }
            }
            ModelInfo info = ModelInfos.ofPredictor(predictor, maxRings, metrics);
            PredictorPortObject port = new PredictorPortObject(new PredictorPortObjectSpec(info), outcome.archive());
            BufferedDataTable table1 = PredictorMetricsTable.create(predictor.spec().targets(), validation, exec);
            setWarningMessage(warning(data, tooLarge, limit, validation == null));
            return new PortObject[] {port, table1};
        }
    }

    /**
     * MAE per target at t = 0 on the validation part of the split (indices into the dataset's records, which the
     * training kept in order), or null when the split has no validation part.
     */
    static PredictorEvaluation evaluateValidation(final PropertyPredictor predictor, final Dataset data,
            final DataSplit split, final PredictorTrainingSettings settings, final ExecutionProgress progress) {
        int[] idx = split.validation();
        if (idx.length == 0) {
            return null;
        }
        if (split.itemCount() != data.size()) {
            throw new IllegalStateException("the training split covers " + split.itemCount() + " molecules but the "
                    + "table has " + data.size());
        }
        List<GraphOfRings> gors = new ArrayList<>(idx.length);
        double[][] y = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            MoleculeRecord r = data.records().get(idx[k]);
            gors.add(r.gor());
            y[k] = r.properties();
        }
        return predictor.evaluate(gors, y, new int[0], settings.batchSize(), settings.seed(),
                (done, total) -> progress.count(done, total, "validation batches"));
    }

    static String warning(final Dataset data, final int tooLarge, final int edmCapacity,
            final boolean noValidation) {
        List<String> parts = new ArrayList<>();
        String rejected = MoleculeTableReader.rejectionWarning(data);
        if (rejected != null) {
            parts.add(rejected);
        }
        if (tooLarge > 0) {
            parts.add(tooLarge + (tooLarge == 1 ? " molecule has" : " molecules have") + " more rings than the "
                    + "EDM's capacity of " + edmCapacity + " and " + (tooLarge == 1 ? "was" : "were") + " left out");
        }
        if (noValidation) {
            parts.add("no validation molecules (validation fraction 0 or too few molecules), so the metrics table "
                    + "has no errors");
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
        for (SettingsModel m : models()) {
            m.validateSettings(settings);
        }
        new Config(gorColumn.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue(),
                targetColumns.<SettingsModelStringArray>createCloneWithValidatedValue(settings)
                        .getStringArrayValue(),
                intValue(layers, settings), intValue(hidden, settings), intValue(epochs, settings),
                intValue(batchSize, settings),
                learningRate.<SettingsModelDoubleBounded>createCloneWithValidatedValue(settings).getDoubleValue(),
                seed.<SettingsModelInteger>createCloneWithValidatedValue(settings).getIntValue(),
                device.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue(),
                validationFraction.<SettingsModelDoubleBounded>createCloneWithValidatedValue(settings)
                        .getDoubleValue());
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
        // no internals: the predictor port and the metrics table are all there is
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
