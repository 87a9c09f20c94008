package org.gaudi.core.sampling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.gaudi.core.diffusion.SamplingStep;
import org.gaudi.core.djl.Djl;
import org.junit.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The update rule of GaUDI §7.1 steps 2–6 on hand-made gradients. */
public class GuidanceHookTest {
    private static final int B = 2;
    private static final int N = 4;
    private static final int D = 5; // x, y, z and two feature channels
    private static final int[] REAL = {3, 4};

    private static float[] mask() {
        float[] m = new float[B * N];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < REAL[b]; i++) {
                m[b * N + i] = 1;
            }
        }
        return m;
    }

    /** A gradient that is zero on padded nodes, entries ~ N(0, amplitude²). */
    private static float[] gradient(long seed, double amplitude) {
        Random r = new Random(seed);
        float[] g = new float[B * N * D];
        float[] m = mask();
        for (int i = 0; i < B * N; i++) {
            for (int c = 0; c < D; c++) {
                g[i * D + c] = m[i] > 0 ? (float) (r.nextGaussian() * amplitude) : 0f;
            }
        }
        return g;
    }

    /** The reference computation in double precision: clip per molecule, then centre x over real nodes. */
    private static double[] expected(float[] g, double clip) {
        double[] out = new double[g.length];
        for (int b = 0; b < B; b++) {
            double sq = 0;
            for (int k = b * N * D; k < (b + 1) * N * D; k++) {
                sq += (double) g[k] * g[k];
            }
            double factor = Math.min(1, clip / (Math.sqrt(sq) + 1e-6));
            double[] mean = new double[3];
            for (int i = 0; i < REAL[b]; i++) {
                for (int a = 0; a < 3; a++) {
                    mean[a] += g[(b * N + i) * D + a] * factor / REAL[b];
                }
            }
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < D; c++) {
                    int k = (b * N + i) * D + c;
                    out[k] = i >= REAL[b] ? 0 : g[k] * factor - (c < 3 ? mean[c] : 0);
                }
            }
        }
        return out;
    }

    private static float[] apply(float[] g, double clip, long[] bad) {
        return Djl.call(() -> {
            try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
                NDArray ga = m.create(g, new Shape(B, N, D));
                NDArray mask = m.create(mask(), new Shape(B, N, 1));
                return GuidanceHook.clipAndCentre(ga, mask, clip, bad).toFloatArray();
            }
        });
    }

    private static void assertClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals("entry " + k, expected[k], actual[k], tol * Math.max(1, Math.abs(expected[k])));
        }
    }

    private static double norm(float[] v, int b) {
        double s = 0;
        for (int k = b * N * D; k < (b + 1) * N * D; k++) {
            s += (double) v[k] * v[k];
        }
        return Math.sqrt(s);
    }

    @Test
    public void smallGradientsAreOnlyCentred() {
        float[] g = gradient(1, 0.1);
        long[] bad = new long[1];
        float[] out = apply(g, 10, bad);
        assertEquals(0, bad[0]);
        assertClose(expected(g, 10), out, 1e-5);
        for (int b = 0; b < B; b++) {
            for (int a = 0; a < 3; a++) {
                double s = 0;
                for (int i = 0; i < N; i++) {
                    s += out[(b * N + i) * D + a];
                }
                assertEquals(0, s, 1e-5);
            }
        }
    }

    @Test
    public void largeGradientsAreClippedPerMoleculeBeforeCentring() {
        float[] g = gradient(2, 100);
        for (int k = N * D; k < 2 * N * D; k++) {
            g[k] *= 0.0003f; // molecule 1 stays below the clip
        }
        float[] out = apply(g, 10, new long[1]);
        assertClose(expected(g, 10), out, 1e-4);
        assertTrue(norm(out, 0) <= 10 + 1e-3); // centring after the clip can only shorten it
        assertTrue(norm(g, 0) > 100);
        assertTrue(norm(g, 1) < 10); // molecule 1 is only centred (checked against expected above)
    }

    /** Entries whose squares overflow float32 must still be clipped to the clip norm, not wiped out. */
    @Test
    public void hugeFiniteGradientsAreClippedNotLost() {
        float[] g = gradient(3, 1);
        for (int k = 0; k < N * D; k++) {
            g[k] *= 1e30f;
        }
        long[] bad = new long[1];
        float[] out = apply(g, 10, bad);
        assertEquals(0, bad[0]);
        for (float v : out) {
            assertTrue(Float.isFinite(v));
        }
        double[] exp = expected(g, 10);
        assertClose(exp, out, 1e-4);
        assertTrue(norm(out, 0) > 5);
    }

    @Test
    public void nonFiniteEntriesAreZeroedAndCounted() {
        float[] g = gradient(4, 0.5);
        g[2] = Float.NaN;
        g[N * D + 4] = Float.POSITIVE_INFINITY;
        g[N * D + 7] = Float.NEGATIVE_INFINITY;
        long[] bad = new long[1];
        float[] out = apply(g, 10, bad);
        assertEquals(3, bad[0]);
        float[] zeroed = g.clone();
        zeroed[2] = 0;
        zeroed[N * D + 4] = 0;
        zeroed[N * D + 7] = 0;
        assertClose(expected(zeroed, 10), out, 1e-5);
    }

    /** z_s ← z_s − σ·clip(g), and the predictor is told s/T by default, t/T on request. */
    @Test
    public void afterStepMovesAgainstTheGradientByTheStepSigmaAtTheChosenTime() {
        for (PredictorTime time : PredictorTime.values()) {
            float[] g = gradient(5, 0.2);
            float[] z = gradient(6, 1.0);
            double[] seenTime = new double[1];
            GuidanceHook hook = new GuidanceHook((zs, nodeMask, edgeMask, t) -> {
                seenTime[0] = t.toFloatArray()[0];
                assertEquals(new Shape(B, 1), t.getShape());
                return zs.getManager().create(g, new Shape(B, N, D));
            }, 10, time);
            float[] out = Djl.call(() -> {
                try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
                    NDArray zs = m.create(z, new Shape(B, N, D));
                    NDArray mask = m.create(mask(), new Shape(B, N, 1));
                    NDArray edges = m.ones(new Shape(B, N, N, 1));
                    SamplingStep step = new SamplingStep(zs, mask, edges, 500, 480, 1000, 0.05, 25, 50, m);
                    return hook.afterStep(step).toFloatArray();
                }
            });
            assertEquals(time == PredictorTime.S ? 0.48 : 0.5, seenTime[0], 1e-6);
            double[] update = expected(g, 10);
            double[] exp = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                exp[k] = z[k] - 0.05 * update[k];
            }
            assertClose(exp, out, 1e-5);
            assertEquals(1, hook.steps());
            assertEquals(0, hook.nonFiniteGradientEntries());
        }
    }

    @Test
    public void settingsValidateAndDefault() {
        GuidanceSettings d = GuidanceSettings.defaults();
        assertEquals(0.6, d.scale(), 0);
        assertEquals(10, d.clipNorm(), 0);
        assertEquals(1.0, d.initialNoiseStd(true), 0);
        assertEquals(0.7, d.initialNoiseStd(false), 0);
        assertEquals(1000, d.steps(1000));
        assertEquals(PredictorTime.S, d.predictorTime());
        assertTrue(!d.fixedRingCount());
        assertArrayEquals(new Object[] {2.5, 2.5}, new Object[] {
                d.toBuilder().initialNoiseStd(2.5).build().initialNoiseStd(true),
                d.toBuilder().initialNoiseStd(2.5).build().initialNoiseStd(false)});
        String[] bad = {"scale", "clip", "molecules", "rings", "std", "steps", "batch"};
        for (String what : bad) {
            try {
                GuidanceSettings.Builder b = GuidanceSettings.builder();
                switch (what) {
                    case "scale" -> b.scale(-1);
                    case "clip" -> b.clipNorm(0);
                    case "molecules" -> b.molecules(0);
                    case "rings" -> b.ringCount(0);
                    case "std" -> b.initialNoiseStd(Double.NaN);
                    case "steps" -> b.steps(0);
                    default -> b.batchSize(0);
                }
                b.build();
                org.junit.Assert.fail(what + " must be validated");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("must be"));
            }
        }
    }
}
