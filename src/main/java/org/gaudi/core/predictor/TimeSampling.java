package org.gaudi.core.predictor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How the predictor's training draws each molecule's noise level t_int.
 *
 * <p>The reference (GaUDI §6.2) draws t_int ~ U{0..T}: with the polynomial schedule about half of those inputs have
 * σ² ≥ 0.44 and carry little structure, so on a small CPU budget little of the training signal reaches the
 * clean and low-noise inputs where the predictions matter most (t = 0 accuracy, late guidance steps). This option
 * mixes in low noise: with probability {@code lowFraction} a molecule's t_int is drawn from U{0..lowMaxStep}
 * instead. {@link #UNIFORM} ({@code lowFraction = 0}) is the reference and draws exactly the same random numbers
 * as the reference sampling, so seeded runs are unchanged by the option's existence.
 *
 * @param lowFraction probability in [0, 1] of a low-noise draw
 * @param lowMaxStep  largest time step of a low-noise draw (0 trains those molecules on clean inputs)
 */
public record TimeSampling(double lowFraction, int lowMaxStep) {
    /** The reference: t_int ~ U{0..T} for every molecule. */
    public static final TimeSampling UNIFORM = new TimeSampling(0, 0);

    public TimeSampling {
        if (!(lowFraction >= 0 && lowFraction <= 1)) {
            throw new IllegalArgumentException("low-noise fraction must be in [0, 1], got " + lowFraction);
        }
        if (lowMaxStep < 0) {
            throw new IllegalArgumentException("low-noise largest time step must be >= 0, got " + lowMaxStep);
        }
    }

    /** Whether this is the reference sampling. */
    public boolean isUniform() {
        return lowFraction == 0;
    }

    /**
     * One time step in 0..timesteps.
     *
     * @throws IllegalArgumentException when a low-noise draw is possible and lowMaxStep exceeds timesteps
     */
    public int draw(SplittableRandom rng, int timesteps) {
        if (isUniform()) {
            return rng.nextInt(timesteps + 1);
        }
        if (lowMaxStep > timesteps) {
            throw new IllegalArgumentException("low-noise largest time step " + lowMaxStep + " exceeds the schedule's "
                    + timesteps + " steps");
        }
        boolean low = lowFraction >= 1 || rng.nextDouble() < lowFraction;
        return rng.nextInt((low ? lowMaxStep : timesteps) + 1);
    }

    /** For the model header. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", isUniform() ? "uniform 0..T (reference)"
                : "mixture: U{0.." + lowMaxStep + "} with probability " + lowFraction + ", else U{0..T}");
        m.put("lowFraction", lowFraction);
        m.put("lowMaxStep", lowMaxStep);
        return m;
    }

    @Override
    public String toString() {
        return isUniform() ? "t ~ U{0..T}" : "t ~ U{0.." + lowMaxStep + "} w.p. " + lowFraction + ", else U{0..T}";
    }
}
