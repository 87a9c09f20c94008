package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Masked tensor operations on dense padded graphs: x (B, N, C), node mask (B, N, 1), pairs (B, N, N, C) with pair
 * (i, j) at [b, i, j]. Results belong to the first argument's manager.
 */
public final class MaskedOps {
    private MaskedOps() {
    }

    /**
     * Removes the mean over real nodes: x − (Σ_i x_i / Σ_i mask_i)·mask (EDM's {@code remove_mean_with_mask}).
     * Padded entries of the result are zero when they were zero in {@code x}.
     */
    public static NDArray centre(NDArray x, NDArray nodeMask) {
        try (NDArray sum = x.sum(new int[] {1}, true);
             NDArray count = nodeMask.sum(new int[] {1}, true);
             NDArray mean = sum.div(count);
             NDArray shift = mean.mul(nodeMask)) {
            return x.sub(shift);
        }
    }

    /** Pair differences x_i − x_j as (B, N, N, C). */
    public static NDArray pairDifferences(NDArray x) {
        try (NDArray xi = x.expandDims(2); NDArray xj = x.expandDims(1)) {
            return xi.sub(xj);
        }
    }

    /** Squared distances ‖x_i − x_j‖² as (B, N, N, 1). */
    public static NDArray squaredDistances(NDArray x) {
        try (NDArray diff = pairDifferences(x); NDArray sq = diff.square()) {
            return sq.sum(new int[] {3}, true);
        }
    }

    /** The largest |Σ_i x_i| over samples and channels: how far x is from zero centre of mass. */
    public static float maxCentreOfMass(NDArray x) {
        try (NDArray sum = x.sum(new int[] {1}); NDArray abs = sum.abs(); NDArray max = abs.max()) {
            return max.getFloat();
        }
    }
}
