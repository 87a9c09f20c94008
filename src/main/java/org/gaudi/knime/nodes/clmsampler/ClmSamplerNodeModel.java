package org.gaudi.knime.nodes.clmsampler;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.clm.ClmDesign;
import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmSamplingSettings;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.Devices;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.port.ClmPortObject;
import org.gaudi.knime.port.ObjectivePortObject;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.gaudi.knime.table.ClmDesignTable;
import org.gaudi.knime.table.DesignTable;
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

import ai.djl.Device;

/**
 * Chemical Language Model Sampler: draws SMILES from the language model and checks and scores them as the Guided
 * Sampler does ({@link ClmDesign}): validity by GaUDI's rules where the graph-of-rings encoder accepts the molecule
 * (otherwise "OUT_OF_DOMAIN"), InChIKey, novelty against the model's training molecules, the optional predictor's
 * values and objective, and the exact Hückel gap. Output 0 is the Guided Sampler's molecule table plus the sampled
 * text, its log-likelihood and length ({@link ClmDesignTable}); output 1 a one-row summary. Sort output 0 by the
 * objective to sample-and-rank.
 */
public final class ClmSamplerNodeModel extends NodeModel {

    public static final String CFG_MOLECULES = "molecules";
    public static final String CFG_TEMPERATURE = "temperature";
    public static final String CFG_TOP_K = "top_k";
    public static final String CFG_MAX_TOKENS = "max_tokens";
    public static final String CFG_SEED = "seed";
    public static final String CFG_BATCH_SIZE = "batch_size";
    public static final String CFG_DEVICE = "device";

    /** Device choices, as the setting stores them. */
    public static final List<String> DEVICES = Devices.CHOICES;

    static final int PORT_MODEL = 0;
    static final int PORT_PREDICTOR = 1;
    static final int PORT_OBJECTIVE = 2;

    private final SettingsModelIntegerBounded molecules = createMoleculesModel();
    private final SettingsModelDoubleBounded temperature = createTemperatureModel();
    private final SettingsModelIntegerBounded topK = createTopKModel();
    private final SettingsModelIntegerBounded maxTokens = createMaxTokensModel();
    private final SettingsModelInteger seed = createSeedModel();
    private final SettingsModelIntegerBounded batchSize = createBatchSizeModel();
    private final SettingsModelString device = createDeviceModel();

    public ClmSamplerNodeModel() {
        super(new PortType[] {ClmPortObject.TYPE, PredictorPortObject.TYPE_OPTIONAL,
            ObjectivePortObject.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelIntegerBounded createMoleculesModel() {
        return new SettingsModelIntegerBounded(CFG_MOLECULES, 1000, 1, 10_000_000);
    }

    static SettingsModelDoubleBounded createTemperatureModel() {
        return new SettingsModelDoubleBounded(CFG_TEMPERATURE, 1.0, 1e-3, 100);
    }

    static SettingsModelIntegerBounded createTopKModel() {
        return new SettingsModelIntegerBounded(CFG_TOP_K, 0, 0, 100_000);
    }

    static SettingsModelIntegerBounded createMaxTokensModel() {
        return new SettingsModelIntegerBounded(CFG_MAX_TOKENS, 0, 0, 100_000);
    }

    static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, 0);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 250, 1, 1 << 16);
    }

    static SettingsModelString createDeviceModel() {
        return new SettingsModelString(CFG_DEVICE, DEVICES.get(0));
    }

    private List<SettingsModel> models() {
        return List.of(molecules, temperature, topK, maxTokens, seed, batchSize, device);
    }

    /** The core's settings and device for these values, checked. */
    static ClmSamplingSettings settings(final List<? extends SettingsModel> m) throws InvalidSettingsException {
        Devices.parse(((SettingsModelString) m.get(6)).getStringValue(), CFG_DEVICE);
        try {
            return new ClmSamplingSettings(((SettingsModelInteger) m.get(0)).getIntValue(),
                    ((SettingsModelDoubleBounded) m.get(1)).getDoubleValue(),
                    ((SettingsModelInteger) m.get(2)).getIntValue(), ((SettingsModelInteger) m.get(4)).getIntValue(),
                    ((SettingsModelInteger) m.get(3)).getIntValue(), ((SettingsModelInteger) m.get(5)).getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid sampling settings: " + e.getMessage(), e);
        }
    }

    /** An objective needs a predictor that predicts every property it reads. */
    static void checkObjective(final PredictorPortObjectSpec predictor, final ObjectivePortObjectSpec objective)
            throws InvalidSettingsException {
        if (objective == null) {
            return;
        }
        if (predictor == null) {
            throw new InvalidSettingsException("The objective '" + objective.getObjectiveText() + "' needs a property "
                    + "predictor at the second input.");
        }
        List<String> unknown = new ArrayList<>(objective.getObjective().referencedNames());
        unknown.removeAll(predictor.getModelInfo().targetNames());
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException("The objective '" + objective.getObjectiveText() + "' reads "
                    + String.join(", ", unknown) + ", which the property predictor does not predict (targets: "
                    + String.join(", ", predictor.getModelInfo().targetNames()) + ").");
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings(models());
        PredictorPortObjectSpec predictor = (PredictorPortObjectSpec) inSpecs[PORT_PREDICTOR];
        checkObjective(predictor, (ObjectivePortObjectSpec) inSpecs[PORT_OBJECTIVE]);
        List<String> targets = predictor == null ? List.of() : predictor.getModelInfo().targetNames();
        return new PortObjectSpec[] {ClmDesignTable.spec(targets), ClmDesignTable.summarySpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        ClmSamplingSettings s = settings(models());
        ClmPortObject model = (ClmPortObject) inObjects[PORT_MODEL];
        PredictorPortObject predictor = (PredictorPortObject) inObjects[PORT_PREDICTOR];
        ObjectivePortObject objective = (ObjectivePortObject) inObjects[PORT_OBJECTIVE];
        checkObjective(predictor == null ? null : predictor.getSpec(), objective == null ? null
                : objective.getSpec());
        ModelArchive lmArchive = model.readArchive();
        ModelArchive predictorArchive = predictor == null ? null : predictor.readArchive();
        Device dev = CoreCalls.call(() -> Djl.selectDevice(Devices.parse(device.getStringValue(), CFG_DEVICE)));
        ExecutionProgress progress = new ExecutionProgress(exec.createSubProgress(0.95));
        ClmDesign.Result result;
        try (ClmModel lm = CoreCalls.call(exec, () -> ClmModel.fromArchive(lmArchive, dev));
                PropertyPredictor p = predictorArchive == null ? null
                        : CoreCalls.call(exec, () -> PropertyPredictor.fromArchive(predictorArchive, dev))) {
            ClmDesign design = CoreCalls.call(exec, () -> new ClmDesign(lm, p, objective == null ? null
                    : objective.getObjective()));
            result = CoreCalls.call(exec, () -> design.run(s, (done, total, message) -> progress.progress(
                    (double) done / Math.max(1, total), done + " of " + total + " SMILES drawn, " + message),
                    progress.cancelCheck()));
        }
        BufferedDataTable table = ClmDesignTable.create(result.molecules(), result.generated(),
                result.propertyNames(), exec);
        BufferedDataTable summary = ClmDesignTable.createSummary(result.summary(), exec);
        if (result.summary().valid() == 0) {
            setWarningMessage("None of the " + result.summary().molecules() + " SMILES is a valid molecule; see the '"
                    + DesignTable.COL_REASON + "' column.");
        }
        return new PortObject[] {table, summary};
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
        settings(clones);
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
