package org.gaudi.core.sampling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SampleResult;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.diffusion.SamplingHook;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.objective.DomainReport;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;

import ai.djl.ndarray.NDArray;

/**
 * Guided design (GaUDI §7): samples molecules from an {@link EdmModel} while the gradient of an {@link Objective} of a
 * time-conditioned {@link PropertyPredictor}'s predictions steers every reverse step ({@link GuidanceHook}), then
 * decodes, scores and tabulates them ({@link DesignResult}: one {@link DesignedMolecule} per molecule plus a
 * {@link DesignSummary}).
 *
 * <ul>
 * <li><b>Unguided</b> when there is no objective or the scale is 0: plain ancestral sampling (the final
 * p(x, h | z_0) step is always unguided). With a predictor the rows still carry predictions and, with an
 * objective, objective values, so scale 0 is the baseline of a scale sweep.</li>
 * <li><b>Batches</b> of {@link GuidanceSettings#batchSize()} molecules; batch b samples with seed
 * {@link #batchSeed}(run seed, b), and the ring counts of all molecules are drawn first from the run seed (or fixed),
 * so a run depends only on the models, the settings and the batch size.</li>
 * <li><b>Time index</b>: the predictor's gradient is taken at the freshly sampled z_s and the predictor is told the
 * time s/T, the noise level of z_s ({@link PredictorTime#S}); the reference code tells it t/T, an off-by-one that
 * grows to T/K steps with a respaced grid of K steps ({@link PredictorTime#T} reproduces it).</li>
 * <li><b>Scoring</b>: the predictor re-scores every molecule at t = 0 on its clean sampled graph of rings (final
 * positions and argmax ring types, normalised as x/3, one-hot/4; GaUDI §7.2 step 4); the objective is evaluated
 * exactly on those predictions; the Hückel gap of each valid decoded molecule is an independent physics check.</li>
 * <li><b>Progress and cancellation</b>: progress after every reverse step of every batch; the cancellation flag is
 * checked before and after the guidance update of each step (so a run stops within one step) and between molecules
 * while building the table. Cancelling throws {@link SamplingCancelledException}; nothing is written.</li>
 * </ul>
 *
 * <pre>{@code
 * try (GuidedSampler s = GuidedSampler.open(edmFile, predictorFile, "maximize HMO_GAP_eV", DeviceSetting.AUTO)) {
 *     DesignResult r = s.run(GuidanceSettings.builder().scale(0.6).molecules(128).seed(1).build(),
 *             DesignProgress.NONE, () -> false);
 *     DesignWriters.writeAll(outDir, r);
 * }
 * }</pre>
 *
 * Thread-safety: one run at a time per instance; the models may be shared with other readers.
 */
public final class GuidedSampler implements AutoCloseable {
    /** Mixed into a batch's seed for its particle resampling, so that it draws apart from the sampling noise. */
    private static final long RESAMPLING_SEED = 0x5EED5A3D1E5L;
    private final EdmModel edm;
    private final PropertyPredictor predictor;
    private final Objective objective;
    private final boolean ownsModels;
    /** Test seam: wraps the guidance gradient (fault injection); null in production. */
    java.util.function.UnaryOperator<GuidanceHook.GradientFunction> gradientWrapper;

    /**
     * A sampler around loaded models (not closed by {@link #close()}).
     *
     * @param edm       the diffusion model
     * @param predictor the property predictor, or null (unguided sampling without predictions)
     * @param objective the objective (bound to the predictor's targets here if it is not), or null (unguided)
     * @throws IllegalArgumentException when an objective is given without a predictor, names a property the predictor
     *                                  does not predict, or the predictor cannot guide the EDM (different ring-type
     *                                  vocabulary, node layout or noise schedule)
     */
    public GuidedSampler(EdmModel edm, PropertyPredictor predictor, Objective objective) {
        this(edm, predictor, objective, false);
    }

    private GuidedSampler(EdmModel edm, PropertyPredictor predictor, Objective objective, boolean owns) {
        this.edm = Objects.requireNonNull(edm, "edm");
        this.predictor = predictor;
        if (objective != null && predictor == null) {
            throw new IllegalArgumentException("the objective '" + objective.sourceText() + "' needs a property "
                    + "predictor");
        }
        if (predictor != null) {
            try {
                predictor.requireCompatible(edm.architecture());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("this property predictor cannot guide this diffusion model: "
                        + e.getMessage(), e);
            }
        }
        this.objective = objective == null ? null : bind(objective, predictor);
        this.ownsModels = owns;
    }

    private static Objective bind(Objective objective, PropertyPredictor predictor) {
        List<String> names = predictor.spec().targetNames();
        if (objective.isBound() && objective.targetNames().equals(names)) {
            return objective;
        }
        try {
            return objective.bind(names);
        } catch (ObjectiveSyntaxException e) {
            throw new IllegalArgumentException("objective does not fit the predictor: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the models on the chosen device and parses the objective against the predictor's targets. The returned
     * sampler owns the models and frees them on {@link #close()}.
     *
     * @param predictor     predictor archive, or null
     * @param objectiveText e.g. {@code maximize HMO_GAP_eV}, or null/blank for none
     * @throws ModelFormatException     when an archive does not hold the expected model
     * @throws IllegalArgumentException for an objective that does not parse (position and problem in the message) or
     *                                  models that do not fit together
     */
    public static GuidedSampler open(ModelArchive edm, ModelArchive predictor, String objectiveText,
            Djl.DeviceSetting device) throws ModelFormatException {
        var dev = Djl.selectDevice(device);
        EdmModel e = EdmModel.fromArchive(edm, dev);
        PropertyPredictor p = null;
        try {
            p = predictor == null ? null : PropertyPredictor.fromArchive(predictor, dev);
            return new GuidedSampler(e, p, parse(objectiveText, p), true);
        } catch (ModelFormatException | RuntimeException ex) {
            e.close();
            if (p != null) {
                p.close();
            }
            throw ex;
        }
    }

    /** {@link #open(ModelArchive, ModelArchive, String, Djl.DeviceSetting)} for model files. */
    public static GuidedSampler open(Path edm, Path predictor, String objectiveText, Djl.DeviceSetting device)
            throws IOException {
        ModelArchive e = ModelArchive.read(edm, EdmModel.KIND);
        ModelArchive p = predictor == null ? null : ModelArchive.read(predictor, PropertyPredictor.KIND);
        return open(e, p, objectiveText, device);
    }

    /**
     * Parses an objective against a predictor's targets.
     *
     * @return null for a null or blank text
     * @throws IllegalArgumentException with the position and problem, or when there is no predictor
     */
    public static Objective parse(String objectiveText, PropertyPredictor predictor) {
        if (objectiveText == null || objectiveText.isBlank()) {
            return null;
        }
        if (predictor == null) {
            throw new IllegalArgumentException("the objective '" + objectiveText + "' needs a property predictor");
        }
        try {
            return Objective.parse(objectiveText, predictor.spec().targetNames());
        } catch (ObjectiveSyntaxException e) {
            throw new IllegalArgumentException("objective: " + e.getMessage(), e);
        }
    }

    public EdmModel edm() {
        return edm;
    }

    /** The predictor, or null. */
    public PropertyPredictor predictor() {
        return predictor;
    }

    /** The bound objective, or null. */
    public Objective objective() {
        return objective;
    }

    /**
     * Checks settings against the models before any sampling: ring count within the EDM's capacity and within the
     * ring range the predictor was trained on (when it records one), steps ≤ T.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    public void check(GuidanceSettings s) {
        int maxRings = edm.architecture().maxRings();
        if (s.fixedRingCount() && s.ringCount() > maxRings) {
            throw new IllegalArgumentException("ring count " + s.ringCount() + " exceeds the diffusion model's "
                    + "maximum of " + maxRings + " rings");
        }
        int steps = s.steps(edm.timesteps());
        if (steps > edm.timesteps()) {
            throw new IllegalArgumentException("sampling steps must be at most the model's T = " + edm.timesteps()
                    + ", got " + steps);
        }
        Integer predictorMax = predictorMaxRings();
        if (predictorMax != null) {
            int wanted = s.fixedRingCount() ? s.ringCount() : edm.ringCountDistribution().maxRings();
            if (wanted > predictorMax) {
                throw new IllegalArgumentException("the property predictor was trained on molecules with at most "
                        + predictorMax + " rings, but " + (s.fixedRingCount() ? "the ring count is " + wanted
                        : "the diffusion model samples up to " + wanted + " rings; fix the ring count at "
                        + predictorMax + " or less, or use a predictor trained on larger molecules"));
            }
        }
    }

    private Integer predictorMaxRings() {
        if (predictor == null) {
            return null;
        }
        Object v = predictor.data().get("maxRings");
        return v instanceof Number n && n.intValue() > 0 ? n.intValue() : null;
    }

    /**
     * Runs a design: samples (guided when there is an objective and the scale is &gt; 0), decodes, scores and
     * tabulates.
     *
     * @param progress  receives reverse steps done over all batches (and a short message)
     * @param cancelled polled within every step
     * @throws SamplingCancelledException when cancelled
     * @throws IllegalArgumentException   when the settings do not fit the models ({@link #check})
     */
    public DesignResult run(GuidanceSettings settings, DesignProgress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        check(settings);
        long start = System.nanoTime();
        boolean design = objective != null;
        boolean guided = design && settings.scale() > 0;
        int steps = settings.steps(edm.timesteps());
        double std = settings.initialNoiseStd(design);
        int n = settings.molecules();
        int[] rings = ringCounts(settings);
        int batchSize = settings.batchSize();
        int batches = (n + batchSize - 1) / batchSize;
        long totalSteps = (long) batches * steps;
        GuidanceHook guidance = guided ? new GuidanceHook(predictor, objective, settings.scale(),
                settings.clipNorm(), settings.predictorTime(), settings.sampler()) : null;
        if (guidance != null && gradientWrapper != null) {
            guidance.wrapGradient(gradientWrapper);
        }
        List<SampledMolecule> sampled = new ArrayList<>(n);
        long nanReplacements = 0;
        int recentred = 0;
        long samplingNanos = 0;
        long[] unscored = {0};
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int to = Math.min(n, from + batchSize);
            int[] batchRings = Arrays.copyOfRange(rings, from, to);
            long seed = batchSeed(settings.seed(), b);
            long before = (long) b * steps;
            String label = "batch " + (b + 1) + "/" + batches;
            if (guidance != null) {
                guidance.startBatch(batchRings, seed ^ RESAMPLING_SEED);
            }
            SamplingHook hook = step -> {
                checkCancelled(cancelled);
                NDArray z = guidance == null ? step.zs() : guidance.afterStep(step);
                checkCancelled(cancelled);
                String msg = guidance == null || Double.isNaN(guidance.lastMeanObjective()) ? label
                        : String.format(Locale.ROOT, "%s, predicted objective %.3f", label,
                                guidance.lastMeanObjective());
                progress.update(before + step.stepIndex() + 1, totalSteps, msg);
                return z;
            };
            long t0 = System.nanoTime();
            SampleResult r = edm.sample(batchRings, new SamplingOptions(seed, std, steps), hook);
            samplingNanos += System.nanoTime() - t0;
            nanReplacements += r.nanReplacements();
            recentred += r.recentred() ? 1 : 0;
            checkCancelled(cancelled);
            List<DecodedMolecule> decoded = edm.decode(r);
            double[][] predicted = predictor == null ? null : predictClean(r.graphs(), unscored);
            for (int i = 0; i < decoded.size(); i++) {
                sampled.add(new SampledMolecule(from + i, b, seed, batchRings[i], r.graphs().get(i), decoded.get(i),
                        predicted == null ? null : predicted[i]));
            }
        }
        List<String> names = predictor == null ? List.of() : predictor.spec().targetNames();
        List<DesignedMolecule> rows = new MoleculeTableBuilder(names, objective, edm.trainingInchiKeys())
                .build(sampled, cancelled);
        double msPerStep = samplingNanos / 1e6 / Math.max(1, totalSteps);
        DesignSummary.RunFacts facts = new DesignSummary.RunFacts(
                guidance == null ? 0 : guidance.nonFiniteGradientEntries(), nanReplacements, recentred,
                guidance == null ? DomainReport.EMPTY : guidance.domainReport(), guided, std, steps,
                edm.timesteps(), settings.seed(), Djl.describe(edm.device()), settings.toMap(), models(),
                (System.nanoTime() - start) / 1e9, msPerStep,
                guidance == null ? 0 : guidance.meanMillisPerStep(),
                guidance == null ? null : finiteOrNull(guidance.clippedFraction()),
                guidance == null ? null : finiteOrNull(guidance.meanGradientNorm()),
                guidance == null ? unscoredFact(unscored[0]) : guidanceFacts(settings, guidance, steps, unscored[0]),
                guidance == null ? null : guidance.stepsWithGradient());
        DesignSummary summary = DesignSummary.of(rows, names, objective, facts);
        List<String> units = predictor == null ? List.of()
                : predictor.spec().targets().stream().map(PredictorTarget::unit).map(u -> u == null ? "" : u)
                        .toList();
        return new DesignResult(names, units, rows, summary);
    }

    /** How the scale was applied ({@link ScaleConvention}) and the sampler's diagnostics, for the summary. */
    private Map<String, Object> guidanceFacts(GuidanceSettings settings, GuidanceHook guidance, int steps,
            long unscored) {
        Map<String, Object> m = new LinkedHashMap<>(unscoredFact(unscored));
        m.put("sampler", settings.sampler().id());
        m.put("samplerDescription", settings.sampler().description());
        m.put("scale", settings.scale());
        m.put("scaleConvention", ScaleConvention.NAME);
        m.put("scaleConventionDescription", ScaleConvention.DESCRIPTION);
        ObjectiveSpread spread = guidance.objectiveSpread();
        if (spread != null) {
            m.put("objectiveSpread", spread.value());
            m.put("objectiveSpreadPointsSkipped", spread.skipped());
        }
        GuidancePush push = new GuidancePush(predictor.spec().schedule());
        int[] grid = edm.diffusion().timeGrid(steps);
        GuidanceMethod method = settings.sampler();
        double total = 0;
        for (int k = 0; k + 1 < grid.length; k++) {
            if (method.usesGradient() && (double) grid[k] / edm.timesteps() >= method.unguidedTail()) {
                total += push.length(grid[k], grid[k + 1]); // the steps that push (none for resample)
            }
        }
        m.put("totalPush", total);
        m.put("totalPushAtT", push.totalOverAllSteps());
        if (method.unguidedTail() > 0) {
            m.put("unguidedTail", method.unguidedTail());
        }
        if (method.resamples()) {
            m.put("potentialPerScale", method.potentialPerScale());
            if (method.maxCopies() > 0) {
                m.put("maxCopiesPerResampling", method.maxCopies());
            }
            m.put("resamplings", guidance.resamplings());
            m.put("meanEffectiveSampleFraction", finiteOrNull(guidance.meanEffectiveSampleFraction()));
        }
        return m;
    }

    /** Molecules the predictor could not re-score (their graphs have a ring type it cannot read), when any. */
    private static Map<String, Object> unscoredFact(long unscored) {
        return unscored == 0 ? Map.of() : Map.of("unscoredMolecules", unscored);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Predictions at t = 0 of the clean sampled graphs, in physical units. A graph the predictor cannot read (e.g. a
     * ring node whose ring-type channels ended up on the orientation marker under strong guidance) gets NaN
     * predictions (missing cells, no objective value) and is counted in {@code unscored}.
     */
    private double[][] predictClean(List<GraphOfRings> graphs, long[] unscored) {
        try {
            return predictor.predict(graphs, 0.0);
        } catch (IllegalArgumentException whole) {
            double[][] out = new double[graphs.size()][];
            for (int i = 0; i < graphs.size(); i++) {
                try {
                    out[i] = predictor.predict(List.of(graphs.get(i)), 0.0)[0];
                } catch (IllegalArgumentException e) {
                    out[i] = new double[predictor.spec().targetNames().size()];
                    Arrays.fill(out[i], Double.NaN);
                    unscored[0]++;
                }
            }
            return out;
        }
    }

    private int[] ringCounts(GuidanceSettings s) {
        int n = s.molecules();
        if (s.fixedRingCount()) {
            int[] r = new int[n];
            Arrays.fill(r, s.ringCount());
            return r;
        }
        return edm.ringCountDistribution().sample(n, new SplittableRandom(s.seed()));
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new SamplingCancelledException("design cancelled");
        }
    }

    private Map<String, Object> models() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("edm", edm.architecture().toString() + ", " + edm.parameterCount() + " parameters, seed "
                + edm.seed());
        m.put("edmDevice", Djl.describe(edm.device()));
        if (predictor != null) {
            m.put("predictor", predictor.spec().config() + ", targets " + predictor.spec().targetNames()
                    + ", " + predictor.parameterCount() + " parameters");
            m.put("predictorDevice", Djl.describe(predictor.device()));
        }
        return m;
    }

    /** Seed of batch b of a run, well spread (SplitMix64 finaliser of seed + golden-ratio increments). */
    public static long batchSeed(long seed, int b) {
        long h = seed + 0x9E3779B97F4A7C15L * (b + 1L);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** Frees the models when this sampler loaded them ({@link #open}); otherwise does nothing. */
    @Override
    public void close() {
        if (ownsModels) {
            edm.close();
            if (predictor != null) {
                predictor.close();
            }
        }
    }
}
