package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * N(0, std²) initialiser (GPT-2's scheme). With a seed the values come from a Java {@link SplittableRandom}, so the
 * weights depend only on that seed; without one it draws from DJL's engine generator.
 */
public final class NormalInit implements Initializer {
    private final double std;
    private final Long seed;

    /** Seeded N(0, std²); {@code seed == null} means the engine generator. */
    public NormalInit(double std, Long seed) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("standard deviation must be finite and >= 0, got " + std);
        }
        this.std = std;
        this.seed = seed;
    }

    public double std() {
        return std;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (seed == null) {
            return manager.randomNormal(0f, (float) std, shape, dataType);
        }
        long n = shape.size();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter too large to initialise from Java: " + shape);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (gaussian(rng) * std);
        }
        NDArray array = org.gaudi.core.djl.Djl.owned(manager, values, shape);
        return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
    }

    /** Standard normal by Box–Muller (SplittableRandom has no nextGaussian before Java 17's RandomGenerator use). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
