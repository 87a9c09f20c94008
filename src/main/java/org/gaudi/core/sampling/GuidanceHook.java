package org.gaudi.core.sampling;

import java.util.Objects;

import org.gaudi.core.diffusion.SamplingHook;
import org.gaudi.core.diffusion.SamplingStep;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.MaskedOps;
import org.gaudi.core.objective.BatchEvaluation;
import org.gaudi.core.objective.DomainReport;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.predictor.GuidanceGradient;
import org.gaudi.core.predictor.PropertyPredictor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * GaUDI's guidance update (§7.1) as a {@link SamplingHook}, applied after every ancestral step t → s, with the scale
 * in GaUDI units ({@link ScaleConvention}):
 * <ol>
 * <li>g = ∇_{z_s} (scale · Σ_b loss_b / u_f), where loss_b is the objective's loss (value for minimize, −value for
 * maximize) of the predictor's physical-unit predictions for molecule b at (z_s, time), and u_f the objective's
 * {@link ObjectiveSpread} (for one target X: its training std, so loss/u_f is GaUDI's ∓y_X up to a constant); the
 * predictor's weights are frozen. The time is s/T by default ({@link PredictorTime});</li>
 * <li>non-finite entries of g (NaN, ±Inf) are set to 0 and counted ({@link #nonFiniteGradientEntries()});</li>
 * <li>per molecule, g_b ← g_b · min(1, clip / (‖g_b‖_F + 1e-6)), the Frobenius norm over all nodes and channels
 * (coordinates and types, normalised units); the scale acts before the clip, so large scales saturate;</li>
 * <li>the x part of g is centred over the real nodes;</li>
 * <li>z_s ← z_s − ℓ·g with ℓ = {@link GuidancePush#length}(t, s): the step's σ = σ_{t|s}σ_s/σ_t without respacing,
 * the summed σ of the T-grid steps it replaces with respacing; the sampler then re-centres x and replaces NaN by
 * 0.</li>
 * </ol>
 * {@link GuidanceMethod#RESAMPLE} replaces steps 1–5 by particle resampling of the batch's molecules by their loss
 * ({@link ParticleResampler}; {@link #startBatch} before each batch) without moving z_s. {@link GuidanceMethod#SMC}
 * applies steps 1–5 while t/T is at least its {@link GuidanceMethod#unguidedTail() unguided tail}, then resamples
 * by the loss at z_s (from the same predictor query) with at most {@link GuidanceMethod#maxCopies()} copies of a
 * particle per resampling; in the tail it only resamples.
 * The norm is computed overflow-safely (scaled by the largest entry), so a huge but finite gradient is clipped to
 * the clip norm instead of being wiped out by an infinite norm. One instance accumulates counters over all the steps
 * and batches it is used for. Not thread-safe (one run at a time).
 */
public final class GuidanceHook implements SamplingHook {
    /** Added to the norm before dividing, as in the reference. */
    static final double NORM_EPSILON = 1e-6;

    /**
     * The scaled objective gradient at z_s: ∂(scale·Σ_b loss_b)/∂z_s, shape (B, N, 3+F), in z_s's manager. May hold
     * non-finite entries (the hook zeroes them).
     */
    @FunctionalInterface
    interface GradientFunction {
        NDArray gradient(NDArray zs, NDArray nodeMask, NDArray edgeMask, NDArray time);
    }

    private GradientFunction gradient;
    private final double clipNorm;
    private final PredictorTime time;
    private final GuidanceMethod method;
    /** Null: push by the step's own σ (test seam without a schedule). */
    private final GuidancePush push;
    private final ParticleResampler resampler;
    /** Loss per molecule at the last query, GaUDI units (loss / u_f), for the resampler; null if unknown. */
    private double[] lastLosses;
    private final LossFunction lossesOnly;
    private long nonFinite;
    private long clipped;
    private long molecules;
    private double normSum;
    private long steps;
    private long stepsWithGradient;
    private long nanos;
    private final ObjectiveSpread spread;
    private DomainReport domain = DomainReport.EMPTY;
    private double lastMeanObjective = Double.NaN;

    /**
     * @param predictor time-conditioned predictor (must read the EDM's state space; see
     *                  {@link PropertyPredictor#requireCompatible})
     * @param objective bound to the predictor's target names
     * @param scale     guidance scale &gt; 0
     * @param clipNorm  maximum Frobenius norm of one molecule's scaled gradient
     * @param time      the time index the predictor is told
     */
    public GuidanceHook(PropertyPredictor predictor, Objective objective, double scale, double clipNorm,
            PredictorTime time) {
        this(predictor, objective, scale, clipNorm, time, GuidanceMethod.GAUDI);
    }

    /**
     * As {@link #GuidanceHook(PropertyPredictor, Objective, double, double, PredictorTime)} with a choice of method.
     *
     * @throws IllegalArgumentException also when the objective does not change near the predictor's training targets
     *                                  ({@link ObjectiveSpread#of})
     */
    public GuidanceHook(PropertyPredictor predictor, Objective objective, double scale, double clipNorm,
            PredictorTime time, GuidanceMethod method) {
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(objective, "objective");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("guidance scale must be finite and > 0, got " + scale);
        }
        if (!objective.isBound() || !objective.targetNames().equals(predictor.spec().targetNames())) {
            throw new IllegalArgumentException("objective '" + objective + "' is not bound to the predictor's targets "
                    + predictor.spec().targetNames());
        }
        this.method = Objects.requireNonNull(method, "method");
        this.spread = ObjectiveSpread.of(objective, predictor.spec().normalisation());
        double perUnit = 1.0 / spread.value();
        double lossScale = scale * perUnit;
        double sign = objective.direction().lossSign();
        this.gradient = (zs, nodeMask, edgeMask, t) -> predictorGradient(predictor, objective, lossScale, perUnit,
                zs, nodeMask, edgeMask, t);
        this.lossesOnly = (zs, nodeMask, edgeMask, t) -> {
            NDArray values = objective.evaluate(predictor.predict(zs, nodeMask, edgeMask, t));
            return gaudiUnits(values.toFloatArray(), sign * perUnit);
        };
        this.clipNorm = checkClip(clipNorm);
        this.time = Objects.requireNonNull(time, "time");
        this.push = new GuidancePush(predictor.spec().schedule());
        this.resampler = method.resamples()
                ? new ParticleResampler(method.potentialPerScale() * scale, method.maxCopies()) : null;
    }

    /** A hook around any gradient function (tests inject faults through this); pushes by the step's own σ. */
    GuidanceHook(GradientFunction gradient, double clipNorm, PredictorTime time) {
        this(gradient, clipNorm, time, null);
    }

    /** A hook around any gradient function with GaUDI's method and a respacing-aware push (null: the step's σ). */
    GuidanceHook(GradientFunction gradient, double clipNorm, PredictorTime time, GuidancePush push) {
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        this.clipNorm = checkClip(clipNorm);
        this.time = Objects.requireNonNull(time, "time");
        this.method = GuidanceMethod.GAUDI;
        this.push = push;
        this.resampler = null;
        this.lossesOnly = null;
        this.spread = null;
    }

    /** Per-molecule losses in GaUDI units at (z_s, time), without gradient. */
    @FunctionalInterface
    private interface LossFunction {
        double[] losses(NDArray zs, NDArray nodeMask, NDArray edgeMask, NDArray time);
    }

    private static double[] gaudiUnits(float[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = factor * values[i];
        }
        return out;
    }

    /** Wraps the gradient function (tests inject faults through this). */
    void wrapGradient(java.util.function.UnaryOperator<GradientFunction> wrapper) {
        gradient = Objects.requireNonNull(wrapper.apply(gradient), "wrapped gradient");
    }

    private static double checkClip(double clipNorm) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clip norm must be finite and > 0, got " + clipNorm);
        }
        return clipNorm;
    }

    /** The predictor's guidance query with the scaled objective loss; records the domain report and the mean value. */
    private NDArray predictorGradient(PropertyPredictor predictor, Objective objective, double lossScale,
            double perUnit, NDArray zs, NDArray nodeMask, NDArray edgeMask, NDArray t) {
        BatchEvaluation[] last = new BatchEvaluation[1];
        double[] meanValue = {Double.NaN};
        GuidanceGradient gg = predictor.gradient(zs, nodeMask, edgeMask, t, p -> {
            BatchEvaluation ev = objective.evaluateReported(p);
            last[0] = ev;
            float v = ev.values().mean().getFloat();
            meanValue[0] = Float.isFinite(v) ? v : Double.NaN;
            // a tensor constant, not mul(Number): this runs inside the gradient computation
            return ev.losses().mul(Djl.scalarLike(ev.losses(), (float) lossScale));
        });
        if (last[0] != null && last[0].report() != null) {
            domain = domain.plus(last[0].report());
        }
        lastMeanObjective = meanValue[0];
        if (resampler != null) {
            // the query's values are scale·loss/u_f (the scaled loss above): GaUDI units are values/scale
            lastLosses = gaudiUnits(gg.values().toFloatArray(), perUnit / lossScale);
        }
        // values and predictions belong to z_s's per-step manager and are freed with it
        return gg.gradient();
    }

    /**
     * Starts a batch for the resampling methods: molecules with the same ring count form one group of particles;
     * the seed makes the resampling reproducible. Does nothing for the other methods.
     */
    public void startBatch(int[] ringCounts, long seed) {
        if (resampler != null) {
            resampler.startBatch(ringCounts, seed);
        }
    }

    @Override
    public NDArray afterStep(SamplingStep step) {
        long start = System.nanoTime();
        NDArray zs = step.zs();
        NDManager m = step.manager();
        long b = zs.getShape().get(0);
        double tNorm = time == PredictorTime.S ? step.sNormalised() : step.tNormalised();
        NDArray tA = m.full(new Shape(b, 1), (float) tNorm);
        NDArray out = zs;
        if (method.usesGradient() && step.tNormalised() >= method.unguidedTail()) {
            NDArray g = gradient.gradient(zs, step.nodeMask(), step.edgeMask(), tA);
            if (!g.getShape().equals(zs.getShape())) {
                throw new IllegalStateException("guidance gradient has shape " + g.getShape() + ", the state "
                        + zs.getShape());
            }
            ClipStats stats = new ClipStats();
            NDArray update = clipAndCentre(g, step.nodeMask(), clipNorm, stats);
            nonFinite += stats.nonFinite;
            clipped += stats.clipped;
            molecules += stats.molecules;
            normSum += stats.normSum;
            if (stats.withGradient > 0) {
                stepsWithGradient++;
            }
            double length = push == null ? step.sigma() : push.length(step.t(), step.s());
            out = zs.sub(update.mul((float) length));
        } else if (resampler != null) {
            lastLosses = lossesOnly.losses(zs, step.nodeMask(), step.edgeMask(), tA);
        }
        if (resampler != null) {
            out = resample(out, m);
        }
        steps++;
        nanos += System.nanoTime() - start;
        return out;
    }

    /** Replaces each molecule's state by its ancestor's when the resampler says so. */
    private NDArray resample(NDArray state, NDManager m) {
        if (!resampler.started()) {
            throw new IllegalStateException("startBatch must be called before a resampling method's first step");
        }
        if (lastLosses == null) {
            throw new IllegalStateException("no losses for resampling at this step");
        }
        int[] ancestor = resampler.step(lastLosses);
        boolean identity = true;
        for (int i = 0; i < ancestor.length && identity; i++) {
            identity = ancestor[i] == i;
        }
        if (identity) {
            return state;
        }
        Shape shape = state.getShape();
        int row = (int) (shape.size() / shape.get(0));
        float[] src = state.toFloatArray();
        float[] dst = new float[src.length];
        for (int i = 0; i < ancestor.length; i++) {
            System.arraycopy(src, ancestor[i] * row, dst, i * row, row);
        }
        return Djl.owned(m, dst, shape).toDevice(state.getDevice(), false);
    }

    /**
     * Steps 2–4 of the update: zero (and count) non-finite entries, mask padded nodes, clip each molecule's gradient
     * to {@code clipNorm} (Frobenius over nodes and channels), centre the x part over real nodes. All results in
     * {@code g}'s manager.
     *
     * @param stats receives the number of zeroed entries, of clipped molecules and the norms before clipping
     */
    static NDArray clipAndCentre(NDArray g, NDArray nodeMask, double clipNorm, ClipStats stats) {
        NDArray bad = g.isNaN().logicalOr(g.isInfinite());
        long count = bad.countNonzero().getLong();
        stats.nonFinite = count;
        NDArray clean = count > 0 ? NDArrays.where(bad, g.zerosLike(), g) : g;
        clean = clean.mul(nodeMask);
        long b = clean.getShape().get(0);
        // ‖g‖ = a·‖g/a‖ with a = max|g| per molecule, so that squares of huge entries cannot overflow
        NDArray maxAbs = clean.abs().reshape(b, -1).max(new int[] {1}, true).reshape(b, 1, 1);
        NDArray safe = NDArrays.where(maxAbs.gt(0f), maxAbs, maxAbs.onesLike());
        NDArray norm = clean.div(safe).square().sum(new int[] {1, 2}, true).sqrt().mul(safe);
        NDArray factor = norm.add((float) NORM_EPSILON).pow(-1f).mul((float) clipNorm).minimum(1f);
        stats.molecules = b;
        stats.clipped = factor.lt(1f).countNonzero().getLong();
        stats.normSum = norm.sum().getFloat();
        stats.withGradient = norm.gt(0f).countNonzero().getLong();
        NDArray clipped = clean.mul(factor);
        NDArray x = clipped.get(new NDIndex(":, :, 0:3"));
        NDArray h = clipped.get(new NDIndex(":, :, 3:"));
        NDArray centred = MaskedOps.centre(x, nodeMask).mul(nodeMask).concat(h, 2);
        if (centred.getShape().get(0) != b) {
            throw new IllegalStateException("unexpected gradient shape " + centred.getShape());
        }
        return centred;
    }

    /** Counts of one update (see {@link #clipAndCentre}). */
    static final class ClipStats {
        long nonFinite;
        long clipped;
        long molecules;
        double normSum;
        /** Molecules whose gradient was finite and not zero (after zeroing non-finite entries). */
        long withGradient;
    }

    /**
     * Fraction of (molecule, step) gradients whose norm exceeded the clip norm (so the scale no longer mattered for
     * them); NaN before the first step. Near 1 means the scale is in saturation: larger scales change nothing but
     * the direction is kept.
     */
    public double clippedFraction() {
        return molecules == 0 ? Double.NaN : (double) clipped / molecules;
    }

    /** Mean Frobenius norm of a molecule's scaled gradient before clipping (normalised units); NaN before a step. */
    public double meanGradientNorm() {
        return molecules == 0 ? Double.NaN : normSum / molecules;
    }

    /** Gradient entries (over all steps and molecules so far) that were NaN or infinite and set to 0. */
    public long nonFiniteGradientEntries() {
        return nonFinite;
    }

    /** Guided steps so far. */
    public long steps() {
        return steps;
    }

    /**
     * Guided steps in which at least one molecule got a finite, non-zero gradient. 0 after a run means the objective
     * gave no guidance at all (e.g. log of a property that is negative everywhere: every value was clamped).
     */
    public Long stepsWithGradient() {
        return method.usesGradient() ? stepsWithGradient : null; // a gradient-free sampler has nothing to count
    }

    /** Mean wall time of one guidance update (gradient query, clip, update) in ms, NaN before the first. */
    public double meanMillisPerStep() {
        return steps == 0 ? Double.NaN : nanos / 1e6 / steps;
    }

    /** Total wall time spent in guidance updates, in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** What the objective's batched evaluation had to clamp, summed over all guided steps and molecules. */
    public DomainReport domainReport() {
        return domain;
    }

    /** The method this hook applies. */
    public GuidanceMethod method() {
        return method;
    }

    /** The objective's spread u_f the scale is divided by, or null for a hook around a bare gradient function. */
    public ObjectiveSpread objectiveSpread() {
        return spread;
    }

    /** Group resamplings so far (0 for methods that do not resample). */
    public long resamplings() {
        return resampler == null ? 0 : resampler.resamplings();
    }

    /** Mean effective sample size of the particle groups as a fraction of their size; NaN when not resampling. */
    public double meanEffectiveSampleFraction() {
        return resampler == null ? Double.NaN : resampler.meanEssFraction();
    }

    /** Mean objective value (physical units) the predictor gave at the last guided step, NaN if unknown. */
    public double lastMeanObjective() {
        return lastMeanObjective;
    }
}
