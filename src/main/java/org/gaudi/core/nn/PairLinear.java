package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.concurrent.ConcurrentHashMap;
import org.gaudi.core.djl.Djl;

/**
 * The first layer of an EGNN edge MLP, W·[h_i, h_j, e_ij] + b, on dense pair tensors.
 *
 * <p>{@link #apply} computes it factorised: with W = [A | B | C] split by input columns,
 * W·[h_i, h_j, e_ij] + b = A·h_i + B·h_j + (C·e_ij + b). A·h and B·h are computed once per node and broadcast
 * over the pairs, so the (B, N, N, 2H + E) concatenation and its matmul are never formed; the cost per edge drops
 * from 2·(2H + E)·out to about 2·E·out + 2 additions. Parameters and results are identical to one
 * {@link LinearLayer} of size (2H + E) -> out, so PyTorch weights load unchanged.
 * {@link #applyUnfactorised} is the plain reference path (tests).
 */
public final class PairLinear {
    private final LinearLayer layer;
    private final int nodeFeatures;
    private final int edgeFeatures;

    /** Wraps {@code layer}, whose input must be 2·nodeFeatures + edgeFeatures wide. */
    public PairLinear(LinearLayer layer, int nodeFeatures, int edgeFeatures) {
        if (layer.inFeatures() != 2 * nodeFeatures + edgeFeatures) {
            throw new IllegalArgumentException("layer input " + layer.inFeatures() + " != 2*" + nodeFeatures + "+"
                    + edgeFeatures);
        }
        this.layer = layer;
        this.nodeFeatures = nodeFeatures;
        this.edgeFeatures = edgeFeatures;
    }

    public LinearLayer layer() {
        return layer;
    }

    /**
     * Factorised W·[h_i, h_j, e_ij] + b.
     *
     * <p>For N ≤ {@link #selectorMaxNodes()} (default {@value #SELECTOR_MAX_NODES}) the three terms are produced by one batched matmul per graph,
     * [e_ij | onehot(i) | onehot(j)] · [C^T ; (A·h + b) ; B·h] (K = E + 2N), which writes the pair tensor once and
     * keeps the backward pass to two GEMMs over it; for larger N the node terms are broadcast-added instead (the
     * selector's extra K·N FLOPs would outweigh the saved memory passes).
     *
     * @param h node features (B, N, H)
     * @param e edge features (B, N, N, E); pair (i, j) at [b, i, j]
     * @return pre-activations (B, N, N, out) in {@code e}'s manager
     */
    public NDArray apply(ParameterStore ps, NDArray h, NDArray e, boolean training) {
        NDArray w = layer.weightValue(ps, h, training);
        NDArray b = layer.biasValue(ps, h, training);
        long n = h.getShape().get(1);
        try (NDList parts = w.split(new long[] {nodeFeatures, 2L * nodeFeatures}, 1)) {
            // split() puts its views in the weight's manager; move them to the step's manager so they are freed
            parts.attach(e.getManager());
            boolean offDiagonal = PairLayout.isOffDiagonal(e, n);
            if (n <= selectorMaxNodes) {
                return applySelector(h, e, parts, b, offDiagonal);
            }
            NDArray edgeTerm = Linear.linear(e, parts.get(2), b).singletonOrThrow();
            try (NDArray ai = Linear.linear(h, parts.get(0)).singletonOrThrow();
                 NDArray bj = Linear.linear(h, parts.get(1)).singletonOrThrow();
                 NDArray aiE = ai.expandDims(2);
                 NDArray bjE = bj.expandDims(1);
                 NDArray bjDense = offDiagonal ? bjE.broadcast(h.getShape().get(0), n, n, layer.outFeatures()) : null;
                 NDArray bjPairs = offDiagonal ? PairLayout.offDiagonalOf(bjDense) : null;
                 NDArray partial = edgeTerm.add(aiE)) {
                edgeTerm.close();
                return partial.add(offDiagonal ? bjPairs : bjE);
            }
        }
    }

    /** Default largest node count for which {@link #apply} uses the one-hot selector matmul. */
    public static final int SELECTOR_MAX_NODES = 16;

    private static volatile int selectorMaxNodes = SELECTOR_MAX_NODES;

    /** Performance knob: the largest N that uses the selector matmul (0 disables it). Results are unchanged. */
    public static void setSelectorMaxNodes(int nodes) {
        selectorMaxNodes = Math.max(0, nodes);
    }

    public static int selectorMaxNodes() {
        return selectorMaxNodes;
    }

    /** Selector matrices by node count; negative keys for the off-diagonal layout. */
    private static final ConcurrentHashMap<Integer, float[]> SELECTORS = new ConcurrentHashMap<>();

    /**
     * Row p of pair (i, j) holds onehot(i) in columns 0..N-1 and onehot(j) in columns N..2N-1; p = i·N + j in the
     * dense layout, and p = i·(N−1) + (j < i ? j : j − 1) over the pairs i ≠ j in the off-diagonal one.
     */
    private static float[] selector(int n, boolean offDiagonal) {
        return SELECTORS.computeIfAbsent(offDiagonal ? -n : n, key -> {
            int slots = offDiagonal ? n - 1 : n;
            float[] sel = new float[n * slots * 2 * n];
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (offDiagonal && i == j) {
                        continue;
                    }
                    sel[p * 2 * n + i] = 1;
                    sel[p * 2 * n + n + j] = 1;
                    p++;
                }
            }
            return sel;
        });
    }

    private NDArray applySelector(NDArray h, NDArray e, NDList parts, NDArray bias, boolean offDiagonal) {
        long bs = h.getShape().get(0);
        int n = (int) h.getShape().get(1);
        long slots = offDiagonal ? n - 1 : n;
        long pairs = n * slots;
        long out = layer.outFeatures();
        NDManager m = e.getManager();
        try (NDArray sel = Djl.owned(m, selector(n, offDiagonal), new Shape(1, pairs, 2L * n));
             NDArray selB = sel.broadcast(bs, pairs, 2L * n);
             NDArray eFlat = e.reshape(bs, pairs, edgeFeatures);
             NDArray rows = NDArrays.concat(new NDList(eFlat, selB), 2);
             NDArray ai = Linear.linear(h, parts.get(0), bias).singletonOrThrow();
             NDArray bj = Linear.linear(h, parts.get(1)).singletonOrThrow();
             NDArray ct = parts.get(2).transpose();
             NDArray ctE = ct.expandDims(0);
             NDArray ctB = ctE.broadcast(bs, edgeFeatures, out);
             NDArray cols = NDArrays.concat(new NDList(ctB, ai, bj), 1);
             NDArray prod = rows.batchMatMul(cols)) {
            return prod.reshape(bs, n, slots, out);
        }
    }

    /** Unfactorised reference: the (B, N, N, 2H + E) concatenation through the full layer. */
    public NDArray applyUnfactorised(ParameterStore ps, NDArray h, NDArray e, boolean training) {
        long bs = h.getShape().get(0);
        long n = h.getShape().get(1);
        try (NDArray hiE = h.expandDims(2);
             NDArray hjE = h.expandDims(1);
             NDArray hi = hiE.broadcast(bs, n, n, nodeFeatures);
             NDArray hj = hjE.broadcast(bs, n, n, nodeFeatures);
             NDArray nodePairs = NDArrays.concat(new NDList(hi, hj), -1);
             NDArray laidOut = PairLayout.isOffDiagonal(e, n) ? PairLayout.offDiagonalOf(nodePairs) : null;
             NDArray cat = NDArrays.concat(new NDList(laidOut != null ? laidOut : nodePairs, e), -1)) {
            return layer.apply(ps, cat, training);
        }
    }

    /** FLOPs of {@link #apply} for B graphs of N nodes (2 per multiply-add; matmuls only; {@link PairLayout}). */
    public long factorisedFlops(long batch, long nodes) {
        long out = layer.outFeatures();
        long nodeTerms = 2L * batch * nodes * 2 * nodeFeatures * out;
        long k = nodes <= selectorMaxNodes ? edgeFeatures + 2 * nodes : edgeFeatures;
        return nodeTerms + 2L * batch * nodes * PairLayout.slots(nodes) * k * out;
    }

    /** FLOPs of the unfactorised layer (2 per multiply-add). */
    public long unfactorisedFlops(long batch, long nodes) {
        return 2L * batch * nodes * PairLayout.slots(nodes) * layer.inFeatures() * layer.outFeatures();
    }
}
