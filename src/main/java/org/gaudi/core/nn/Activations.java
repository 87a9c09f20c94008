package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Activation functions DJL 0.35 lacks as single calls. */
public final class Activations {
    private Activations() {
    }

    /** SiLU (swish with beta 1): x * sigmoid(x). Smooth, so input gradients are well behaved (guidance). */
    public static NDArray silu(NDArray x) {
        try (NDArray s = Activation.sigmoid(x)) {
            return x.mul(s);
        }
    }
}
