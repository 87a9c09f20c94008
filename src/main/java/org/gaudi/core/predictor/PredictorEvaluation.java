package org.gaudi.core.predictor;

import java.util.List;
import java.util.Locale;

/**
 * Mean absolute errors of a predictor on a split, per target in physical units (GaUDI §6.2, §8.2): on clean inputs
 * at t = 0, on inputs noised to each fixed time step, and for the baseline that always predicts the training mean.
 *
 * @param targets     the targets, in column order
 * @param samples     number of molecules evaluated
 * @param cleanMae    MAE per target on un-noised inputs at t = 0
 * @param timeSteps   the integer time steps evaluated with noise
 * @param noisedMae   MAE [time step index][target] on inputs noised to that step (seeded noise)
 * @param baselineMae MAE per target of predicting the training-split mean
 */
public record PredictorEvaluation(List<PredictorTarget> targets, int samples, double[] cleanMae, int[] timeSteps,
        double[][] noisedMae, double[] baselineMae) {

    /** One line: clean MAE and mean-baseline MAE per target, e.g. "test MAE (clean, t=0): GAP_eV 0.12 eV (mean 0.35)". */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "MAE on %d molecules (clean, t=0):", samples));
        for (int k = 0; k < targets.size(); k++) {
            PredictorTarget t = targets.get(k);
            sb.append(String.format(Locale.ROOT, "%s %s %.4f%s (predicting the mean: %.4f)", k == 0 ? "" : ";",
                    t.name(), cleanMae[k], t.unit().isEmpty() ? "" : " " + t.unit(), baselineMae[k]));
        }
        return sb.toString();
    }

    /** A plain-text table: one row per target, columns baseline, clean and each noised time step. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "MAE on %d molecules (physical units)%n", samples));
        sb.append(String.format(Locale.ROOT, "%-32s %10s %10s", "target", "mean-base", "clean t=0"));
        for (int t : timeSteps) {
            sb.append(String.format(Locale.ROOT, " %9s", "t=" + t));
        }
        sb.append(System.lineSeparator());
        for (int k = 0; k < targets.size(); k++) {
            sb.append(String.format(Locale.ROOT, "%-32s %10.4f %10.4f", targets.get(k).label(), baselineMae[k],
                    cleanMae[k]));
            for (int i = 0; i < timeSteps.length; i++) {
                sb.append(String.format(Locale.ROOT, " %9.4f", noisedMae[i][k]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
