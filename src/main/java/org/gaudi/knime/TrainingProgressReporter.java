package org.gaudi.knime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;

/**
 * Shows a core training run in KNIME's progress bar ("epoch 3 of 20, step 10 of 50, loss 0.1234, about 2 min
 * left") and keeps the finished epochs for a learner's statistics table. Hand it to
 * {@code Trainer.listener(...)} together with {@link ExecutionProgress#cancelCheck()} as the cancellation.
 */
public final class TrainingProgressReporter implements TrainingListener {

    private final ExecutionProgress progress;
    private final List<EpochStats> epochs = new ArrayList<>();

    public TrainingProgressReporter(final ExecutionProgress progress) {
        this.progress = progress;
    }

    @Override
    public void onStep(final TrainingProgress p) {
        progress.progress(p.fractionDone(), message(p));
    }

    @Override
    public void onEpochEnd(final EpochStats stats, final TrainingProgress p) {
        epochs.add(stats);
        progress.progress(p.fractionDone(), message(p));
    }

    /** The epochs finished so far, in order. */
    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    static String message(final TrainingProgress p) {
        StringBuilder sb = new StringBuilder();
        sb.append("epoch ").append(p.epoch() + 1).append(" of ").append(p.epochs()).append(", step ")
                .append(p.step()).append(" of ").append(p.stepsPerEpoch()).append(", loss ")
                .append(String.format(Locale.ROOT, "%.4g", p.epochLoss()));
        if (!Double.isNaN(p.validationLoss())) {
            sb.append(String.format(Locale.ROOT, " (validation %.4g)", p.validationLoss()));
        }
        Duration left = p.remaining();
        if (left != null && !left.isNegative() && !left.isZero()) {
            sb.append(", about ").append(humanise(left)).append(" left");
        }
        return sb.toString();
    }

    static String humanise(final Duration d) {
        long s = Math.max(1, d.getSeconds());
        if (s < 90) {
            return s + " s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
