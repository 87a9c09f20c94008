package org.gaudi.core.diffusion;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gaudi.core.gor.GraphOfRings;

/**
 * Categorical distribution of the ring count n of a graph (EDM's node-count distribution, GaUDI §5.6), learned from
 * training graphs or given as counts. Unconditional sampling draws n per sample from it.
 */
public final class RingCountDistribution {
    private final long[] counts; // counts[n] = number of training graphs with n rings
    private final long total;
    private final double[] cumulative;

    private RingCountDistribution(long[] counts) {
        long sum = 0;
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] < 0) {
                throw new IllegalArgumentException("count for " + n + " rings is negative: " + counts[n]);
            }
            sum += counts[n];
        }
        if (counts.length > 0 && counts[0] != 0) {
            throw new IllegalArgumentException("graphs with 0 rings cannot be sampled (count " + counts[0] + ")");
        }
        if (sum == 0) {
            throw new IllegalArgumentException("a ring-count distribution needs at least one graph");
        }
        this.counts = counts;
        this.total = sum;
        this.cumulative = new double[counts.length];
        double acc = 0;
        for (int n = 0; n < counts.length; n++) {
            acc += counts[n];
            cumulative[n] = acc / sum;
        }
    }

    /** Counts ring numbers of the given graphs. */
    public static RingCountDistribution fromGraphs(List<GraphOfRings> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        int max = 0;
        for (GraphOfRings g : graphs) {
            max = Math.max(max, g.ringCount());
        }
        long[] c = new long[max + 1];
        for (GraphOfRings g : graphs) {
            c[g.ringCount()]++;
        }
        return new RingCountDistribution(c);
    }

    /** From counts indexed by ring number ({@code counts[n]}; {@code counts[0]} must be 0). */
    public static RingCountDistribution fromCounts(long[] counts) {
        return new RingCountDistribution(counts.clone());
    }

    /** From a map ring number → count. */
    public static RingCountDistribution fromCounts(Map<Integer, Long> counts) {
        int max = 0;
        for (int n : counts.keySet()) {
            if (n < 1) {
                throw new IllegalArgumentException("ring numbers must be >= 1, got " + n);
            }
            max = Math.max(max, n);
        }
        long[] c = new long[max + 1];
        counts.forEach((n, k) -> c[n] = k);
        return new RingCountDistribution(c);
    }

    /** The hard-coded cata (cc-PBH, COMPAS-1x train split) histogram of the reference code (§5.6). */
    public static RingCountDistribution cataReference() {
        return fromCounts(new long[] {0, 1, 1, 2, 3, 11, 32, 108, 363, 1349, 5164, 20559});
    }

    /** A copy of the counts, indexed by ring number. */
    public long[] counts() {
        return counts.clone();
    }

    public long total() {
        return total;
    }

    /** Largest ring number with a non-zero count. */
    public int maxRings() {
        for (int n = counts.length - 1; n > 0; n--) {
            if (counts[n] > 0) {
                return n;
            }
        }
        return 0;
    }

    /** P(n). */
    public double probability(int n) {
        return n < 0 || n >= counts.length ? 0 : (double) counts[n] / total;
    }

    /** Draws one ring number. */
    public int sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int n = 1; n < cumulative.length; n++) {
            if (u < cumulative[n] && counts[n] > 0) {
                return n;
            }
        }
        return maxRings();
    }

    /** Draws {@code k} ring numbers. */
    public int[] sample(int k, SplittableRandom rng) {
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = sample(rng);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RingCountDistribution && Arrays.equals(counts, ((RingCountDistribution) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "RingCountDistribution" + Arrays.toString(counts);
    }
}
