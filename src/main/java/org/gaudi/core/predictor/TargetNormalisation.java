package org.gaudi.core.predictor;

import java.util.Arrays;
import java.util.List;

/**
 * Per-target z-scoring of the predictor's outputs (GaUDI §2.4): mean and population standard deviation (ddof = 0)
 * of each target over the training split. The network predicts (y − mean)/std.
 *
 * @param mean per-target mean, physical units
 * @param std  per-target population standard deviation, physical units, all &gt; 0
 */
public record TargetNormalisation(double[] mean, double[] std) {
    public TargetNormalisation {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same, non-zero length, got " + mean.length
                    + " and " + std.length);
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Double.isFinite(mean[k]) || !Double.isFinite(std[k]) || !(std[k] > 0)) {
                throw new IllegalArgumentException("target " + k + ": mean " + mean[k] + " and std " + std[k]
                        + " must be finite with std > 0");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Mean and population std per column of {@code values[sample][target]} (the training split).
     *
     * @throws IllegalArgumentException if a target is constant (it cannot be z-scored) or the split is empty
     */
    public static TargetNormalisation fit(double[][] values, List<PredictorTarget> targets) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot normalise targets on an empty training split");
        }
        int t = targets.size();
        double[] mean = new double[t];
        double[] std = new double[t];
        for (int k = 0; k < t; k++) {
            double s = 0;
            for (double[] row : values) {
                s += row[k];
            }
            mean[k] = s / values.length;
            double v = 0;
            for (double[] row : values) {
                v += (row[k] - mean[k]) * (row[k] - mean[k]);
            }
            std[k] = Math.sqrt(v / values.length);
            if (!(std[k] > 0)) {
                throw new IllegalArgumentException("target " + targets.get(k).name()
                        + " is constant on the training split (" + mean[k] + "); it cannot be z-scored");
            }
        }
        return new TargetNormalisation(mean, std);
    }

    public int size() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetNormalisation n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "TargetNormalisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
