package org.gaudi.core.train;

import java.time.Duration;

/**
 * A snapshot of a running training, reported after every optimiser step.
 *
 * @param epoch current epoch, 0-based
 * @param epochs total number of epochs of the run
 * @param step step within the epoch, 1-based (the number of steps done in this epoch)
 * @param stepsPerEpoch optimiser steps per epoch
 * @param globalStep steps done since the very start of training (including epochs before a resume)
 * @param totalSteps steps of the whole run
 * @param stepLoss training loss of the last step
 * @param epochLoss mean training loss of the steps of this epoch so far (weighted by batch size)
 * @param validationLoss validation loss after the last finished epoch; NaN before the first one
 * @param bestValidationLoss lowest validation loss so far; NaN before the first one
 * @param elapsed wall time of this session (since fit/resume started)
 * @param remaining estimated remaining wall time, from the mean time per step of this session
 */
public record TrainingProgress(int epoch, int epochs, int step, int stepsPerEpoch, long globalStep, long totalSteps,
        double stepLoss, double epochLoss, double validationLoss, double bestValidationLoss, Duration elapsed,
        Duration remaining) {

    /** Fraction of the run done, in [0, 1]. */
    public double fractionDone() {
        return totalSteps == 0 ? 1.0 : Math.min(1.0, (double) globalStep / totalSteps);
    }
}
