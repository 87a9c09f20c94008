package org.gaudi.core.predictor;

/**
 * The EDM's {@code polynomial_2} noise schedule (GaUDI §5.2) as α_t and σ_t per integer time step, used to noise
 * the predictor's training inputs exactly as the diffusion model does.
 */
final class NoiseLevels {
    /** Descriptor of the only schedule GaUDI uses; stored in predictor model files. */
    static final String POLYNOMIAL_2 = "polynomial_2";

    private final int steps;
    private final double precision;
    private final float[] gamma;

    NoiseLevels(int steps, double precision) {
        if (steps < 1) {
            throw new IllegalArgumentException("schedule needs at least one step, got " + steps);
        }
        this.steps = steps;
        this.precision = precision;
        // float64 arithmetic, stored as float32 like the reference's lookup table
        double[] raw = new double[steps + 1];
        double prev = 1.0;
        double cum = 1.0;
        for (int k = 0; k <= steps; k++) {
            double u = (double) k / steps;
            double a2 = (1 - u * u) * (1 - u * u);
            double ratio = Math.min(1.0, Math.max(0.001, a2 / prev));
            cum *= ratio;
            raw[k] = cum;
            prev = a2;
        }
        gamma = new float[steps + 1];
        for (int k = 0; k <= steps; k++) {
            double alpha2 = (1 - 2 * precision) * raw[k] + precision;
            double sigma2 = 1 - alpha2;
            gamma[k] = (float) (Math.log(sigma2) - Math.log(alpha2));
        }
    }

    static NoiseLevels gaudiDefault() {
        return new NoiseLevels(1000, 1e-5);
    }

    int steps() {
        return steps;
    }

    /** A string naming this schedule exactly (kind, T, precision), for compatibility checks. */
    String descriptor() {
        return POLYNOMIAL_2 + "(T=" + steps + ",s=" + precision + ")";
    }

    double gamma(int t) {
        return gamma[t];
    }

    /** α_t = √sigmoid(−γ_t). */
    double alpha(int t) {
        return Math.sqrt(sigmoid(-gamma[t]));
    }

    /** σ_t = √sigmoid(γ_t). */
    double sigma(int t) {
        return Math.sqrt(sigmoid(gamma[t]));
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
