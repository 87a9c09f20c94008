package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gaudi.core.djl.Djl;

/**
 * One EDM equivariant block ({@code egnn_new.EquivariantBlock}, one invariant sub-layer): from the current x,
 * r_ij = ‖x_i − x_j‖², n_ij = (x_i − x_j)/(√(r_ij + 1e-8) + 1), edge attributes e_ij = [r_ij, d0_ij]; then the
 * {@link GclLayer} updates h and the {@link EquivariantUpdate} moves x (using the updated h).
 */
public final class EquivariantBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Edge attributes per pair: current squared distance and initial squared distance. */
    public static final int EDGE_FEATURES = 2;

    private final int hidden;
    private final GclLayer gcl;
    private final EquivariantUpdate update;

    public EquivariantBlock(int hidden) {
        super(VERSION);
        this.hidden = hidden;
        gcl = addChildBlock("gcl_0", new GclLayer(hidden, EDGE_FEATURES));
        update = addChildBlock("gcl_equiv", new EquivariantUpdate(hidden, EDGE_FEATURES, EgnnDynamics.COORDS_RANGE));
    }

    public GclLayer gcl() {
        return gcl;
    }

    public EquivariantUpdate update() {
        return update;
    }

    /**
     * @param h  (B, N, H)
     * @param x  (B, N, 3)
     * @param d0       initial squared distances (B, N, S, 1), S pairs per node ({@link PairLayout})
     * @param edgeMask (B, N, S, 1) in the same layout
     * @return [h', x']; the inputs are not closed
     */
    public NDList apply(ParameterStore ps, NDArray h, NDArray x, NDArray d0, NDArray nodeMask, NDArray edgeMask,
            boolean training, boolean factorised) {
        NDArray hNew;
        NDArray xNew;
        try (NDArray diff = PairLayout.differences(x, edgeMask);
             NDArray sq = diff.square();
             NDArray r = sq.sum(new int[] {3}, true);
             NDArray tiny = Djl.scalarLike(r, 1e-8f);
             NDArray rEps = r.add(tiny);
             NDArray norm = rEps.sqrt();
             NDArray one = Djl.scalarLike(norm, EgnnDynamics.NORM_CONSTANT);
             NDArray denom = norm.add(one);
             NDArray coordDiff = diff.div(denom);
             NDArray e = r.concat(d0, 3)) {
            hNew = gcl.apply(ps, h, e, nodeMask, edgeMask, training, factorised);
            xNew = update.apply(ps, hNew, x, coordDiff, e, nodeMask, edgeMask, training, factorised);
        }
        return new NDList(hNew, xNew);
    }

    public long factorisedFlops(long batch, long nodes) {
        return gcl.factorisedFlops(batch, nodes) + update.factorisedFlops(batch, nodes);
    }

    public long unfactorisedFlops(long batch, long nodes) {
        return gcl.unfactorisedFlops(batch, nodes) + update.unfactorisedFlops(batch, nodes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return apply(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), inputs.get(4), training, true);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        gcl.initialize(manager, dataType, new Shape(1, 1, hidden));
        update.initialize(manager, dataType, new Shape(1, 1, hidden));
    }
}
