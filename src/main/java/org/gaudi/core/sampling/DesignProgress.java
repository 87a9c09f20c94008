package org.gaudi.core.sampling;

/** Progress of a design run: reverse steps done over all batches, the total, and a short message. */
@FunctionalInterface
public interface DesignProgress {
    /** Ignores all progress. */
    DesignProgress NONE = (done, total, message) -> { };

    /**
     * @param stepsDone  reverse steps finished so far, over all batches
     * @param stepsTotal batches × steps
     * @param message    e.g. {@code batch 1/2, predicted objective 3.412}
     */
    void update(long stepsDone, long stepsTotal, String message);
}
