package org.gaudi.core.predictor;

import ai.djl.ndarray.NDArray;

/**
 * Result of a guidance query ({@link PropertyPredictor#gradient}): per-sample objective values, the gradient of each
 * sample's objective with respect to its own input z, and the predictions in physical units. The arrays live in the
 * manager of the z passed in; {@link #close()} frees them early.
 */
public final class GuidanceGradient implements AutoCloseable {
    private final NDArray values;
    private final NDArray gradient;
    private final NDArray predictions;

    GuidanceGradient(NDArray values, NDArray gradient, NDArray predictions) {
        this.values = values;
        this.gradient = gradient;
        this.predictions = predictions;
    }

    /** Objective per sample, shape (B). */
    public NDArray values() {
        return values;
    }

    /** ∂objective_b/∂z_b, shape (B, N, 3+F), in the normalised units of z; zero on padded slots. */
    public NDArray gradient() {
        return gradient;
    }

    /** Predicted properties in physical units, shape (B, targets). */
    public NDArray predictions() {
        return predictions;
    }

    @Override
    public void close() {
        values.close();
        gradient.close();
        predictions.close();
    }
}
