package org.gaudi.core.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

/** Total L2 norm over several gradient arrays. */
public final class GradientNorm {
    private GradientNorm() {
    }

    /**
     * The L2 norm of the per-array L2 norms (as {@code clip_grad_norm_} computes it), reduced on the device with a
     * single host read. Temporaries are freed.
     *
     * @return the norm; NaN or infinite if a gradient is
     */
    public static double total(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList norms = new NDList(gradients.size());
            for (NDArray g : gradients) {
                norms.add(g.norm());
            }
            return NDArrays.stack(norms).norm().getFloat();
        }
    }
}
