package org.gaudi.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a {@link Trainer} run.
 *
 * @param history per-epoch figures of the whole run (including epochs before a resume)
 * @param bestEpoch epoch of the best weights (lowest validation loss); the last epoch without a validation set
 * @param bestValidationLoss their validation loss (NaN without a validation set)
 * @param split the train/validation/test split used
 * @param bestParameters the best weights (the block holds them too if {@code restoreBest} was set)
 * @param finalCheckpoint state after the last epoch, to continue training later
 * @param steps optimiser steps of the whole run
 * @param seconds wall time of this session
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, double bestValidationLoss, DataSplit split,
        ParameterSnapshot bestParameters, TrainingCheckpoint finalCheckpoint, long steps, double seconds) {

    /** Final mean training loss (last epoch). */
    public double finalTrainLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
    }

    /** A summary for model-file metadata and reports (epochs, steps, losses, split sizes). */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", history.size());
        m.put("steps", steps);
        m.put("bestEpoch", bestEpoch);
        m.put("bestValidationLoss", bestValidationLoss);
        m.put("finalTrainLoss", finalTrainLoss());
        m.put("trainItems", split.train().length);
        m.put("validationItems", split.validation().length);
        m.put("testItems", split.test().length);
        m.put("sessionSeconds", seconds);
        return m;
    }
}
