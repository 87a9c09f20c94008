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

    /** Squared pairwise distances (B,N,N,1) of points (B,N,3). */
    static NDArray pairwiseSquaredDistances(NDArray x) {
        return x.expandDims(2).sub(x.expandDims(1)).square().sum(new int[] {3}, true);
    }
}
