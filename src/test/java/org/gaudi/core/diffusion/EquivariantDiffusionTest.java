package org.gaudi.core.diffusion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.train.AmsGradAdamW;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class EquivariantDiffusionTest {
    private NDManager manager;
    private EquivariantDiffusion diffusion;
    private GorFeaturizer featurizer;

    @Before
    public void setUp() {
        manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()));
        featurizer = GorFeaturizer.cata(5);
        diffusion = tinyModel(7);
    }

    @After
    public void tearDown() {
        manager.close();
    }

    private EquivariantDiffusion tinyModel(long seed) {
        EgnnDynamics net = new EgnnDynamics(1, 16, 2);
        net.initializeParameters(manager, seed);
        return new EquivariantDiffusion(net, NoiseSchedule.standard(), featurizer);
    }

    private ParameterStore inference() {
        return new ParameterStore(manager, false);
    }

    @Test
    public void trainingLossIsFiniteAndSmallAtInitialisation() {
        GorBatch batch = featurizer.encode(TinyGors.cataSet());
        try (NDManager step = manager.newSubManager()) {
            NDArray loss = diffusion.trainingLoss(inference(), step, batch, new SplittableRandom(1));
            assertEquals(0, loss.getShape().dimension());
            float v = loss.getFloat();
            assertTrue("loss " + v, Float.isFinite(v) && v > 0);
            // at initialisation eps_x-hat ~ 0, so the loss is about 1/2 E|eps|^2 / ((3+F) N_pad) < 1/2
            assertTrue(v < 0.5f);
        }
    }

    /**
     * At t = 0 the training loss is the reconstruction term ½‖ε_x − ε̂_x‖²/((3+F)·N_pad) − log p(h | z_0), with
     * several ring types (hetero, F = 12) so that the categorical term is not identically 0 as it is for F = 1.
     * Noise on the type channels is made large (|ε_h| up to 60, i.e. up to ±0.76 in one-hot units at σ_0) so that
     * z_0 leaves the true class's bin and log p(h | z_0) is far from 0; the expected value is computed here
     * independently (normal CDF masses per class, normalised by their plain sum).
     */
    @Test
    public void trainingLossAtZeroIsTheReconstructionTermWithSeveralRingTypes() {
        GorFeaturizer hetero = GorFeaturizer.hetero(3);
        int f = hetero.featureCount();
        EgnnDynamics net = new EgnnDynamics(f, 16, 2);
        net.initializeParameters(manager, 3);
        EquivariantDiffusion d = new EquivariantDiffusion(net, NoiseSchedule.standard(), hetero);
        GraphOfRings second = new GraphOfRings(new RingType[] {RingType.Pz, RingType.Fu},
                new double[][] {{0, 0, 0}, {2.2, 0.4, 0}}, new double[][] {{0.3, 1.2, 0}, {3.3, 0.9, 0}});
        GorBatch batch = hetero.encode(List.of(TinyGors.hetero(), second));
        int b = batch.batchSize();
        int n = batch.nodes();
        int dim = 3 + f;
        float[] mask = batch.nodeMask();
        SplittableRandom rng = new SplittableRandom(5);
        float[] eps = EquivariantDiffusion.centredNoise(b, n, f, mask, rng, 1.0);
        for (int i = 0; i < b * n; i++) {
            for (int c = 3; c < dim && mask[i] > 0.5f; c++) {
                eps[i * dim + c] = (float) (rng.nextDouble(-60, 60));
            }
        }
        int[] zeros = new int[b];
        ParameterStore ps = inference();
        try (NDManager step = manager.newSubManager()) {
            float[] loss = d.epsilonLoss(ps, step, batch, zeros, eps, false, true).toFloatArray();
            float[] z0 = EquivariantDiffusion.hostZ(batch);
            float[] zt = d.noised(z0, eps, zeros, n * dim);
            float[] epsHat = net.predict(ps, step.create(zt, new ai.djl.ndarray.types.Shape(b, n, dim)),
                    step.zeros(new ai.djl.ndarray.types.Shape(b, 1)), batch.nodeMask(step), batch.edgeMask(step),
                    false).toFloatArray();
            double sigmaCat = 4 * d.schedule().sigma(0);
            org.apache.commons.math3.distribution.NormalDistribution normal =
                    new org.apache.commons.math3.distribution.NormalDistribution(0, 1);
            double largestCategorical = 0;
            for (int k = 0; k < b; k++) {
                double sseX = 0;
                double logPh = 0;
                for (int i = k * n; i < (k + 1) * n; i++) {
                    for (int c = 0; c < 3; c++) {
                        double e = eps[i * dim + c] - epsHat[i * dim + c];
                        sseX += e * e;
                    }
                    if (mask[i] < 0.5f) {
                        continue;
                    }
                    double[] mass = new double[f];
                    double total = 0;
                    int trueClass = -1;
                    for (int c = 0; c < f; c++) {
                        double centred = 4 * zt[i * dim + 3 + c] - 1;
                        mass[c] = normal.cumulativeProbability((centred + 0.5) / sigmaCat)
                                - normal.cumulativeProbability((centred - 0.5) / sigmaCat) + 1e-10;
                        total += mass[c];
                        if (z0[i * dim + 3 + c] > 0) {
                            trueClass = c;
                        }
                    }
                    logPh += Math.log(mass[trueClass] / total);
                }
                double expected = 0.5 * sseX / (dim * n) - logPh;
                largestCategorical = Math.max(largestCategorical, -logPh);
                assertEquals("t = 0 loss of sample " + k, expected, loss[k], 1e-4 * Math.abs(expected));
            }
            assertTrue("the categorical term must matter in this test: " + largestCategorical,
                    largestCategorical > 1);
        }
    }

    @Test
    public void lossFallsOnATinyDataset() {
        List<GraphOfRings> data = TinyGors.cataSet();
        GorBatch batch = featurizer.encode(data);
        double before = meanValidationLoss(batch);
        double nllBefore = meanNll(batch);
        // our optimiser (GaUDI's AMSGrad AdamW), not DJL's Adam: the training stack the product uses
        AmsGradAdamW adam = AmsGradAdamW.builder().learningRate(2e-3).build();
        ParameterStore ps = new ParameterStore(manager, false);
        ps.setParameterServer(new LocalParameterServer(adam), new Device[] {Device.cpu()});
        SplittableRandom rng = new SplittableRandom(11);
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            try (NDManager step = manager.newSubManager()) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = diffusion.trainingLoss(ps, step, batch, rng);
                    gc.backward(loss);
                }
                ps.updateAllParameters();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double after = meanValidationLoss(batch);
        adam.close();
        System.out.printf("tiny EDM: validation eps-loss %.4f -> %.4f after 200 AMSGrad steps (%.1f s)%n", before,
                after, seconds);
        // measured 0.278 -> 0.188 (AMSGrad's running max of v takes smaller steps than DJL's Adam did; 3e-3 and
        // 5e-3 diverge on this single batch)
        assertTrue("loss must fall clearly: " + before + " -> " + after, after < 0.72 * before);
        double nllAfter = meanNll(batch);
        System.out.printf("tiny EDM: NLL bound %.2f -> %.2f nats%n", nllBefore, nllAfter);
        assertTrue("NLL bound must fall: " + nllBefore + " -> " + nllAfter, nllAfter < nllBefore);
    }

    /** NLL bound averaged over 10 fixed draws. */
    private double meanNll(GorBatch batch) {
        SplittableRandom rng = new SplittableRandom(7);
        double sum = 0;
        int count = 0;
        for (int r = 0; r < 10; r++) {
            for (double v : diffusion.negativeLogLikelihood(inference(), manager, batch, rng)) {
                assertTrue(Double.isFinite(v));
                sum += v;
                count++;
            }
        }
        return sum / count;
    }

    /**
     * Gradients must not depend on garbage collection between the loss and the backward pass: DJL tensors made
     * from Java data share memory with a direct buffer that close() releases, so the loss must keep them alive.
     */
    @Test
    public void gradientsSurviveGarbageCollectionBeforeBackward() {
        GorBatch batch = featurizer.encode(TinyGors.cataSet());
        float[] reference = gradientOfFirstLayer(batch, false);
        assertArrayEquals(reference, gradientOfFirstLayer(batch, false), 0f);
        float[] afterGc = gradientOfFirstLayer(batch, true);
        assertArrayEquals(reference, afterGc, 0f);
    }

    private float[] gradientOfFirstLayer(GorBatch batch, boolean churnMemory) {
        ai.djl.nn.Parameter w = diffusion.dynamics().blocks().get(0).gcl().edgeMlp().layers().get(0).weight();
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager step = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = diffusion.trainingLoss(ps, step, batch, new SplittableRandom(4));
                if (churnMemory) {
                    List<java.nio.ByteBuffer> junk = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        System.gc();
                        for (int i = 0; i < 200; i++) {
                            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocateDirect(4096)
                                    .order(java.nio.ByteOrder.nativeOrder());
                            while (bb.remaining() >= 4) {
                                bb.putFloat(Float.NaN);
                            }
                            junk.add(bb);
                        }
                    }
                    assertFalse(junk.isEmpty());
                }
                gc.backward(loss);
            }
            float[] g = w.getArray().getGradient().toFloatArray();
            w.getArray().getGradient().subi(w.getArray().getGradient());
            return g;
        }
    }

    /** Validation eps-loss averaged over 20 fixed draws (same seed before and after training). */
    private double meanValidationLoss(GorBatch batch) {
        SplittableRandom rng = new SplittableRandom(99);
        double sum = 0;
        int count = 0;
        for (int r = 0; r < 20; r++) {
            try (NDManager sub = manager.newSubManager()) {
                for (float v : diffusion.validationLossPerSample(inference(), sub, batch, rng).toFloatArray()) {
                    sum += v;
                    count++;
                }
            }
        }
        return sum / count;
    }

    @Test
    public void thousandStepsStayFiniteAndMemoryIsFlat() {
        BaseNDManager base = (BaseNDManager) manager;
        int before = base.getManagedArrays().size();
        List<Integer> liveAfterSteps = new ArrayList<>();
        long[] rss = new long[2];
        SamplingHook probe = step -> {
            if (step.stepIndex() == 100) {
                rss[0] = Rss.nativeHeapAfterGc();
            }
            if (step.stepIndex() == 990) {
                rss[1] = Rss.nativeHeapAfterGc();
            }
            if (step.stepIndex() % 250 == 0) {
                liveAfterSteps.add(base.getManagedArrays().size());
            }
            return step.zs();
        };
        SampleResult r = diffusion.sample(inference(), manager, new int[] {5, 3, 4, 2},
                SamplingOptions.unconditional(5, 1000), probe);
        assertEquals(4, r.graphs().size());
        assertEquals(0, r.nanReplacements());
        for (float v : r.x()) {
            assertTrue(Float.isFinite(v));
        }
        assertEquals(3, r.graphs().get(1).ringCount());
        // the number of live arrays is the same at every probed step and nothing is left behind
        for (int live : liveAfterSteps) {
            assertEquals(liveAfterSteps.get(0).intValue(), live);
        }
        assertEquals(before, base.getManagedArrays().size());
        if (rss[0] > 0 && rss[1] > 0) {
            // The malloc heap fluctuates by ~+-15 MB between probes (JVM and allocator caches), so this bound only
            // catches gross native leaks; the exact per-step check is the array count above.
            long growth = rss[1] - rss[0];
            System.out.println("native heap change over 890 sampling steps: " + growth / 1024 + " kB");
            assertTrue("native heap grew by " + growth / 1024 + " kB over 890 steps", growth < 50_000_000L);
        } else {
            System.out.println("native heap probe unavailable (no glibc mallinfo2); checked array counts only");
        }
    }

    @Test
    public void samplingIsReproducibleWithAFixedSeed() {
        SamplingOptions opts = new SamplingOptions(42, 0.7, 50);
        SampleResult a = diffusion.sample(inference(), manager, new int[] {4, 5}, opts, SamplingHook.none());
        SampleResult b = diffusion.sample(inference(), manager, new int[] {4, 5}, opts, SamplingHook.none());
        SampleResult c = diffusion.sample(inference(), manager, new int[] {4, 5}, new SamplingOptions(43, 0.7, 50),
                SamplingHook.none());
        assertArrayEquals(a.x(), b.x(), 0f);
        assertEquals(a.graphs(), b.graphs());
        assertFalse(java.util.Arrays.equals(a.x(), c.x()));
        // ring counts drawn from a distribution are reproducible too
        RingCountDistribution dist = RingCountDistribution.fromGraphs(TinyGors.cataSet());
        SampleResult d1 = diffusion.sample(inference(), manager, 6, dist, opts, SamplingHook.none());
        SampleResult d2 = diffusion.sample(inference(), manager, 6, dist, opts, SamplingHook.none());
        assertArrayEquals(d1.ringCounts(), d2.ringCounts());
        assertArrayEquals(d1.x(), d2.x(), 0f);
        for (int n : d1.ringCounts()) {
            assertTrue(n >= 2 && n <= 5);
        }
    }

    @Test
    public void hookSeesStepsCanModifyAndCancel() {
        List<double[]> seen = new ArrayList<>();
        SamplingHook shift = step -> {
            seen.add(new double[] {step.t(), step.s(), step.sigma()});
            // guidance-like move of the type channel: z_s <- z_s - sigma * g with g = -1 on real nodes
            NDArray g = step.zs().zerosLike().add(-1f).mul(step.nodeMask());
            return step.zs().sub(g.mul((float) step.sigma()));
        };
        SampleResult r = diffusion.sample(inference(), manager, new int[] {3}, new SamplingOptions(1, 1.0, 10),
                shift);
        assertEquals(10, seen.size());
        NoiseSchedule sch = diffusion.schedule();
        for (int k = 0; k < 10; k++) {
            int t = 1000 - 100 * k;
            int s = t - 100;
            assertEquals(t, seen.get(k)[0], 0);
            assertEquals(s, seen.get(k)[1], 0);
            // the ancestral step's std from first principles: α_{t|s} = α_t/α_s, σ²_{t|s} = σ²_t − α²_{t|s}·σ²_s,
            // std = σ_{t|s}·σ_s/σ_t (not the schedule's own stepSigma, which the sampler passes on)
            double alphaTs = sch.alpha(t) / sch.alpha(s);
            double sigma2Ts = sch.sigma2(t) - alphaTs * alphaTs * sch.sigma2(s);
            double expected = Math.sqrt(sigma2Ts) * sch.sigma(s) / sch.sigma(t);
            assertEquals("step sigma at t=" + t, expected, seen.get(k)[2], 1e-9 * expected + 1e-12);
        }
        // the hook's move reached the result: the type channel ends higher than without the hook (same seed)
        SampleResult plain = diffusion.sample(inference(), manager, new int[] {3}, new SamplingOptions(1, 1.0, 10),
                SamplingHook.none());
        double hooked = 0;
        double unhooked = 0;
        for (int i = 0; i < 3; i++) {
            hooked += r.h()[i];
            unhooked += plain.h()[i];
        }
        assertTrue("hooked h " + hooked + " vs unhooked " + unhooked, hooked > unhooked + 0.1);
        for (int k = 0; k < 3; k++) {
            double com = 0;
            for (int i = 0; i < 3; i++) {
                com += r.x()[i * 3 + k];
            }
            assertEquals(0, com, 1e-4);
        }
        // NaN introduced by a hook is replaced by 0 and counted, never passed on silently
        SampleResult withNan = diffusion.sample(inference(), manager, new int[] {3}, new SamplingOptions(1, 1.0, 5),
                step -> step.stepIndex() == 2 ? step.zs().zerosLike().div(step.zs().zerosLike()) : step.zs());
        assertEquals(3 * 4, withNan.nanReplacements());
        for (float v : withNan.x()) {
            assertTrue(Float.isFinite(v));
        }
        // an infinite state is an error, not silently carried on
        try {
            diffusion.sample(inference(), manager, new int[] {3}, new SamplingOptions(1, 1.0, 5),
                    step -> step.zs().add(Float.POSITIVE_INFINITY));
            fail("expected a non-finite error");
        } catch (org.gaudi.core.djl.NonFiniteValueException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("non-finite at step t=1000"));
        }
        int[] calls = {0};
        try {
            diffusion.sample(inference(), manager, new int[] {3, 3}, new SamplingOptions(1, 1.0, 100), step -> {
                if (++calls[0] == 7) {
                    throw new SamplingCancelledException("cancelled by test");
                }
                return step.zs();
            });
            fail("expected cancellation");
        } catch (SamplingCancelledException e) {
            assertEquals(7, calls[0]);
        }
        assertEquals(0, ((BaseNDManager) manager).getManagedArrays().stream()
                .filter(a -> a.getShape().dimension() == 3 && a.getShape().get(0) == 2).count());
    }

    @Test
    public void respacedGridCoversZeroToT() {
        assertArrayEquals(new int[] {1000, 750, 500, 250, 0}, diffusion.timeGrid(4));
        int[] full = diffusion.timeGrid(1000);
        assertEquals(1001, full.length);
        for (int k = 0; k <= 1000; k++) {
            assertEquals(1000 - k, full[k]);
        }
        assertNotEquals(0, diffusion.timeGrid(3)[1]);
    }
}
