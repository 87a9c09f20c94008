package org.gaudi.core.train;

/**
 * Figures of one finished epoch, for tables and reports.
 *
 * @param epoch the epoch, 0-based
 * @param trainLoss mean training loss over the epoch's steps, weighted by batch size
 * @param validationLoss mean validation loss after the epoch (NaN without a validation set)
 * @param meanGradNorm mean total gradient L2 norm before clipping
 * @param maxGradNorm largest total gradient L2 norm before clipping
 * @param clippedSteps steps whose gradient was scaled down by the clipper
 * @param steps optimiser steps in the epoch
 * @param seconds wall time of the epoch including validation
 * @param best whether this epoch's weights became the best checkpoint
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double meanGradNorm, double maxGradNorm,
        int clippedSteps, int steps, double seconds, boolean best) {
}
