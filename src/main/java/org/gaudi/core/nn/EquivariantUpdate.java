package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.gaudi.core.djl.Djl;

/**
 * EGNN's equivariant coordinate update (EDM {@code egnn_new.EquivariantUpdate}):
 * c_ij = w3·SiLU(W2·SiLU(W1·[h_i, h_j, e_ij])) (w3 without bias, Xavier gain 0.001);
 * x_i ← (x_i + Σ_j n_ij·tanh(c_ij)·range·mask_ij)·node_mask_i.
 */
public final class EquivariantUpdate extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final int edgeFeatures;
    private final float coordsRange;
    private final Mlp coordMlp;
    private final PairLinear edgeInput;

    /** Update with H hidden channels, E edge attributes and the tanh range (4 in the EDM). */
    public EquivariantUpdate(int hidden, int edgeFeatures, float coordsRange) {
        super(VERSION);
        this.hidden = hidden;
        this.edgeFeatures = edgeFeatures;
        this.coordsRange = coordsRange;
        coordMlp = addChildBlock("coord_mlp", new Mlp(List.of(new LinearLayer(2 * hidden + edgeFeatures, hidden),
                new LinearLayer(hidden, hidden), LinearLayer.xavier(hidden, 1, false, 0.001)), false));
        edgeInput = new PairLinear(coordMlp.layers().get(0), hidden, edgeFeatures);
    }

    public Mlp coordMlp() {
        return coordMlp;
    }

    /**
     * @param h         (B, N, H) node features (already updated by the GCL)
     * @param x         (B, N, 3)
     * @param coordDiff n_ij (B, N, S, 3), S pairs per node ({@link PairLayout})
     * @param e         (B, N, S, E)
     * @return the new x (B, N, 3), masked
     */
    public NDArray apply(ParameterStore ps, NDArray h, NDArray x, NDArray coordDiff, NDArray e, NDArray nodeMask,
            NDArray edgeMask, boolean training, boolean factorised) {
        NDArray pre = factorised ? edgeInput.apply(ps, h, e, training) : edgeInput.applyUnfactorised(ps, h, e, training);
        NDArray agg;
        try (NDArray c = coordMlp.applyAfterFirst(ps, pre, training);
             NDArray th = c.tanh();
             NDArray range = Djl.scalarLike(th, coordsRange);
             NDArray scaled = th.mul(range);
             NDArray gate = scaled.mul(edgeMask);
             NDArray trans = coordDiff.mul(gate)) {
            agg = trans.sum(new int[] {2});
        }
        try (NDArray moved = x.add(agg)) {
            agg.close();
            return moved.mul(nodeMask);
        }
    }

    /** Matmul FLOPs (factorised first layer). */
    public long factorisedFlops(long batch, long nodes) {
        return edgeInput.factorisedFlops(batch, nodes) + restFlops(batch, nodes);
    }

    /** Matmul FLOPs (unfactorised first layer). */
    public long unfactorisedFlops(long batch, long nodes) {
        return edgeInput.unfactorisedFlops(batch, nodes) + restFlops(batch, nodes);
    }

    private long restFlops(long batch, long nodes) {
        long pairs = batch * nodes * PairLayout.slots(nodes);
        return 2 * pairs * hidden * hidden + 2 * pairs * hidden;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), inputs.get(4),
                inputs.get(5), training, true));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        coordMlp.initialize(manager, dataType, new Shape(1, 2 * hidden + edgeFeatures));
    }
}
