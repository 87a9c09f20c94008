package org.gaudi.core.sampling;

/**
 * What a guidance scale means. There is one convention, GaUDI's; this class documents it and names it in reports.
 *
 * <p><b>Objective units.</b> The scale multiplies the objective divided by its {@link ObjectiveSpread} u_f, the
 * change of the objective per standard deviation of the predictor's training targets. For {@code maximize X} (or
 * {@code minimize X}, or any a·X + b) this is exactly GaUDI's objective on the z-scored prediction, −y_X (or +y_X),
 * so scale s here is scale s in GaUDI, whatever the units of X or of the expression.
 *
 * <p><b>Respaced runs.</b> GaUDI pushes z_s by −σ_j·g at each of its T = 1000 steps j → j−1, σ_j the step's
 * standard deviation σ_{j|j−1}σ_{j−1}/σ_j. A respaced step t → s (s &lt; t − 1) covers the fine steps s+1 … t, whose
 * pushes add up linearly, Σ_{j=s+1}^{t} σ_j·g (g changes little over one coarse step), while the coarse step's own
 * σ_{t|s}σ_s/σ_t grows only like the square root of their variances — summed over 500 steps it is 50.1 against
 * 71.8 over 1000 on the polynomial_2 schedule. So a respaced step pushes by {@link GuidancePush#length
 * Σ_{j=s+1}^{t} σ_j} instead of its own σ: every coarse step gives the push of the fine steps it replaces, the total
 * over a run equals the T-step total exactly, and its distribution over noise levels is kept. With all T steps
 * this is σ of the step itself, i.e. GaUDI's update unchanged.
 *
 * <p>The clip (norm 10 by default) still acts on scale · ∇(f/u_f), as in GaUDI.
 */
public final class ScaleConvention {
    /** The name reports use for this convention. */
    public static final String NAME = "gaudi";

    /** One line for summaries and node descriptions. */
    public static final String DESCRIPTION = "scale in GaUDI units: objective divided by its spread over the"
            + " predictor's training targets (maximize X = GaUDI's -pred_normalized[:, X]); a respaced step pushes"
            + " by the summed sigma of the T-grid steps it replaces, so any step count pushes as T = 1000";

    private ScaleConvention() {
    }
}
