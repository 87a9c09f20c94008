package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * U(-bound, bound) initialiser. With a seed the values come from a Java {@link SplittableRandom}, so a model's
 * initial weights depend only on that seed (not on DJL's global generator or on other threads); without one it
 * draws from DJL's engine generator.
 */
public final class UniformInit implements Initializer {
    private final double bound;
    private final Long seed;

    /** Engine-random U(-bound, bound). */
    public UniformInit(double bound) {
        this(bound, null);
    }

    /** Seeded U(-bound, bound); {@code seed == null} means the engine generator. */
    public UniformInit(double bound, Long seed) {
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("bound must be finite and >= 0, got " + bound);
        }
        this.bound = bound;
        this.seed = seed;
    }

    public double bound() {
        return bound;
    }

    /** PyTorch's default {@code nn.Linear} bound for weight and bias: 1/sqrt(fan_in). */
    public static double pytorchDefaultBound(int fanIn) {
        return 1.0 / Math.sqrt(fanIn);
    }

    /** Xavier/Glorot uniform bound: gain * sqrt(6 / (fan_in + fan_out)). */
    public static double xavierBound(int fanIn, int fanOut, double gain) {
        return gain * Math.sqrt(6.0 / (fanIn + fanOut));
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (seed == null) {
            return manager.randomUniform((float) -bound, (float) bound, shape, dataType);
        }
        long n = shape.size();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter too large to initialise from Java: " + shape);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        NDArray array = org.gaudi.core.djl.Djl.owned(manager, values, shape);
        return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
    }
}
