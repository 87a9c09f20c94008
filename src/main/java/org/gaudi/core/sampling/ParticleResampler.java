package org.gaudi.core.sampling;

import java.util.ArrayList;
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
 * batch: the same seed gives the same ancestors.
 */
final class ParticleResampler {
    /**
     * λ per unit of guidance scale. With it, scale 0.2 on the shipped demo models (9 rings, 250 steps) resamples a
     * few times per batch and moves the Hückel-gap mean as far as GaUDI's update at 0.1–0.2 (README, guidance).
     */
    static final double POTENTIAL_PER_SCALE = 10.0;
    /** Resample a group when its effective sample size falls below this fraction of its size. */
    static final double ESS_THRESHOLD = 0.5;

    private final double lambda;
    private int[][] groups;
    private double[] logWeight;
    private double[] previous;
    private SplittableRandom random;
    private long resamplings;
    private long nonFinite;
    private double essSum;
    private long essCount;

    ParticleResampler(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("resampling strength must be finite and > 0, got " + lambda);
        }
        this.lambda = lambda;
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
