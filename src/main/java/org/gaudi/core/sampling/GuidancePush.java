package org.gaudi.core.sampling;

import org.gaudi.core.diffusion.NoiseSchedule;

/**
 * How far a guided update moves z_s at a reverse step t → s, per unit of clipped gradient (see
 * {@link ScaleConvention}): the step's own σ_{t|s}σ_s/σ_t when s = t − 1 (GaUDI's update), otherwise the sum of the
 * σ of the T-grid steps s+1 … t that the respaced step replaces. Prefix sums make every query O(1).
 */
public final class GuidancePush {
    private final NoiseSchedule schedule;
    /** cumulative[t] = Σ_{j=1}^{t} σ_{j|j−1}σ_{j−1}/σ_j. */
    private final double[] cumulative;

    public GuidancePush(NoiseSchedule schedule) {
        this.schedule = schedule;
        int tSteps = schedule.timesteps();
        cumulative = new double[tSteps + 1];
        for (int j = 1; j <= tSteps; j++) {
            cumulative[j] = cumulative[j - 1] + schedule.stepSigma(j, j - 1);
        }
    }

    /**
     * @param t integer time of the step's input, 1 … T
     * @param s integer time of its output, 0 … t − 1
     */
    public double length(int t, int s) {
        if (s < 0 || s >= t || t > schedule.timesteps()) {
            throw new IllegalArgumentException("need 0 <= s < t <= " + schedule.timesteps() + ", got s=" + s + ", t="
                    + t);
        }
        return s == t - 1 ? schedule.stepSigma(t, s) : cumulative[t] - cumulative[s];
    }

    /** Σ_{j=1}^{T} of the step σ: the total push of a full T-step run per unit gradient. */
    public double totalOverAllSteps() {
        return cumulative[schedule.timesteps()];
    }

    /** length(t, s) / σ_{t|s}σ_s/σ_t: how much more a respaced step pushes than its own σ (1 without respacing). */
    public double factor(int t, int s) {
        return length(t, s) / schedule.stepSigma(t, s);
    }
}
