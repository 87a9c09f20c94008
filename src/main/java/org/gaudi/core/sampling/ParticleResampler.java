package org.gaudi.core.sampling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sequential Monte Carlo over the molecules of one batch (the particles), with the guidance objective as potential:
 * after every reverse step particle i's log-weight grows by −λ·(L_i − L_i'), L_i its loss in GaUDI units
 * (loss / {@link ObjectiveSpread}) at this step and L_i' at the previous one, so that the weights telescope to
 * exp(−λ·(L_final − L_first)). Particles compete only with particles of the same ring count (their node masks must
 * match to swap states). When a group's effective sample size (Σw)²/Σw² falls below half its size, it is resampled
 * systematically and its weights reset. Non-finite losses leave a particle's weight unchanged (counted). Seeded per
 * batch: the same seed gives the same ancestors. Optionally a resampling gives no particle more than a set number of
 * copies ({@link #capCopies}).
 */
final class ParticleResampler {
    /** Resample a group when its effective sample size falls below this fraction of its size. */
    static final double ESS_THRESHOLD = 0.5;

    private final double lambda;
    private final int maxCopies;
    private int[][] groups;
    private double[] logWeight;
    private double[] previous;
    private SplittableRandom random;
    private long resamplings;
    private long nonFinite;
    private double essSum;
    private long essCount;

    /**
     * @param lambda    potential strength λ &gt; 0 (per GaUDI unit of loss)
     * @param maxCopies most copies of one particle per resampling (≥ 2), or 0 for no limit
     */
    ParticleResampler(double lambda, int maxCopies) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("resampling strength must be finite and > 0, got " + lambda);
        }
        if (maxCopies != 0 && maxCopies < 2) {
            throw new IllegalArgumentException("copies per particle must be 0 (no limit) or >= 2, got " + maxCopies);
        }
        this.lambda = lambda;
        this.maxCopies = maxCopies;
    }

    /** Without a limit on copies. */
    ParticleResampler(double lambda) {
        this(lambda, 0);
    }

    /** New particles: groups by real node count (one entry per molecule), weights 1, seeded generator. */
    void startBatch(int[] realNodes, long seed) {
        Map<Integer, List<Integer>> byCount = new LinkedHashMap<>();
        for (int i = 0; i < realNodes.length; i++) {
            byCount.computeIfAbsent(realNodes[i], k -> new ArrayList<>()).add(i);
        }
        groups = byCount.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        logWeight = new double[realNodes.length];
        previous = null;
        random = new SplittableRandom(seed);
    }

    boolean started() {
        return groups != null;
    }

    /**
     * Updates the weights with this step's losses and resamples groups whose weights have degenerated.
     *
     * @param loss per particle, GaUDI units (lower is better)
     * @return ancestor of each particle (the identity where nothing was resampled)
     */
    int[] step(double[] loss) {
        if (!started() || loss.length != logWeight.length) {
            throw new IllegalStateException("resampler not started for a batch of " + loss.length);
        }
        int n = loss.length;
        if (previous != null) {
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(loss[i]) && Double.isFinite(previous[i])) {
                    logWeight[i] -= lambda * (loss[i] - previous[i]);
                } else {
                    nonFinite++;
                }
            }
        }

        double[] prev = loss.clone();
        int[] ancestor = new int[n];
        for (int i = 0; i < n; i++) {
            ancestor[i] = i;
        }
        for (int[] g : groups) {
            if (g.length < 2) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i : g) {
                max = Math.max(max, logWeight[i]);
            }
            double[] w = new double[g.length];
            double sum = 0;
            double sq = 0;
            for (int k = 0; k < g.length; k++) {
                w[k] = Math.exp(logWeight[g[k]] - max);
                sum += w[k];
                sq += w[k] * w[k];
            }
            double ess = sum * sum / sq;
            essSum += ess / g.length;
            essCount++;
            if (ess >= ESS_THRESHOLD * g.length) {
                continue;
            }
            resamplings++;
            double u = random.nextDouble() / g.length;
            double cum = w[0] / sum;
            int src = 0;
            for (int k = 0; k < g.length; k++) {
                double target = u + (double) k / g.length;
                while (target > cum && src < g.length - 1) {
                    src++;
                    cum += w[src] / sum;
                }
                ancestor[g[k]] = g[src];
            }
            if (maxCopies > 0) {
                capCopies(g, w, ancestor, maxCopies);
            }
            for (int k = 0; k < g.length; k++) {
                prev[g[k]] = loss[ancestor[g[k]]];
            }
            for (int i : g) {
                logWeight[i] = 0;
            }
        }
        previous = prev;
        return ancestor;
    }

    /**
     * Caps the copies of any particle of group {@code g} at {@code cap}. The surplus slots go to the heaviest
     * particles that were not drawn, one copy each; every particle with copies keeps its own slot, and the slots of
     * the particles without copies take the extra copies. Keeps more lineages alive than plain systematic
     * resampling when one particle dominates, at the price of a biased (flatter) selection.
     *
     * @param w        the group's weights, in the order of {@code g}
     * @param ancestor per particle of the batch; the group's entries are rewritten
     */
    static void capCopies(int[] g, double[] w, int[] ancestor, int cap) {
        int n = g.length;
        Map<Integer, Integer> slotOf = new HashMap<>();
        for (int k = 0; k < n; k++) {
            slotOf.put(g[k], k);
        }
        int[] copies = new int[n];
        for (int k = 0; k < n; k++) {
            copies[slotOf.get(ancestor[g[k]])]++;
        }
        int surplus = 0;
        for (int k = 0; k < n; k++) {
            if (copies[k] > cap) {
                surplus += copies[k] - cap;
                copies[k] = cap;
            }
        }
        Integer[] heaviestFirst = new Integer[n];
        for (int k = 0; k < n; k++) {
            heaviestFirst[k] = k;
        }
        Arrays.sort(heaviestFirst, (a, b) -> Double.compare(w[b], w[a]));
        for (int k = 0; k < n && surplus > 0; k++) {
            if (copies[heaviestFirst[k]] == 0) {
                copies[heaviestFirst[k]] = 1;
                surplus--;
            }
        }
        ArrayDeque<Integer> extra = new ArrayDeque<>();
        for (int k = 0; k < n; k++) {
            for (int c = 1; c < copies[k]; c++) {
                extra.add(k);
            }
        }
        for (int k = 0; k < n; k++) {
            ancestor[g[k]] = copies[k] > 0 ? g[k] : g[extra.remove()];
        }
    }

    /** Group resamplings so far (all batches). */
    long resamplings() {
        return resamplings;
    }

    /** Weight updates skipped for a non-finite loss. */
    long nonFiniteLosses() {
        return nonFinite;
    }

    /** Mean effective sample size as a fraction of the group size, over all groups and steps; NaN before any. */
    double meanEssFraction() {
        return essCount == 0 ? Double.NaN : essSum / essCount;
    }
}
