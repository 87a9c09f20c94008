package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.djl.NonFiniteValueException;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.nn.MaskedOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E(n)-equivariant diffusion model over graphs of rings (GaUDI §5; EDM's {@code EnVariationalDiffusion} with
 * the L2 ε-objective): training loss, validation losses and ancestral sampling around an {@link EgnnDynamics} φ, a
 * {@link NoiseSchedule} and a {@link GorFeaturizer}.
 *
 * <p>All randomness (time steps and Gaussian noise) comes from a caller-supplied {@link SplittableRandom} on the
 * Java side, so results depend only on the seed, not on DJL's global generator or on other threads. Noise is
 * "centred masked" noise: x part zero on padded nodes and centred over the real ones, h part zero on padded nodes.
 */
public final class EquivariantDiffusion {
    private static final Logger LOG = LoggerFactory.getLogger(EquivariantDiffusion.class);
    private static final double LOG_EPSILON = 1e-10;
    /** |Σ x| above which the final positions are re-centred with a warning (reference: 5e-2). */
    private static final double MAX_FINAL_COM = 5e-2;

    private final EgnnDynamics dynamics;
    private final NoiseSchedule schedule;
    private final GorFeaturizer featurizer;

    public EquivariantDiffusion(EgnnDynamics dynamics, NoiseSchedule schedule, GorFeaturizer featurizer) {
        this.dynamics = Objects.requireNonNull(dynamics, "dynamics");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.featurizer = Objects.requireNonNull(featurizer, "featurizer");
        if (dynamics.features() != featurizer.featureCount()) {
            throw new IllegalArgumentException("network feature count " + dynamics.features()
                    + " differs from the featurizer's " + featurizer.featureCount());
        }
    }

    public EgnnDynamics dynamics() {
        return dynamics;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    public GorFeaturizer featurizer() {
        return featurizer;
    }

    // ------------------------------------------------------------------------------------------------ training

    /** Mean over the batch of {@link #trainingLossPerSample}; a scalar with gradient inside a collector. */
    public NDArray trainingLoss(ParameterStore ps, NDManager manager, GorBatch batch, SplittableRandom rng) {
        try (NDArray perSample = trainingLossPerSample(ps, manager, batch, rng)) {
            return perSample.mean();
        }
    }

    /**
     * Training objective per sample (GaUDI §5.4, training mode, l2): t ~ U{0..T}; z_t = α_t·z_0 + σ_t·ε;
     * L = ½·‖ε − φ(z_t, t/T)‖² / ((3+F)·N_pad) for t &gt; 0; for t = 0 the reconstruction term
     * ½·‖ε_x − ε̂_x‖²/((3+F)·N_pad) − log p(h | z_0). The KL prior (no gradient, ~0) and the likelihood constants
     * (zeroed in training) are left out. Runs the network in training mode. All arrays are created in
     * {@code manager}, which must stay open until the backward pass is done (a per-step manager).
     *
     * @return (B) losses
     */
    public NDArray trainingLossPerSample(ParameterStore ps, NDManager manager, GorBatch batch, SplittableRandom rng) {
        int b = batch.batchSize();
        int[] tInt = new int[b];
        for (int k = 0; k < b; k++) {
            tInt[k] = rng.nextInt(schedule.timesteps() + 1);
        }
        return epsilonLoss(ps, manager, batch, tInt, rng, true, true);
    }

    /**
     * Validation/test loss without the reconstruction term: the same normalised ε-loss as training with
     * t ~ U{1..T}, network in evaluation mode. Comparable across epochs and with the training curve (a cheaper
     * stand-in for the NLL bound, {@link #negativeLogLikelihood}).
     *
     * @return (B) losses
     */
    public NDArray validationLossPerSample(ParameterStore ps, NDManager manager, GorBatch batch, SplittableRandom rng) {
        int b = batch.batchSize();
        int[] tInt = new int[b];
        for (int k = 0; k < b; k++) {
            tInt[k] = 1 + rng.nextInt(schedule.timesteps());
        }
        return epsilonLoss(ps, manager, batch, tInt, rng, false, false);
    }

    /** The normalised ε-loss at given integer times (t = 0 entries use the reconstruction term if enabled). */
    NDArray epsilonLoss(ParameterStore ps, NDManager manager, GorBatch batch, int[] tInt, SplittableRandom rng,
            boolean training, boolean reconstructionAtZero) {
        float[] eps = centredNoise(batch.batchSize(), batch.nodes(), batch.features(), batch.nodeMask(), rng, 1.0);
        return epsilonLoss(ps, manager, batch, tInt, eps, training, reconstructionAtZero);
    }

    /** {@link #epsilonLoss(ParameterStore, NDManager, GorBatch, int[], SplittableRandom, boolean, boolean)} for a
     * given centred, masked noise ε (B·N·(3+F)); the golden-value tests fix ε this way. */
    NDArray epsilonLoss(ParameterStore ps, NDManager manager, GorBatch batch, int[] tInt, float[] eps,
            boolean training, boolean reconstructionAtZero) {
        int b = batch.batchSize();
        int n = batch.nodes();
        int f = batch.features();
        int d = 3 + f;
        float[] nodeMask = batch.nodeMask();
        float[] z0 = hostZ(batch);
        float[] zt = noised(z0, eps, tInt, n * d);
        float[] tNorm = new float[b];
        float[] wAll = new float[b];
        float[] wX = new float[b];
        float[] constant = new float[b];
        double denom = (double) d * n;
        for (int k = 0; k < b; k++) {
            tNorm[k] = (float) tInt[k] / schedule.timesteps();
            if (tInt[k] == 0 && reconstructionAtZero) {
                wX[k] = (float) (0.5 / denom);
                constant[k] = (float) -logPhGivenZ0(z0, zt, nodeMask, k, n, f, schedule.sigma(0));
            } else {
                wAll[k] = (float) (0.5 / denom);
            }
        }
        // Everything is created in the caller's (per-step) manager, in engine-owned memory (Djl.owned): autograd
        // keeps some of these tensors (masks, weights) for the backward pass, which runs after this method returns.
        NDArray ztA = Djl.owned(manager, zt, new Shape(b, n, d));
        NDArray tA = Djl.owned(manager, tNorm, new Shape(b, 1));
        NDArray nmA = Djl.owned(manager, nodeMask, new Shape(b, n, 1));
        NDArray emA = batch.edgeMask(manager);
        NDArray epsA = Djl.owned(manager, eps, new Shape(b, n, d));
        NDArray epsHat = dynamics.predict(ps, ztA, tA, nmA, emA, training);
        NDArray sq = epsA.sub(epsHat).square();
        NDArray errAll = sq.sum(new int[] {1, 2});
        NDArray errX = sq.get(new NDIndex(":, :, 0:3")).sum(new int[] {1, 2});
        Shape col = new Shape(b);
        return errAll.mul(Djl.owned(manager, wAll, col)).add(errX.mul(Djl.owned(manager, wX, col)))
                .add(Djl.owned(manager, constant, col));
    }

    /** z_t = α_t·z_0 + σ_t·ε per sample (each sample's {@code stride} = N·(3+F) values at its own step). */
    float[] noised(float[] z0, float[] eps, int[] tInt, int stride) {
        float[] zt = new float[z0.length];
        for (int k = 0; k < tInt.length; k++) {
            double a = schedule.alpha(tInt[k]);
            double s = schedule.sigma(tInt[k]);
            for (int i = k * stride; i < (k + 1) * stride; i++) {
                zt[i] = (float) (a * z0[i] + s * eps[i]);
            }
        }
        return zt;
    }

    /**
     * log p(h | z_0) of the true one-hot classes (EDM's categorical term): each class k gets the mass of
     * N(4·z_k − 1, 4σ_0) on [−½, ½], normalised over classes with log-sum-exp; summed over real nodes. Depends only
     * on z_0 and the data (no gradient), so it is computed here on the host in double precision.
     */
    private static double logPhGivenZ0(float[] z0, float[] zt, float[] nodeMask, int sample, int n, int f,
            double sigma0) {
        int d = 3 + f;
        double sigmaCat = sigma0 * GorFeaturizer.FEATURE_SCALE;
        double total = 0;
        double[] logp = new double[f];
        for (int i = 0; i < n; i++) {
            int node = sample * n + i;
            if (nodeMask[node] < 0.5f) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < f; c++) {
                double centred = zt[node * d + 3 + c] * GorFeaturizer.FEATURE_SCALE - 1;
                double mass = phi((centred + 0.5) / sigmaCat) - phi((centred - 0.5) / sigmaCat);
                logp[c] = Math.log(mass + LOG_EPSILON);
                max = Math.max(max, logp[c]);
            }
            double sumExp = 0;
            for (int c = 0; c < f; c++) {
                sumExp += Math.exp(logp[c] - max);
            }
            double logZ = max + Math.log(sumExp);
            for (int c = 0; c < f; c++) {
                double onehot = z0[node * d + 3 + c] * GorFeaturizer.FEATURE_SCALE;
                total += (logp[c] - logZ) * onehot;
            }
        }
        return total;
    }

    private static double phi(double x) {
        return 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
    }

    /**
     * The variational bound −log p(x, h) per sample in nats (EDM evaluation mode, GaUDI §5.4 "validation and
     * test"): KL prior + T·½(SNR(γ_s − γ_t) − 1)·‖ε − ε̂‖² at t ~ U{1..T} + the negative log constants of p(x | z_0)
     * (with (n−1)·3 degrees of freedom) + the t = 0 term at a fresh z_0 + the volume correction (n−1)·3·log 3.
     * Two network evaluations; no gradient.
     */
    public double[] negativeLogLikelihood(ParameterStore ps, NDManager manager, GorBatch batch, SplittableRandom rng) {
        return Djl.noGrad(() -> nll(ps, manager, batch, rng));
    }

    private double[] nll(ParameterStore ps, NDManager manager, GorBatch batch, SplittableRandom rng) {
        int b = batch.batchSize();
        int n = batch.nodes();
        int f = batch.features();
        int d = 3 + f;
        int tSteps = schedule.timesteps();
        float[] nodeMask = batch.nodeMask();
        float[] z0 = hostZ(batch);
        int[] tInt = new int[b];
        for (int k = 0; k < b; k++) {
            tInt[k] = 1 + rng.nextInt(tSteps);
        }
        // diffusion term at t >= 1
        float[] eps = centredNoise(b, n, f, nodeMask, rng, 1.0);
        float[] zt = noised(z0, eps, tInt, n * d);
        float[] tNorm = new float[b];
        for (int k = 0; k < b; k++) {
            tNorm[k] = (float) tInt[k] / tSteps;
        }
        double[] errT = squaredErrors(ps, manager, batch, zt, tNorm, eps, false);
        // t = 0 term at a fresh z_0
        float[] eps0 = centredNoise(b, n, f, nodeMask, rng, 1.0);
        float[] zz0 = new float[z0.length];
        double a0 = schedule.alpha(0);
        double s0 = schedule.sigma(0);
        for (int i = 0; i < z0.length; i++) {
            zz0[i] = (float) (a0 * z0[i] + s0 * eps0[i]);
        }
        double[] errX0 = squaredErrors(ps, manager, batch, zz0, new float[b], eps0, true);

        double gamma0 = schedule.gamma(0);
        double aT = schedule.alpha(tSteps);
        double sT = schedule.sigma(tSteps);
        double[] out = new double[b];
        for (int k = 0; k < b; k++) {
            int real = batch.realNodes(k);
            double dof = (real - 1) * 3.0;
            double snrWeight = NoiseSchedule.snr(schedule.gamma(tInt[k] - 1) - schedule.gamma(tInt[k])) - 1;
            double estimator = tSteps * 0.5 * snrWeight * errT[k];
            // KL(q(z_T | x, h) || N(0, 1)): h part per real node and channel, x part on the (n-1)*3 subspace
            double klH = 0;
            double muX2 = 0;
            for (int i = 0; i < n; i++) {
                int node = k * n + i;
                if (nodeMask[node] < 0.5f) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    double mu = aT * z0[node * d + c];
                    muX2 += mu * mu;
                }
                for (int c = 3; c < d; c++) {
                    double mu = aT * z0[node * d + c];
                    klH += Math.log(1 / sT) + 0.5 * (sT * sT + mu * mu) - 0.5;
                }
            }
            double klX = dof * Math.log(1 / sT) + 0.5 * (dof * sT * sT + muX2) - 0.5 * dof;
            double negLogConstants = -dof * (-0.5 * gamma0 - 0.5 * Math.log(2 * Math.PI));
            double logPh = logPhGivenZ0(z0, zz0, nodeMask, k, n, f, s0);
            double loss0 = 0.5 * errX0[k] - logPh;
            double volume = dof * Math.log(GorFeaturizer.POSITION_SCALE);
            out[k] = klX + klH + estimator + negLogConstants + loss0 + volume;
            if (!Double.isFinite(out[k])) {
                throw new NonFiniteValueException("NLL of sample " + k + " is not finite (" + out[k] + ")");
            }
        }
        return out;
    }

    /** Σ (ε − φ(z, t))² per sample over all channels, or over the x channels only. */
    private double[] squaredErrors(ParameterStore ps, NDManager manager, GorBatch batch, float[] z, float[] tNorm,
            float[] eps, boolean xOnly) {
        int b = batch.batchSize();
        int n = batch.nodes();
        int d = 3 + batch.features();
        try (NDManager sub = manager.newSubManager()) {
            NDArray zA = Djl.owned(sub, z, new Shape(b, n, d));
            NDArray epsHat = dynamics.predict(ps, zA, Djl.owned(sub, tNorm, new Shape(b, 1)), batch.nodeMask(sub),
                    batch.edgeMask(sub), false);
            NDArray sq = Djl.owned(sub, eps, new Shape(b, n, d)).sub(epsHat).square();
            if (xOnly) {
                sq = sq.get(new NDIndex(":, :, 0:3"));
            }
            float[] v = sq.sum(new int[] {1, 2}).toFloatArray();
            double[] out = new double[b];
            for (int k = 0; k < b; k++) {
                out[k] = v[k];
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------ sampling

    /**
     * Ancestral sampling (GaUDI §5.7) of graphs with the given ring counts, unguided unless the hook modifies z_s.
     *
     * <p>z_T ~ N(0, std²) (x centred, masked); for each step t → s: ε̂ = φ(z_t, t/T),
     * μ = z_t/α_{t|s} − σ²_{t|s}/(α_{t|s}·σ_t)·ε̂, z_s = μ + σ_{t|s}σ_s/σ_t·ε (x re-centred), then the hook. Finally
     * x = (z_0,x − σ_0·ε̂_x)/α_0 + e^{γ_0/2}·ε_x (Å = 3x) and types = argmax of z_0,h. Each step runs in its own
     * child {@link NDManager}; only the current state survives a step.
     *
     * @param manager    parent manager (device and lifetime of the sampling tensors; nothing is left in it)
     * @param ringCounts rings per sample (each ≤ the featurizer's max rings)
     * @param hook       per-step hook (progress, cancellation, guidance); {@link SamplingHook#none()} for none
     * @throws SamplingCancelledException when the hook cancels
     * @throws NonFiniteValueException    when the unguided state becomes non-finite
     */
    public SampleResult sample(ParameterStore ps, NDManager manager, int[] ringCounts, SamplingOptions options,
            SamplingHook hook) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(hook, "hook");
        return Djl.noGrad(() -> {
            try (NDManager run = manager.newSubManager()) {
                return sampleIn(ps, run, ringCounts, options, hook);
            }
        });
    }

    /** Samples {@code count} graphs whose ring counts are drawn from {@code distribution} (with the options' seed). */
    public SampleResult sample(ParameterStore ps, NDManager manager, int count, RingCountDistribution distribution,
            SamplingOptions options, SamplingHook hook) {
        if (count < 1) {
            throw new IllegalArgumentException("number of samples must be >= 1, got " + count);
        }
        int[] rings = distribution.sample(count, new SplittableRandom(options.seed() ^ 0x5DEECE66DL));
        return sample(ps, manager, rings, options, hook);
    }

    /** Descending time grid t_K = T, ..., t_0 = 0 for K steps: round(k·T/K). */
    public int[] timeGrid(int steps) {
        int tSteps = schedule.timesteps();
        if (steps < 1 || steps > tSteps) {
            throw new IllegalArgumentException("sampling steps must be in [1, " + tSteps + "], got " + steps);
        }
        int[] grid = new int[steps + 1];
        for (int k = 0; k <= steps; k++) {
            grid[steps - k] = (int) Math.round((double) k * tSteps / steps);
        }
        return grid;
    }

    private SampleResult sampleIn(ParameterStore ps, NDManager run, int[] ringCounts, SamplingOptions options,
            SamplingHook hook) {
        GorBatch masks = featurizer.masksFor(ringCounts);
        int b = masks.batchSize();
        int n = masks.nodes();
        int f = masks.features();
        int d = 3 + f;
        int tSteps = schedule.timesteps();
        float[] nodeMaskHost = masks.nodeMask();
        SplittableRandom rng = new SplittableRandom(options.seed());
        NDArray nodeMask = masks.nodeMask(run);
        NDArray edgeMask = masks.edgeMask(run);
        NDArray z = Djl.owned(run, centredNoise(b, n, f, nodeMaskHost, rng, options.initialNoiseStd()),
                new Shape(b, n, d));
        int[] grid = timeGrid(options.steps());
        int stepCount = grid.length - 1;
        long nanReplaced = 0;
        for (int k = 0; k < stepCount; k++) {
            int t = grid[k];
            int s = grid[k + 1];
            double alphaTs = schedule.alphaTGivenS(t, s);
            double sigma2Ts = schedule.sigma2TGivenS(t, s);
            double sigmaT = schedule.sigma(t);
            double stepSigma = schedule.stepSigma(t, s);
            float[] noise = centredNoise(b, n, f, nodeMaskHost, rng, 1.0);
            NDArray next;
            try (NDManager step = run.newSubManager()) {
                z.tempAttach(step);
                nodeMask.tempAttach(step);
                edgeMask.tempAttach(step);
                NDArray tA = step.full(new Shape(b, 1), (float) t / tSteps);
                NDArray epsHat = dynamics.predict(ps, z, tA, nodeMask, edgeMask, false);
                NDArray mu = z.div((float) alphaTs).sub(epsHat.mul((float) (sigma2Ts / (alphaTs * sigmaT))));
                NDArray zs = mu.add(Djl.owned(step, noise, new Shape(b, n, d)).mul((float) stepSigma));
                zs = centreX(zs, nodeMask);
                NDArray hooked = hook.afterStep(new SamplingStep(zs, nodeMask, edgeMask, t, s, tSteps, stepSigma, k,
                        stepCount, step));
                if (hooked != zs) {
                    if (hooked == null || !hooked.getShape().equals(zs.getShape())) {
                        throw new IllegalStateException("sampling hook returned " + (hooked == null ? "null"
                                : "shape " + hooked.getShape()) + " instead of " + zs.getShape());
                    }
                    NDArray nan = hooked.isNaN();
                    long bad = nan.countNonzero().getLong();
                    if (bad > 0) {
                        nanReplaced += bad;
                        LOG.warn("step t={}: {} NaN value(s) after the sampling hook replaced by 0", t, bad);
                        hooked = NDArrays.where(nan, hooked.zerosLike(), hooked);
                    }
                    zs = centreX(hooked, nodeMask);
                }
                if (!Djl.isFinite(zs)) {
                    throw new NonFiniteValueException("diffusion state became non-finite at step t=" + t + " -> s="
                            + s + " (" + Djl.countNonFinite(zs) + " values)");
                }
                next = zs;
                next.attach(run);
            }
            z.close();
            z = next;
        }
        return finalStep(ps, run, z, nodeMask, edgeMask, masks, rng, nanReplaced);
    }

    /** p(x, h | z_0): x̂ = (z_0 − σ_0·ε̂)/α_0 plus e^{γ_0/2} noise on x; types from argmax z_0,h. */
    private SampleResult finalStep(ParameterStore ps, NDManager run, NDArray z, NDArray nodeMask, NDArray edgeMask,
            GorBatch masks, SplittableRandom rng, long nanReplaced) {
        int b = masks.batchSize();
        int n = masks.nodes();
        int f = masks.features();
        int d = 3 + f;
        float[] nodeMaskHost = masks.nodeMask();
        NDArray tA = run.zeros(new Shape(b, 1));
        NDArray epsHat = dynamics.predict(ps, z, tA, nodeMask, edgeMask, false);
        double alpha0 = schedule.alpha(0);
        double sigma0 = schedule.sigma(0);
        double sigmaX = Math.exp(0.5 * schedule.gamma(0));
        NDArray xHat = z.sub(epsHat.mul((float) sigma0)).div((float) alpha0).get(new NDIndex(":, :, 0:3"));
        float[] noise = centredNoise(b, n, f, nodeMaskHost, rng, 1.0);
        float[] x = xHat.toFloatArray();
        float[] zHost = z.toFloatArray();
        float[] h = new float[b * n * f];
        for (int i = 0; i < b * n; i++) {
            for (int a = 0; a < 3; a++) {
                x[i * 3 + a] = (float) ((x[i * 3 + a] + sigmaX * noise[i * d + a]) * nodeMaskHost[i]);
            }
            System.arraycopy(zHost, i * d + 3, h, i * f, f);
        }
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new NonFiniteValueException("final sampled positions are not finite");
            }
        }
        boolean recentred = false;
        if (maxCentreOfMass(x, b, n) > MAX_FINAL_COM) {
            LOG.warn("final positions' centre of mass exceeds {}; re-centring", MAX_FINAL_COM);
            centreHost(x, nodeMaskHost, b, n, 3, 3);
            recentred = true;
        }
        return new SampleResult(featurizer.decode(x, h, nodeMaskHost, b, n), masks.ringCounts(), n, x, h,
                nodeMaskHost, nanReplaced, recentred);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Centres the x channels of z (B, N, 3+F) over real nodes; h channels unchanged. */
    private static NDArray centreX(NDArray z, NDArray nodeMask) {
        NDArray x = z.get(new NDIndex(":, :, 0:3"));
        NDArray h = z.get(new NDIndex(":, :, 3:"));
        return MaskedOps.centre(x, nodeMask).concat(h, 2);
    }

    /** z = [x | h] of a batch, row-major (B·N·(3+F)). */
    static float[] hostZ(GorBatch batch) {
        int bn = batch.batchSize() * batch.nodes();
        int f = batch.features();
        int d = 3 + f;
        float[] x = batch.x();
        float[] h = batch.h();
        float[] z = new float[bn * d];
        for (int i = 0; i < bn; i++) {
            System.arraycopy(x, i * 3, z, i * d, 3);
            System.arraycopy(h, i * f, z, i * d + 3, f);
        }
        return z;
    }

    /**
     * Gaussian noise (B·N·(3+F)) with std {@code std}: zero on padded nodes, x part centred over real nodes
     * (EDM's {@code sample_combined_position_feature_noise}).
     */
    static float[] centredNoise(int b, int n, int f, float[] nodeMask, SplittableRandom rng, double std) {
        int d = 3 + f;
        float[] out = new float[b * n * d];
        for (int i = 0; i < b * n; i++) {
            if (nodeMask[i] < 0.5f) {
                continue;
            }
            for (int c = 0; c < d; c++) {
                out[i * d + c] = (float) (rng.nextGaussian() * std);
            }
        }
        centreHost(out, nodeMask, b, n, d, 3);
        return out;
    }

    /** Centres the first {@code channels} of each node's {@code stride}-wide row over real nodes, per sample. */
    private static void centreHost(float[] v, float[] nodeMask, int b, int n, int stride, int channels) {
        for (int k = 0; k < b; k++) {
            double[] mean = new double[channels];
            int real = 0;
            for (int i = 0; i < n; i++) {
                if (nodeMask[k * n + i] >= 0.5f) {
                    real++;
                    for (int c = 0; c < channels; c++) {
                        mean[c] += v[(k * n + i) * stride + c];
                    }
                }
            }
            if (real == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (nodeMask[k * n + i] >= 0.5f) {
                    for (int c = 0; c < channels; c++) {
                        v[(k * n + i) * stride + c] -= (float) (mean[c] / real);
                    }
                }
            }
        }
    }

    private static double maxCentreOfMass(float[] x, int b, int n) {
        double max = 0;
        for (int k = 0; k < b; k++) {
            for (int a = 0; a < 3; a++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += x[(k * n + i) * 3 + a];
                }
                max = Math.max(max, Math.abs(sum));
            }
        }
        return max;
    }
}
