package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * How the EGNN layers store pair tensors. EGNN has no self-edges (GaUDI's and EDM's edge masks are zero on the
 * diagonal, and a masked pair contributes nothing), so the networks keep only the N(N−1) pairs i ≠ j:
 * {@code (B, N, N−1, C)}, pair (i, j) at {@code [b, i, j < i ? j : j − 1]}. At N = 11 that is 9 % less work on every
 * pair tensor than the dense {@code (B, N, N, C)} layout, with the same results: a self-pair is never a message.
 *
 * <p>Inputs stay dense (edge masks, initial distances); the networks convert them once per forward pass with
 * {@link #select}. Layers recognise the layout from a pair tensor's third axis (N − 1 or N), so the dense layout,
 * kept for N = 1 and for A/B tests ({@link #setOffDiagonal}), runs through the same code.
 */
public final class PairLayout {
    private static volatile boolean offDiagonal = true;

    private PairLayout() {
    }

    /**
     * Performance knob (tests, benches): false keeps the dense layout everywhere. Results are the same up to float
     * rounding (sums over fewer zero terms) when edge masks are zero on the diagonal.
     */
    public static void setOffDiagonal(boolean enabled) {
        offDiagonal = enabled;
    }

    public static boolean isOffDiagonal() {
        return offDiagonal;
    }

    /** Number of pair slots per node for {@code n} nodes: n − 1 in the off-diagonal layout, else n. */
    public static long slots(long n) {
        return offDiagonal && n >= 2 ? n - 1 : n;
    }

    /** True when {@code pairs} ({@code (B, N, S, C)} for {@code n} nodes) holds the off-diagonal layout. */
    public static boolean isOffDiagonal(NDArray pairs, long n) {
        return n >= 2 && pairs.getShape().get(2) == n - 1;
    }

    /**
     * A dense pair tensor {@code (B, N, N, C)} in the layout for its N: the off-diagonal pairs (a copy), or the
     * tensor itself (a new handle) when the dense layout applies. Gradients flow through.
     */
    public static NDArray select(NDArray dense) {
        long b = dense.getShape().get(0);
        long n = dense.getShape().get(1);
        long c = dense.getShape().get(3);
        return slots(n) == n ? dense.reshape(b, n, n, c) : offDiagonalOf(dense);
    }

    /** The pairs i ≠ j {@code (B, N, N−1, C)} of a dense pair tensor {@code (B, N, N, C)}, N ≥ 2 (a copy). */
    public static NDArray offDiagonalOf(NDArray dense) {
        long b = dense.getShape().get(0);
        long n = dense.getShape().get(1);
        long c = dense.getShape().get(3);
        // flat index k = i·N + j; drop k = 0, then rows of N + 1 end with the diagonal entries k = (r + 1)(N + 1)
        try (NDArray flat = dense.reshape(b, n * n, c);
             NDArray tail = flat.get(new NDIndex(":, 1:, :"));
             NDArray rows = tail.reshape(b, n - 1, n + 1, c);
             NDArray kept = rows.get(new NDIndex(":, :, :" + n + ", :"))) {
            return kept.reshape(b, n, n - 1, c);
        }
    }

    /** Pair differences x_i − x_j {@code (B, N, S, C)} of {@code x (B, N, C)}, in the layout of {@code pairsLike}. */
    public static NDArray differences(NDArray x, NDArray pairsLike) {
        NDArray dense = MaskedOps.pairDifferences(x);
        if (!isOffDiagonal(pairsLike, x.getShape().get(1))) {
            return dense;
        }
        try (dense) {
            return offDiagonalOf(dense);
        }
    }
}
