package org.gaudi.core.train;

/**
 * Thrown when the cancellation check of a {@link Trainer} run answers true. The block then holds the weights of the
 * last finished step; nothing has been written by the trainer.
 */
public class TrainingCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epochsCompleted;

    public TrainingCancelledException(int epochsCompleted) {
        super("training cancelled after " + epochsCompleted + " completed epoch(s)");
        this.epochsCompleted = epochsCompleted;
    }

    /** Number of epochs that had finished (validation included) when the run was cancelled. */
    public int epochsCompleted() {
        return epochsCompleted;
    }
}
