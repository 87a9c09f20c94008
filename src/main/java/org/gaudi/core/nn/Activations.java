package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.gaudi.core.train.GradMode;

/** Activation functions DJL 0.35 lacks as single calls. */
public final class Activations {
    private Activations() {
    }

    /** SiLU (swish with beta 1): x * sigmoid(x). Smooth, so input gradients are well behaved (guidance). */
    public static NDArray silu(NDArray x) {
        NDArray s = Activation.sigmoid(x);
        if (!GradMode.isEnabled()) {
            // inference: multiply into the sigmoid's buffer (σ(x)·x = x·σ(x) exactly), one large buffer fewer
            return s.muli(x);
        }
        try (s) {
            return x.mul(s);
        }
    }
}
