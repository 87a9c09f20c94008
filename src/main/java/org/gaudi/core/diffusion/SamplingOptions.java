package org.gaudi.core.diffusion;

/**
 * Settings of ancestral sampling.
 *
 * @param seed             seeds the Java generator of all sampling noise (same seed, model and ring counts → same
 *                         samples)
 * @param initialNoiseStd  std of z_T (0.7 for unconditional sampling in GaUDI, 1.0 for guided); scales only z_T
 * @param steps            reverse steps; T reproduces the reference, fewer respaces the time grid
 *                         t_k = round(k·T/steps) (an approximation the reference does not use)
 */
public record SamplingOptions(long seed, double initialNoiseStd, int steps) {

    /** Unconditional GaUDI defaults: std 0.7, all T steps. */
    public static SamplingOptions unconditional(long seed, int timesteps) {
        return new SamplingOptions(seed, 0.7, timesteps);
    }

    public SamplingOptions {
        if (!(initialNoiseStd > 0) || Double.isInfinite(initialNoiseStd)) {
            throw new IllegalArgumentException("initial noise std must be finite and > 0, got " + initialNoiseStd);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("sampling steps must be >= 1, got " + steps);
        }
    }

    public SamplingOptions withSteps(int newSteps) {
        return new SamplingOptions(seed, initialNoiseStd, newSteps);
    }

    public SamplingOptions withInitialNoiseStd(double std) {
        return new SamplingOptions(seed, std, steps);
    }
}
