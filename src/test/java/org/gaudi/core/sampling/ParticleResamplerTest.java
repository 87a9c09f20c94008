package org.gaudi.core.sampling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Sequential Monte Carlo weights and systematic resampling within ring-count groups. */
public class ParticleResamplerTest {
    private static final int[] RINGS = {3, 3, 3, 3, 5, 5};

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    public void equalImprovementsKeepEveryParticle() {
        ParticleResampler r = new ParticleResampler(5);
        r.startBatch(RINGS, 1);
        for (int step = 0; step < 20; step++) {
            double[] loss = new double[RINGS.length];
            java.util.Arrays.fill(loss, 1.0 - 0.1 * step);
            assertArrayEquals(identity(RINGS.length), r.step(loss));
        }
        assertEquals(0, r.resamplings());
        assertEquals(1.0, r.meanEssFraction(), 1e-12);
    }

    /** Particle 1 improves by far the most: its group descends from it; the 5-ring group is untouched. */
    @Test
    public void aClearWinnerTakesOverItsRingCountGroupOnly() {
        ParticleResampler r = new ParticleResampler(5);
        r.startBatch(RINGS, 2);
        r.step(new double[] {0, 0, 0, 0, 0, 0});
        int[] a = r.step(new double[] {0, -5, 0, 0.1, 0, 0.01});
        assertArrayEquals(new int[] {1, 1, 1, 1, 4, 5}, a);
        assertEquals(1, r.resamplings());
        // the weights restart from the copies' losses: copies that keep their loss change nothing
        assertArrayEquals(identity(RINGS.length), r.step(new double[] {-5, -5, -5, -5, 0, 0.01}));
    }

    /** Moderate differences: the expected number of copies of each particle is its normalised weight. */
    @Test
    public void systematicResamplingCopiesInProportionToWeight() {
        int n = 1000;
        int[] rings = new int[n];
        java.util.Arrays.fill(rings, 4);
        ParticleResampler r = new ParticleResampler(1);
        r.startBatch(rings, 3);
        r.step(new double[n]);
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = i < n / 4 ? 0 : Math.log(4); // first quarter 4x the weight of the rest: ESS 0.64 n
        }
        assertArrayEquals("ESS above half: no resampling", identity(n), r.step(loss));
        for (int i = 0; i < n; i++) {
            loss[i] = i < n / 4 ? 0 : Math.log(256); // ratio 256: ESS 0.26 n
        }
        int[] a = r.step(loss);
        int fromFirstQuarter = 0;
        for (int k : a) {
            fromFirstQuarter += k < n / 4 ? 1 : 0;
        }
        assertEquals(1, r.resamplings());
        double share = 0.25 / (0.25 + 0.75 / 256);
        assertEquals(n * share, fromFirstQuarter, 1.0); // systematic: within one of the expectation
    }

    @Test
    public void seededAndNonFiniteLossesLeaveWeightsAlone() {
        int[][] runs = new int[2][];
        for (int k = 0; k < 2; k++) {
            ParticleResampler r = new ParticleResampler(2);
            r.startBatch(new int[] {2, 2, 2, 2, 2, 2, 2, 2}, 42);
            r.step(new double[8]);
            runs[k] = r.step(new double[] {-1, -0.5, 0, 0.5, 1, 1.5, 2, Double.NaN});
            assertEquals(1, r.nonFiniteLosses());
        }
        assertArrayEquals(runs[0], runs[1]);
        assertTrue(runs[0][0] == 0 || runs[0][0] == 1);
    }
}
