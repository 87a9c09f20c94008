package org.gaudi.core.predictor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Small tensor helpers shared by the predictor's blocks. */
final class PairTensors {
    private PairTensors() {
    }

    /** Concatenation along the last axis. */
    static NDArray concatLast(NDArray... parts) {
        return NDArrays.concat(new NDList(parts), parts[0].getShape().dimension() - 1);
    }

    /**
     * A scalar constant in {@code like}'s manager and data type, for arithmetic inside differentiable code.
     *
     * <p>Why not {@code x.mul(2.0)}: DJL's PyTorch engine implements the {@code Number} overloads (add, sub, mul,
     * div, pow, maximum, ...) by wrapping the number in a temporary tensor over a direct buffer and closing it at
     * once; autograd may keep that tensor for the backward pass (mul, div, pow, ...), and when the garbage
     * collector frees the buffer first, the gradients silently become garbage or NaN. A constant created here stays
     * referenced by the manager until the step ends.
     */
    static NDArray constant(NDArray like, double value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }

    /** Squared pairwise distances (B,N,N,1) of points (B,N,3). */
    static NDArray pairwiseSquaredDistances(NDArray x) {
        return x.expandDims(2).sub(x.expandDims(1)).square().sum(new int[] {3}, true);
    }
}
