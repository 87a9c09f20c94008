package org.gaudi.core.sampling;

import java.util.Locale;

import org.gaudi.core.objective.Objective;
import org.gaudi.core.predictor.TargetNormalisation;

/**
 * How much an objective changes per standard deviation of the predictor's training targets: the unit in which a
 * guidance scale is expressed ({@link ScaleConvention}).
 *
 * <p>GaUDI's objectives act on z-scored predictions y_k = (p_k − μ_k)/σ_k (§7.3: max-gap is −y_gap), ours on
 * physical values p_k. Dividing a physical-unit objective f by its spread u_f makes it dimensionless, so a scale
 * means the same whatever the units. The spread is the root mean square of ‖σ ⊙ ∇_p f‖ over 2K + 1 points of
 * the training targets: the mean μ and μ ± σ_k along each of the K targets:
 *
 * <pre>  u_f² = (1/(2K+1)) Σ_points Σ_k (σ_k · ∂f/∂p_k)²</pre>
 *
 * For an affine objective a·p_X + b of one target every point gives |a|·σ_X, so f/u_f = ±y_X + const and the guided
 * gradient is exactly GaUDI's gradient of ±y_X. For an affine combination of targets it is the standard deviation
 * the combination would have if the targets were uncorrelated; for a non-linear objective it is the typical size of
 * its gradient over the bulk of the training targets (the ±σ points keep it away from zero where the objective is
 * flat at the mean, e.g. (p − μ)²). The derivatives are central differences in double precision with a step of
 * 10⁻⁴·σ_k (exact for affine objectives up to rounding). Points where the objective is undefined (e.g. log of a
 * negative value) are left out and counted.
 *
 * @param value   u_f, in the objective's units per standard deviation, finite and &gt; 0
 * @param points  stencil points the value was averaged over
 * @param skipped stencil points left out because the objective (or a derivative) was undefined there
 */
public record ObjectiveSpread(double value, int points, int skipped) {
    /** Relative finite-difference step (of σ_k). */
    static final double STEP = 1e-4;

    public ObjectiveSpread {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("objective spread must be finite and > 0, got " + value);
        }
    }

    /**
     * @param objective     bound to the predictor's targets (same order as the normalisation)
     * @param normalisation the predictor's per-target training mean and std
     * @throws IllegalArgumentException when the objective does not change with any target near the training targets
     *                                  (its guidance would be zero) or is undefined at every stencil point
     */
    public static ObjectiveSpread of(Objective objective, TargetNormalisation normalisation) {
        double[] mean = normalisation.mean();
        double[] std = normalisation.std();
        int k = mean.length;
        if (objective.targetNames().size() != k) {
            throw new IllegalArgumentException("objective '" + objective.toText() + "' has " + objective
                    .targetNames().size() + " targets, the predictor's normalisation " + k);
        }
        double sum = 0;
        int used = 0;
        int skipped = 0;
        for (int point = 0; point < 2 * k + 1; point++) {
            double[] p = mean.clone();
            if (point > 0) {
                int target = (point - 1) / 2;
                p[target] += (point % 2 == 1 ? 1 : -1) * std[target];
            }
            double sq = squaredScaledGradient(objective, p, std);
            if (Double.isFinite(sq)) {
                sum += sq;
                used++;
            } else {
                skipped++;
            }
        }
        double value = used == 0 ? Double.NaN : Math.sqrt(sum / used);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "objective '%s' %s near the predictor's"
                    + " training targets (mean ± 1 std of each), so its guidance scale cannot be put in GaUDI units;"
                    + " use an objective that depends on the predicted properties there",
                    objective.toText(), used == 0 ? "is undefined everywhere" : "does not change"));
        }
        return new ObjectiveSpread(value, used, skipped);
    }

    /** Σ_k (σ_k ∂f/∂p_k)² at p by central differences; NaN where f is undefined at a probe. */
    private static double squaredScaledGradient(Objective objective, double[] p, double[] std) {
        double sq = 0;
        for (int j = 0; j < p.length; j++) {
            double h = STEP * std[j];
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            double d = (objective.value(up) - objective.value(down)) / (2 * h) * std[j];
            sq += d * d;
        }
        return sq;
    }
}
