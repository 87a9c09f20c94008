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

    /**
     * One particle dominates: plain systematic resampling copies it into the whole group; with a cap of 2 it gets 2
     * slots, and the next heaviest particles survive once each, in their own slots.
     */
    @Test
    public void cappedCopiesKeepTheNextHeaviestLineages() {
        int[] rings = {4, 4, 4, 4, 4, 4};
        double[] loss = {0, -8, -1, 0, -2, 0}; // weights e^(8λ) >> e^(2λ) > e^(λ) > 1 at λ = 1
        ParticleResampler plain = new ParticleResampler(1);
        plain.startBatch(rings, 5);
        plain.step(new double[6]);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1}, plain.step(loss));

        ParticleResampler capped = new ParticleResampler(1, 2);
        capped.startBatch(rings, 5);
        capped.step(new double[6]);
        int[] a = capped.step(loss);
        assertEquals(1, a[1]);
        assertEquals(2, a[2]);
        assertEquals(4, a[4]);
        int[] copies = new int[6];
        for (int k : a) {
            copies[k]++;
        }
        assertEquals(2, copies[1]);
        assertEquals(6, copies[1] + copies[2] + copies[4] + copies[0] + copies[3] + copies[5]);
        for (int c : copies) {
            assertTrue(java.util.Arrays.toString(a), c <= 2);
        }
        assertEquals("particles 0, 3 and 5 tie: exactly two of them survive", 2, copies[0] + copies[3] + copies[5]);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aCapOfOneCopyIsRefused() {
        new ParticleResampler(1, 1);
    }
}
