package org.gaudi.knime.nodes.sampler;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.xtb.XtbColumn;
import org.gaudi.core.xtb.XtbLocator;
import org.gaudi.core.xtb.XtbRunner;
import org.gaudi.core.xtb.XtbSettings;
import org.gaudi.core.xtb.XtbUnavailableException;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.Devices;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.EdmPortObjectSpec;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.port.ObjectivePortObject;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.gaudi.knime.table.DesignSummaryTable;
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
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Guided Sampler: generates molecules with the EDM while the gradient of the objective, evaluated on the property
 * predictor's output, steers every reverse diffusion step ({@link GuidedSampler}); without an objective it samples
 * unguided and only scores the molecules. Output 0 is the molecule table ({@link DesignTable}), output 1 the one-row
 * summary ({@link DesignSummaryTable}) including the device that sampled, which is also pushed as the flow variable
 * {@value #FLOW_DEVICE}. configure() checks that the three models fit together (ring-type vocabulary, noise
 * schedule, targets, ring limits) before anything runs.
 */
public final class GuidedSamplerNodeModel extends NodeModel {

    /** Guidance scale in GaUDI units ({@link org.gaudi.core.sampling.ScaleConvention}); 0 samples unguided. */
    public static final String CFG_SCALE = "scale";
    /** How the objective steers sampling: a {@link GuidanceMethod#id()}. */
    public static final String CFG_SAMPLER = "sampler";
    /** Per-molecule gradient clip norm. */
    public static final String CFG_CLIP = "clip_norm";
    public static final String CFG_MOLECULES = "molecules";
    /** Rings per molecule; 0 draws them from the EDM's ring-count distribution. */
    public static final String CFG_RINGS = "rings";
    /** Reverse diffusion steps; 0 for all of the model's T. */
    public static final String CFG_STEPS = "steps";
    /** Std of the initial noise; 0 for GaUDI's default (1.0 guided, 0.7 unguided). */
    public static final String CFG_INITIAL_NOISE_STD = "initial_noise_std";
    public static final String CFG_SEED = "seed";
    public static final String CFG_BATCH_SIZE = "batch_size";
    public static final String CFG_DEVICE = "device";
    /** Whether valid designs also get a GFN2-xTB gap (off by default; workflows saved without it load as off). */
    public static final String CFG_XTB = "xtb_gap";
    /** The xtb executable; empty searches PATH. */
    public static final String CFG_XTB_PATH = "xtb_path";
    /** Wall-clock limit per molecule for xtb, seconds. */
    public static final String CFG_XTB_TIME_LIMIT = "xtb_time_limit_s";

    /** Flow variable with the device that sampled, e.g. {@code cpu} or {@code gpu(0)}. */
    public static final String FLOW_DEVICE = "gaudi.device";
    /** Flow variable with the fraction of valid molecules. */
    public static final String FLOW_VALID_FRACTION = "gaudi.valid_fraction";

    static final int PORT_EDM = 0;
    static final int PORT_PREDICTOR = 1;
    static final int PORT_OBJECTIVE = 2;

    private final SettingsModelDoubleBounded scale = createScaleModel();
    private final SettingsModelString sampler = createSamplerModel();
    private final SettingsModelDoubleBounded clip = createClipModel();
    private final SettingsModelIntegerBounded molecules = createMoleculesModel();
    private final SettingsModelIntegerBounded rings = createRingsModel();
    private final SettingsModelIntegerBounded steps = createStepsModel();
    private final SettingsModelDoubleBounded initialNoiseStd = createInitialNoiseStdModel();
    private final SettingsModelInteger seed = createSeedModel();
    private final SettingsModelIntegerBounded batchSize = createBatchSizeModel();
    private final SettingsModelString device = createDeviceModel();
    private final SettingsModelBoolean xtb = createXtbModel();
    private final SettingsModelString xtbPath = createXtbPathModel();
    private final SettingsModelIntegerBounded xtbTimeLimit = createXtbTimeLimitModel();

    public GuidedSamplerNodeModel() {
        super(new PortType[] {EdmPortObject.TYPE, PredictorPortObject.TYPE, ObjectivePortObject.TYPE_OPTIONAL},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelDoubleBounded createScaleModel() {
        return new SettingsModelDoubleBounded(CFG_SCALE, GuidanceSettings.DEFAULT_SCALE, 0, 1e6);
    }

    static SettingsModelString createSamplerModel() {
        return new SettingsModelString(CFG_SAMPLER, GuidanceSettings.DEFAULT_SAMPLER.id());
    }

    /** The sampler ids offered by the dialog, the default first. */
    static List<String> samplerChoices() {
        List<String> ids = new ArrayList<>();
        ids.add(GuidanceSettings.DEFAULT_SAMPLER.id());
        for (GuidanceMethod m : GuidanceMethod.values()) {
            if (m != GuidanceSettings.DEFAULT_SAMPLER) {
                ids.add(m.id());
            }
        }
        return ids;
    }

    static SettingsModelDoubleBounded createClipModel() {
        return new SettingsModelDoubleBounded(CFG_CLIP, GuidanceSettings.DEFAULT_CLIP_NORM, 1e-6, 1e6);
    }

    static SettingsModelIntegerBounded createMoleculesModel() {
        return new SettingsModelIntegerBounded(CFG_MOLECULES, 128, 1, 1_000_000);
    }

    static SettingsModelIntegerBounded createRingsModel() {
        return new SettingsModelIntegerBounded(CFG_RINGS, 0, 0, 64);
    }

    static SettingsModelIntegerBounded createStepsModel() {
        return new SettingsModelIntegerBounded(CFG_STEPS, 0, 0, 100_000);
    }

    static SettingsModelDoubleBounded createInitialNoiseStdModel() {
        return new SettingsModelDoubleBounded(CFG_INITIAL_NOISE_STD, 0, 0, 100);
    }

    static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, 0);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 64, 1, 1 << 16);
    }

    static SettingsModelString createDeviceModel() {
        return new SettingsModelString(CFG_DEVICE, Devices.CHOICES.get(0));
    }

    static SettingsModelBoolean createXtbModel() {
        return new SettingsModelBoolean(CFG_XTB, false);
    }

    static SettingsModelString createXtbPathModel() {
        return new SettingsModelString(CFG_XTB_PATH, "");
    }

    static SettingsModelIntegerBounded createXtbTimeLimitModel() {
        return new SettingsModelIntegerBounded(CFG_XTB_TIME_LIMIT,
                (int) XtbSettings.DEFAULT_TIME_LIMIT.toSeconds(), 1, 86_400);
    }

    private List<SettingsModel> models() {
        return List.of(scale, sampler, clip, molecules, rings, steps, initialNoiseStd, seed, batchSize, device, xtb,
                xtbPath, xtbTimeLimit);
    }

    /** The core's settings for these values, checked. */
    static GuidanceSettings guidanceSettings(double scale, double clip, int molecules, int rings, int steps,
            double std, int seed, int batchSize, String device) throws InvalidSettingsException {
        return guidanceSettings(scale, GuidanceSettings.DEFAULT_SAMPLER.id(), clip, molecules, rings, steps, std,
                seed, batchSize, device);
    }

    /** The core's settings for these values with a sampler id, checked. */
    static GuidanceSettings guidanceSettings(double scale, String samplerId, double clip, int molecules, int rings,
            int steps, double std, int seed, int batchSize, String device) throws InvalidSettingsException {
        Djl.DeviceSetting d = Devices.parse(device, CFG_DEVICE);
        GuidanceMethod method;
        try {
            method = GuidanceMethod.parse(samplerId);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + CFG_SAMPLER + "': " + e.getMessage(), e);
        }
        try {
            GuidanceSettings.Builder b = GuidanceSettings.builder().scale(scale).sampler(method).clipNorm(clip)
                    .molecules(molecules)
                    .initialNoiseStd(std == 0 ? null : std).seed(seed).steps(steps == 0 ? null : steps)
                    .batchSize(batchSize).device(d);
            return (rings == 0 ? b.ringCountsFromDistribution() : b.ringCount(rings)).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid sampling settings: " + e.getMessage(), e);
        }
    }

    private GuidanceSettings settings() throws InvalidSettingsException {
        return guidanceSettings(scale.getDoubleValue(), sampler.getStringValue(), clip.getDoubleValue(),
                molecules.getIntValue(),
                rings.getIntValue(), steps.getIntValue(), initialNoiseStd.getDoubleValue(), seed.getIntValue(),
                batchSize.getIntValue(), device.getStringValue());
    }

    /**
     * Checks that the models fit together and the settings fit the models, from their specs alone.
     *
     * @throws InvalidSettingsException saying what does not fit and how to fix it
     */
    static void checkCompatible(final ModelInfo edm, final ModelInfo predictor, final ObjectivePortObjectSpec objective,
            final GuidanceSettings s) throws InvalidSettingsException {
        if (!edm.vocabulary().equals(predictor.vocabulary())) {
            throw new InvalidSettingsException("The property predictor reads ring types " + predictor.vocabulary()
                    + " but the EDM generates " + edm.vocabulary() + "; train the predictor with this EDM connected "
                    + "to its second input.");
        }
        if (edm.timesteps() != predictor.timesteps() || !edm.schedule().equals(predictor.schedule())) {
            throw new InvalidSettingsException("The property predictor was trained with noise schedule "
                    + predictor.schedule() + " (T = " + predictor.timesteps() + ") but the EDM uses " + edm.schedule()
                    + " (T = " + edm.timesteps() + "); guidance needs the same schedule.");
        }
        if (objective != null) {
            List<String> unknown = new ArrayList<>(objective.getObjective().referencedNames());
            unknown.removeAll(predictor.targetNames());
            if (!unknown.isEmpty()) {
                throw new InvalidSettingsException("The objective '" + objective.getObjectiveText() + "' reads "
                        + String.join(", ", unknown) + ", which the property predictor does not predict (targets: "
                        + String.join(", ", predictor.targetNames()) + ").");
            }
        }
        if (s.fixedRingCount()) {
            if (edm.maxRings() > 0 && s.ringCount() > edm.maxRings()) {
                throw new InvalidSettingsException("Rings (" + s.ringCount() + ", setting '" + CFG_RINGS
                        + "') exceeds the EDM's capacity of " + edm.maxRings() + " rings.");
            }
            if (predictor.maxRings() > 0 && s.ringCount() > predictor.maxRings()) {
                throw new InvalidSettingsException("Rings (" + s.ringCount() + ", setting '" + CFG_RINGS
                        + "') exceeds the " + predictor.maxRings() + " rings the property predictor was trained on.");
            }
        }
        Integer k = s.stepsSetting();
        if (k != null && k > edm.timesteps()) {
            throw new InvalidSettingsException("Steps (" + k + ", setting '" + CFG_STEPS + "') exceeds the EDM's "
                    + edm.timesteps() + " diffusion steps.");
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        GuidanceSettings s = settings();
        EdmPortObjectSpec edm = (EdmPortObjectSpec) inSpecs[PORT_EDM];
        PredictorPortObjectSpec predictor = (PredictorPortObjectSpec) inSpecs[PORT_PREDICTOR];
        ObjectivePortObjectSpec objective = (ObjectivePortObjectSpec) inSpecs[PORT_OBJECTIVE];
        if (predictor == null) {
            return new PortObjectSpec[] {null, null};
        }
        if (edm != null) {
            checkCompatible(edm.getModelInfo(), predictor.getModelInfo(), objective, s);
        }
        List<String> targets = predictor.getModelInfo().targetNames();
        if (xtb.getBooleanValue()) {
            try {
                XtbLocator.locate(xtbPath.getStringValue());
            } catch (XtbUnavailableException e) {
                setWarningMessage("xTB gap requested but " + e.getMessage() + " (setting '" + CFG_XTB_PATH
                        + "'); the xTB columns will stay empty.");
            }
        }
        return new PortObjectSpec[] {DesignTable.spec(targets, xtb.getBooleanValue()),
            DesignSummaryTable.spec(targets)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        GuidanceSettings s = settings();
        EdmPortObject edm = (EdmPortObject) inObjects[PORT_EDM];
        PredictorPortObject predictor = (PredictorPortObject) inObjects[PORT_PREDICTOR];
        ObjectivePortObject objective = (ObjectivePortObject) inObjects[PORT_OBJECTIVE];
        checkCompatible(edm.getModelInfo(), predictor.getModelInfo(), objective == null ? null
                : objective.getSpec(), s);
        ModelArchive edmArchive = edm.readArchive();
        ModelArchive predictorArchive = predictor.readArchive();
        String objectiveText = objective == null ? null : objective.getObjective().toText();
        XtbRunner xtbRunner = null;
        String xtbMissing = null;
        if (xtb.getBooleanValue()) {
            try {
                xtbRunner = new XtbRunner(XtbLocator.locate(xtbPath.getStringValue()), XtbSettings.defaults()
                        .withTimeLimit(Duration.ofSeconds(xtbTimeLimit.getIntValue())));
            } catch (XtbUnavailableException e) {
                xtbMissing = e.getMessage();
            }
        }
        ExecutionProgress progress = new ExecutionProgress(exec.createSubProgress(xtbRunner == null ? 0.95 : 0.6));
        DesignResult result;
        try (GuidedSampler sampler = CoreCalls.call(exec, () -> GuidedSampler.open(edmArchive, predictorArchive,
                objectiveText, s.device()))) {
            result = CoreCalls.call(exec, () -> sampler.run(s, (done, total, message) -> progress.progress(
                    (double) done / Math.max(1, total), "step " + done + " of " + total + ", " + message),
                    progress.cancelCheck()));
        }
        if (result.summary().guidanceFailure() != null) {
            throw new IllegalStateException(result.summary().guidanceFailure());
        }
        XtbColumn xtbColumn = null;
        if (xtbRunner != null) {
            ExecutionProgress xtbProgress = new ExecutionProgress(exec.createSubProgress(0.35));
            XtbRunner runner = xtbRunner;
            xtbColumn = CoreCalls.call(exec, () -> XtbColumn.compute(result.sdfById(), runner,
                    (done, total, message) -> xtbProgress.progress((double) done / Math.max(1, total), message),
                    xtbProgress.cancelCheck()));
        }
        List<String> targets = result.propertyNames();
        BufferedDataTable table = DesignTable.create(result.molecules(), targets, xtb.getBooleanValue(), xtbColumn,
                exec);
        BufferedDataTable summary = DesignSummaryTable.create(result.summary(), targets, exec);
        pushFlowVariableString(FLOW_DEVICE, result.summary().device());
        pushFlowVariableDouble(FLOW_VALID_FRACTION, result.summary().validFraction());
        List<String> warnings = new ArrayList<>();
        if (xtbMissing != null) {
            warnings.add("xTB gap requested but " + xtbMissing + " (setting '" + CFG_XTB_PATH
                    + "'); the xTB columns are empty.");
        } else if (xtbColumn != null && xtbColumn.tally().failed() > 0) {
            warnings.add("xtb gave no gap for " + xtbColumn.tally().failed() + " of " + xtbColumn.tally().total()
                    + " valid molecules (" + xtbColumn.tally() + "); see the '" + DesignTable.COL_XTB_ERROR
                    + "' column.");
        }
        if (objective != null && s.scale() == 0) {
            warnings.add(0, "Guidance scale is 0: the molecules were sampled unguided (the objective only scores "
                    + "them).");
        } else if (result.summary().valid() == 0) {
            warnings.add(0, "None of the " + result.summary().molecules() + " molecules is valid; see the '"
                    + DesignTable.COL_REASON + "' column.");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(" ", warnings));
        }
        return new PortObject[] {table, summary};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : models()) {
            m.saveSettingsTo(settings);
        }
    }

    /**
     * Settings saved before the sampler choice existed have no {@value #CFG_SAMPLER} key; they meant GaUDI's update,
     * so that is what they load as (their scale was in physical units then; see the node description). Settings
     * saved before the xTB check existed lack its three keys and load with it off.
     */
    private boolean optional(SettingsModel m, NodeSettingsRO settings) {
        return m == sampler && !settings.containsKey(CFG_SAMPLER) || m == xtb && !settings.containsKey(CFG_XTB)
                || m == xtbPath && !settings.containsKey(CFG_XTB_PATH)
                || m == xtbTimeLimit && !settings.containsKey(CFG_XTB_TIME_LIMIT);
    }

    private String samplerId(SettingsModelString m, NodeSettingsRO settings) throws InvalidSettingsException {
        return optional(m, settings) ? GuidanceMethod.GAUDI.id()
                : m.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue();
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            if (!optional(m, settings)) {
                m.validateSettings(settings);
            }
        }
        guidanceSettings(dbl(scale, settings), samplerId(sampler, settings),
                dbl(clip, settings), integer(molecules, settings),
                integer(rings, settings), integer(steps, settings), dbl(initialNoiseStd, settings),
                seed.<SettingsModelInteger>createCloneWithValidatedValue(settings).getIntValue(),
                integer(batchSize, settings),
                device.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue());
    }

    private static double dbl(SettingsModelDoubleBounded m, NodeSettingsRO s) throws InvalidSettingsException {
        return m.<SettingsModelDoubleBounded>createCloneWithValidatedValue(s).getDoubleValue();
    }

    private static int integer(SettingsModelIntegerBounded m, NodeSettingsRO s) throws InvalidSettingsException {
        return m.<SettingsModelIntegerBounded>createCloneWithValidatedValue(s).getIntValue();
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            if (optional(m, settings)) {
                loadDefault(m);
            } else {
                m.loadSettingsFrom(settings);
            }
        }
    }

    private void loadDefault(SettingsModel m) {
        if (m == sampler) {
            sampler.setStringValue(GuidanceMethod.GAUDI.id());
        } else if (m == xtb) {
            xtb.setBooleanValue(false);
        } else if (m == xtbPath) {
            xtbPath.setStringValue("");
        } else if (m == xtbTimeLimit) {
            xtbTimeLimit.setIntValue((int) XtbSettings.DEFAULT_TIME_LIMIT.toSeconds());
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals: the two tables are all there is
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
