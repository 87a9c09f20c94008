package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * EGNN's invariant sub-layer (EDM {@code egnn_new.GCL}) with attention, on dense pairs:
 * m_ij = SiLU(W2·SiLU(W1·[h_i, h_j, e_ij])); m_ij ← m_ij·sigmoid(w_a·m_ij)·mask_ij; a_i = Σ_j m_ij;
 * h_i ← (h_i + N2·SiLU(N1·[h_i, a_i]))·node_mask_i, over the pairs of {@link PairLayout}. Parameter names follow the PyTorch keys
 * ({@code edge_mlp}, {@code node_mlp}, {@code att_mlp}).
 */
public final class GclLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final int edgeFeatures;
    private final Mlp edgeMlp;
    private final Mlp nodeMlp;
    private final LinearLayer attMlp;
    private final PairLinear edgeInput;

    /** GCL with H hidden channels and {@code edgeFeatures} edge attributes (2 in the EDM: r_ij, d0_ij). */
    public GclLayer(int hidden, int edgeFeatures) {
        super(VERSION);
        this.hidden = hidden;
        this.edgeFeatures = edgeFeatures;
        edgeMlp = addChildBlock("edge_mlp", new Mlp(new int[] {2 * hidden + edgeFeatures, hidden, hidden}, true));
        nodeMlp = addChildBlock("node_mlp", new Mlp(new int[] {2 * hidden, hidden, hidden}, false));
        attMlp = addChildBlock("att_mlp", new LinearLayer(hidden, 1));
        edgeInput = new PairLinear(edgeMlp.layers().get(0), hidden, edgeFeatures);
    }

    public Mlp edgeMlp() {
        return edgeMlp;
    }

    public Mlp nodeMlp() {
        return nodeMlp;
    }

    public LinearLayer attMlp() {
        return attMlp;
    }

    /**
     * One GCL update.
     *
     * @param h        (B, N, H)
     * @param e        (B, N, N, E)
     * @param nodeMask (B, N, 1)
     * @param edgeMask (B, N, N, 1)
     * @return the new h (B, N, H), masked
     */
    public NDArray apply(ParameterStore ps, NDArray h, NDArray e, NDArray nodeMask, NDArray edgeMask,
            boolean training, boolean factorised) {
        NDArray pre = factorised ? edgeInput.apply(ps, h, e, training) : edgeInput.applyUnfactorised(ps, h, e, training);
        long bs = h.getShape().get(0);
        long n = h.getShape().get(1);
        long slots = pre.getShape().get(2); // N − 1 or N pairs per node (PairLayout)
        NDArray agg;
        // a_i = Σ_j gate_ij·m_ij as one batched (1 × N)·(N × H) matmul per node: reads m once, no gated copy
        try (NDArray m = edgeMlp.applyAfterFirst(ps, pre, training);
             NDArray attLogit = attMlp.apply(ps, m, training);
             NDArray att = Activation.sigmoid(attLogit);
             NDArray gate = att.mul(edgeMask);
             NDArray gateRows = gate.reshape(bs * n, 1, slots);
             NDArray mRows = m.reshape(bs * n, slots, hidden);
             NDArray aggRows = gateRows.batchMatMul(mRows)) {
            agg = aggRows.reshape(bs, n, hidden);
        }
        try (NDArray cat = h.concat(agg, 2);
             NDArray upd = nodeMlp.apply(ps, cat, training);
             NDArray sum = h.add(upd)) {
            agg.close();
            return sum.mul(nodeMask);
        }
    }

    /** Matmul FLOPs (factorised first edge layer). */
    public long factorisedFlops(long batch, long nodes) {
        return edgeInput.factorisedFlops(batch, nodes) + restFlops(batch, nodes);
    }

    /** Matmul FLOPs (unfactorised first edge layer). */
    public long unfactorisedFlops(long batch, long nodes) {
        return edgeInput.unfactorisedFlops(batch, nodes) + restFlops(batch, nodes);
    }

    private long restFlops(long batch, long nodes) {
        long pairs = batch * nodes * PairLayout.slots(nodes);
        long h = hidden;
        return 2 * pairs * h * h // edge_mlp.2
                + 2 * pairs * h // att_mlp
                + 2 * pairs * h // gated aggregation (batched matmul)
                + 2 * batch * nodes * 2 * h * h + 2 * batch * nodes * h * h; // node_mlp
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), training, true));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        edgeMlp.initialize(manager, dataType, new Shape(1, 2 * hidden + edgeFeatures));
        nodeMlp.initialize(manager, dataType, new Shape(1, 2 * hidden));
        attMlp.initialize(manager, dataType, new Shape(1, hidden));
    }
}
