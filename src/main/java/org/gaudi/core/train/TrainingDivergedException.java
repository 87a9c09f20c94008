package org.gaudi.core.train;

/** Thrown when a loss or the gradient norm is NaN or infinite; training never continues past such a step. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
