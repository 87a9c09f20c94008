package org.gaudi.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The factor applied to the base learning rate at each optimiser step: constant 1 ({@link #CONSTANT}, the EDM and
 * predictor), or a linear warm-up over the first steps followed by a cosine decay to a floor at the last step of
 * the run (the schedule of GPT-style language models). It depends only on the global step and the run's total
 * steps, so a resumed run continues on the same curve.
 *
 * @param warmupSteps    steps of the linear ramp from 1/warmup to 1 (0 = none)
 * @param cosine         whether the rate decays along a half cosine after the warm-up
 * @param floorFraction  the final factor of the cosine decay, in [0, 1]
 */
public record LearningRateSchedule(long warmupSteps, boolean cosine, double floorFraction) {
    /** Factor 1 throughout. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(0, false, 1);

    public LearningRateSchedule {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
        }
        if (!(floorFraction >= 0 && floorFraction <= 1)) {
            throw new IllegalArgumentException("the learning-rate floor must be a fraction in [0, 1], got "
                    + floorFraction);
        }
    }

    /** Warm-up then cosine decay to {@code floorFraction} of the base rate. */
    public static LearningRateSchedule warmupCosine(long warmupSteps, double floorFraction) {
        return new LearningRateSchedule(warmupSteps, true, floorFraction);
    }

    /**
     * The factor for 0-based step {@code step} of a run of {@code totalSteps} steps.
     */
    public double factor(long step, long totalSteps) {
        if (step < warmupSteps) {
            return (step + 1.0) / warmupSteps;
        }
        if (!cosine) {
            return 1;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps - 1);
        double progress = Math.min(1, (double) (step - warmupSteps) / decaySteps);
        return floorFraction + (1 - floorFraction) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** For headers and reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warmupSteps", warmupSteps);
        m.put("cosine", cosine);
        m.put("floorFraction", floorFraction);
        return m;
    }
}
