package org.gaudi.core.diffusion;

import java.util.Arrays;

/**
 * The EDM noise schedule as a fixed γ lookup table (GaUDI §5.2, {@code PredefinedNoiseSchedule('polynomial_2')}).
 *
 * <p>Construction, in float64: u_k = k/T for k = 0..T; α̃²_k = (1 − u_k²)²; the ratios α̃²_k/α̃²_{k−1} (with
 * α̃²_{−1} = 1) are clipped to [0.001, 1] and multiplied up again; α²_k = (1 − 2s)·α̃²_k + s; σ²_k = 1 − α²_k;
 * γ_k = log σ²_k − log α²_k. The table is then stored as float32 (as the reference's non-trainable parameter), and
 * every derived quantity is computed from the float32 γ values, in double precision.
 *
 * <p>Derived quantities: α_t = √sigmoid(−γ_t), σ_t = √sigmoid(γ_t), and for s &lt; t the transition
 * σ²_{t|s} = −expm1(softplus(γ_s) − softplus(γ_t)), α_{t|s} = exp(½(logsigmoid(−γ_t) − logsigmoid(−γ_s))).
 * Times are integer steps 0..T; {@link #index(double)} maps a normalised time t ∈ [0, 1] to round(t·T).
 */
public final class NoiseSchedule {
    /** Default number of diffusion steps. */
    public static final int DEFAULT_TIMESTEPS = 1000;
    /** Default precision floor s. */
    public static final double DEFAULT_PRECISION = 1e-5;

    private final int timesteps;
    private final double precision;
    private final double power;
    private final float[] gamma;

    private NoiseSchedule(int timesteps, double precision, double power, float[] gamma) {
        this.timesteps = timesteps;
        this.precision = precision;
        this.power = power;
        this.gamma = gamma;
    }

    /** GaUDI's schedule: polynomial_2, T = 1000, precision 1e-5. */
    public static NoiseSchedule standard() {
        return polynomial(DEFAULT_TIMESTEPS, DEFAULT_PRECISION, 2.0);
    }

    /** {@code polynomial_<power>} schedule with T steps and precision floor s (EDM's polynomial_schedule). */
    public static NoiseSchedule polynomial(int timesteps, double precision, double power) {
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, got " + timesteps);
        }
        if (!(precision > 0 && precision < 0.5)) {
            throw new IllegalArgumentException("precision must be in (0, 0.5), got " + precision);
        }
        if (!(power > 0)) {
            throw new IllegalArgumentException("power must be > 0, got " + power);
        }
        int steps = timesteps + 1;
        double[] alphas2 = new double[steps];
        for (int k = 0; k < steps; k++) {
            // numpy: linspace(0, steps, steps) / steps, i.e. k * steps / (steps - 1) / steps = k / T
            double u = (double) k * steps / (steps - 1) / steps;
            alphas2[k] = Math.pow(1 - Math.pow(u, power), 2);
        }
        // clip_noise_schedule: clip step ratios to [0.001, 1], cumulative product
        double prev = 1.0;
        double cum = 1.0;
        for (int k = 0; k < steps; k++) {
            double ratio = alphas2[k] / prev;
            prev = alphas2[k];
            ratio = Math.min(1.0, Math.max(0.001, ratio));
            cum *= ratio;
            alphas2[k] = cum;
        }
        float[] gamma = new float[steps];
        for (int k = 0; k < steps; k++) {
            double a2 = (1 - 2 * precision) * alphas2[k] + precision;
            double s2 = 1 - a2;
            gamma[k] = (float) (Math.log(s2) - Math.log(a2));
        }
        return new NoiseSchedule(timesteps, precision, power, gamma);
    }

    /** Rebuilds a schedule from a stored γ table (e.g. a model file); length must be T + 1. */
    public static NoiseSchedule fromGammaTable(float[] table) {
        if (table.length < 2) {
            throw new IllegalArgumentException("a gamma table needs at least 2 entries, got " + table.length);
        }
        for (int i = 0; i < table.length; i++) {
            if (!Float.isFinite(table[i])) {
                throw new IllegalArgumentException("gamma table entry " + i + " is not finite: " + table[i]);
            }
        }
        return new NoiseSchedule(table.length - 1, Double.NaN, Double.NaN, table.clone());
    }

    /** Number of diffusion steps T. */
    public int timesteps() {
        return timesteps;
    }

    /** Precision floor s (NaN when the schedule came from a stored table). */
    public double precision() {
        return precision;
    }

    /** The polynomial power (NaN when the schedule came from a stored table). */
    public double power() {
        return power;
    }

    /** A copy of the float32 γ table (T + 1 values). */
    public float[] gammaTable() {
        return gamma.clone();
    }

    /** Table index of a normalised time t ∈ [0, 1]: round(t·T). */
    public int index(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("normalised time must be in [0, 1], got " + t);
        }
        return (int) Math.round(t * timesteps);
    }

    private int check(int t) {
        if (t < 0 || t > timesteps) {
            throw new IllegalArgumentException("time step must be in [0, " + timesteps + "], got " + t);
        }
        return t;
    }

    /** γ_t (float32 table value) for integer step t. */
    public double gamma(int t) {
        return gamma[check(t)];
    }

    /** α²_t = sigmoid(−γ_t). */
    public double alpha2(int t) {
        return sigmoid(-gamma(t));
    }

    /** σ²_t = sigmoid(γ_t). */
    public double sigma2(int t) {
        return sigmoid(gamma(t));
    }

    /** α_t = √sigmoid(−γ_t). */
    public double alpha(int t) {
        return Math.sqrt(alpha2(t));
    }

    /** σ_t = √sigmoid(γ_t). */
    public double sigma(int t) {
        return Math.sqrt(sigma2(t));
    }

    /** Signal-to-noise ratio exp(−γ). */
    public static double snr(double gamma) {
        return Math.exp(-gamma);
    }

    /** σ²_{t|s} = −expm1(softplus(γ_s) − softplus(γ_t)) for s &lt; t. */
    public double sigma2TGivenS(int t, int s) {
        requireOrder(t, s);
        return -Math.expm1(softplus(gamma(s)) - softplus(gamma(t)));
    }

    /** α_{t|s} = exp(½(logsigmoid(−γ_t) − logsigmoid(−γ_s))) for s &lt; t. */
    public double alphaTGivenS(int t, int s) {
        requireOrder(t, s);
        return Math.exp(0.5 * (logSigmoid(-gamma(t)) - logSigmoid(-gamma(s))));
    }

    /** Standard deviation of an ancestral step s &lt; t: σ_{t|s}·σ_s/σ_t. */
    public double stepSigma(int t, int s) {
        return Math.sqrt(sigma2TGivenS(t, s)) * sigma(s) / sigma(t);
    }

    private static void requireOrder(int t, int s) {
        if (!(s < t)) {
            throw new IllegalArgumentException("need s < t, got s=" + s + ", t=" + t);
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static double logSigmoid(double x) {
        return -softplus(-x);
    }

    @Override
    public String toString() {
        return "NoiseSchedule[T=" + timesteps + ", s=" + precision + ", power=" + power + ", gamma0=" + gamma[0]
                + ", gammaT=" + gamma[timesteps] + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseSchedule && Arrays.equals(gamma, ((NoiseSchedule) o).gamma);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gamma);
    }
}
