package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

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
     * @param h node features (B, N, H)
     * @param e edge features (B, N, N, E); pair (i, j) at [b, i, j]
     * @return pre-activations (B, N, N, out) in {@code e}'s manager
     */
    public NDArray apply(ParameterStore ps, NDArray h, NDArray e, boolean training) {
        NDArray w = layer.weightValue(ps, h, training);
        NDArray b = layer.biasValue(ps, h, training);
        try (NDList parts = w.split(new long[] {nodeFeatures, 2L * nodeFeatures}, 1)) {
            // split() puts its views in the weight's manager; move them to the step's manager so they are freed
            parts.attach(e.getManager());
            NDArray edgeTerm = Linear.linear(e, parts.get(2), b).singletonOrThrow();
            try (NDArray ai = Linear.linear(h, parts.get(0)).singletonOrThrow();
                 NDArray bj = Linear.linear(h, parts.get(1)).singletonOrThrow();
                 NDArray aiE = ai.expandDims(2);
                 NDArray bjE = bj.expandDims(1);
                 NDArray partial = edgeTerm.add(aiE)) {
                edgeTerm.close();
                return partial.add(bjE);
            }
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
             NDArray cat = NDArrays.concat(new NDList(hi, hj, e), -1)) {
            return layer.apply(ps, cat, training);
        }
    }

    /** Multiply-add FLOPs of {@link #apply} for B graphs of N nodes (2 per multiply-add; matmuls only). */
    public long factorisedFlops(long batch, long nodes) {
        long out = layer.outFeatures();
        return 2L * batch * nodes * 2 * nodeFeatures * out + 2L * batch * nodes * nodes * edgeFeatures * out;
    }

    /** FLOPs of the unfactorised layer (2 per multiply-add). */
    public long unfactorisedFlops(long batch, long nodes) {
        return 2L * batch * nodes * nodes * layer.inFeatures() * layer.outFeatures();
    }
}
