package org.gaudi.core.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import ai.djl.ndarray.NDArray;

/**
 * The reference's adaptive gradient clipping (§5.5): a queue of the most recent recorded gradient norms (50,
 * initialised with the single value 3000); the threshold is 1.5·mean + 2·std (population std) of the queue; the
 * total L2 norm of all gradients is clipped to it as {@code torch.nn.utils.clip_grad_norm_} does (scale by
 * threshold/(norm + 1e-6) when that is below 1); then min(norm, threshold) is pushed.
 */
public final class AdaptiveGradientClipper {
    /** Queue length of the reference. */
    public static final int DEFAULT_HISTORY = 50;
    /** Initial queue entry of the reference. */
    public static final double DEFAULT_INITIAL_NORM = 3000;

    private final int capacity;
    private final Deque<Double> recent = new ArrayDeque<>();

    /** The reference setting: 50 norms, starting from 3000. */
    public AdaptiveGradientClipper() {
        this(DEFAULT_HISTORY, DEFAULT_INITIAL_NORM);
    }

    public AdaptiveGradientClipper(int capacity, double initialNorm) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history length must be >= 1, got " + capacity);
        }
        if (!(initialNorm > 0) || Double.isInfinite(initialNorm)) {
            throw new IllegalArgumentException("initial norm must be positive and finite, got " + initialNorm);
        }
        this.capacity = capacity;
        recent.addFirst(initialNorm);
    }

    /** The current clipping threshold: 1.5·mean + 2·population std of the queue. */
    public double threshold() {
        double mean = 0;
        for (double d : recent) {
            mean += d;
        }
        mean /= recent.size();
        double var = 0;
        for (double d : recent) {
            var += (d - mean) * (d - mean);
        }
        var /= recent.size();
        return 1.5 * mean + 2 * Math.sqrt(var);
    }

    /**
     * Clips the gradients in place to the current threshold and records the norm.
     *
     * @param gradients all parameter gradients of the step
     * @param norm their total L2 norm (see {@link GradientNorm#total}), finite
     * @return true if the norm exceeded the threshold (the gradients were scaled down)
     */
    public boolean clip(List<NDArray> gradients, double norm) {
        double max = threshold();
        double coef = max / (norm + 1e-6);
        if (coef < 1) {
            for (NDArray g : gradients) {
                g.muli((float) coef);
            }
        }
        push(Math.min(norm, max));
        return norm > max;
    }

    /** Records a norm (newest first), dropping the oldest beyond the capacity. */
    void push(double value) {
        recent.addFirst(value);
        while (recent.size() > capacity) {
            recent.removeLast();
        }
    }

    /** The queue, newest first, for checkpoints. */
    public double[] history() {
        return recent.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Replaces the queue (newest first) with one from {@link #history()}. */
    public void restoreHistory(double[] history) {
        if (history.length < 1 || history.length > capacity) {
            throw new IllegalArgumentException("clip history must hold 1.." + capacity + " norms, got "
                    + history.length);
        }
        recent.clear();
        for (double d : history) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("non-finite norm in clip history");
            }
            recent.addLast(d);
        }
    }
}
