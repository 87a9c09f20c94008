package org.gaudi.core.predictor;

import org.gaudi.core.nn.Activations;
import org.gaudi.core.nn.LinearLayer;
import org.gaudi.core.nn.PairLayout;
import org.gaudi.core.nn.PairLinear;

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
 * One E(n)-equivariant graph convolution layer of the property predictor (GaUDI §6.1, reference {@code E_GCL}),
 * on dense padded tensors.
 *
 * <p>Inputs {@code (h (B,N,H), x (B,N,3), a (B,N,N,A), nodeMask (B,N,1), edgeMask (B,N,N,1))}, where {@code a} holds
 * the fixed edge attributes: the squared distance of the network's input coordinates (A = 1, the reference), then
 * optionally a {@link DistanceBasis} of it; outputs {@code (h', x')}, both masked:
 * <ol>
 * <li>r_ij = ‖x_i − x_j‖², n_ij = (x_i − x_j)/(√(r_ij + 1e-8) + 1);</li>
 * <li>m_ij = SiLU(L(SiLU(L([h_i, h_j, r_ij, a_ij…])))), then m_ij ← m_ij·sigmoid(L(m_ij))·edgeMask_ij;</li>
 * <li>x_i ← x_i + coordStep·Σ_j n_ij·tanh(L_nobias(SiLU(L(m_ij))))·edgeMask_ij (before h, from the same m);</li>
 * <li>h_i ← h_i + L(SiLU(L([h_i, Σ_j m_ij]))).</li>
 * </ol>
 * The first edge layer is evaluated factorised ({@link PairLinear}): A·h_i + B·h_j + C·[r_ij, a_ij] + b with
 * [A|B|C] its weight, so the 2H-wide products are done once per node rather than once per pair (about 2× fewer
 * FLOPs per edge, GaUDI §11.2); {@link #setFactorised(boolean) setFactorised(false)} selects the literal
 * concatenation, kept as the reference. Child names follow the reference state-dict keys
 * ({@code gcl_l.edge_mlp.0}, ...).
 */
final class EquivariantGcl extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hidden;
    /** Edge attributes of the first edge layer: the current squared distance plus the fixed attributes. */
    private final int edgeFeatures;
    private final double coordStep;
    private final LinearLayer edge0;
    private final PairLinear edgeInput;
    private final LinearLayer edge2;
    private final LinearLayer att;
    private final LinearLayer coord0;
    private final LinearLayer coord2;
    private final LinearLayer node0;
    private final LinearLayer node2;
    private volatile boolean factorised = true;
    /** False for the last layer: the predictor reads only h after it, so its coordinate update is skipped. */
    private final boolean movesCoordinates;

    /**
     * @param hidden    H, the node and message width
     * @param coordStep the coordinate step factor, coords_range / n_layers in the predictor (4/12)
     */
    EquivariantGcl(int hidden, double coordStep) {
        this(hidden, coordStep, 1);
    }

    /**
     * @param hidden              H, the node and message width
     * @param coordStep           the coordinate step factor
     * @param fixedEdgeAttributes width of the fixed edge attribute input {@code a}: 1 (the reference: the input
     *                            squared distance) or more (plus a distance basis)
     */
    EquivariantGcl(int hidden, double coordStep, int fixedEdgeAttributes) {
        this(hidden, coordStep, fixedEdgeAttributes, true);
    }

    /**
     * @param movesCoordinates whether x' is computed; false when nothing reads it (the last layer), which skips the
     *                         coordinate MLP (about a sixth of the layer's matmul work). x' is then x, and the
     *                         coord_mlp parameters stay (loaded, saved, never used), as in the reference, where
     *                         they receive no gradient either.
     */
    EquivariantGcl(int hidden, double coordStep, int fixedEdgeAttributes, boolean movesCoordinates) {
        super(VERSION);
        this.movesCoordinates = movesCoordinates;
        this.hidden = hidden;
        this.coordStep = coordStep;
        this.edgeFeatures = 1 + fixedEdgeAttributes;
        edge0 = addChildBlock("edge_mlp.0", new LinearLayer(2 * hidden + edgeFeatures, hidden));
        edgeInput = new PairLinear(edge0, hidden, edgeFeatures);
        edge2 = addChildBlock("edge_mlp.2", new LinearLayer(hidden, hidden));
        node0 = addChildBlock("node_mlp.0", new LinearLayer(2 * hidden, hidden));
        node2 = addChildBlock("node_mlp.2", new LinearLayer(hidden, hidden));
        coord0 = addChildBlock("coord_mlp.0", new LinearLayer(hidden, hidden));
        coord2 = addChildBlock("coord_mlp.2", LinearLayer.xavier(hidden, 1, false, 0.001));
        att = addChildBlock("att_mlp.0", new LinearLayer(hidden, 1));
    }

    void setFactorised(boolean factorised) {
        this.factorised = factorised;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray x = inputs.get(1);
        NDArray a = inputs.get(2);
        NDArray nodeMask = inputs.get(3);
        NDArray edgeMask = inputs.get(4);

        NDArray diff = PairLayout.differences(x, edgeMask); // (B,N,S,3): x_i - x_j, S = N - 1 pairs per node
        NDArray r = diff.square().sum(new int[] {3}, true); // (B,N,S,1)

        NDArray e = r.concat(a, -1); // (B,N,N,1+fixed)
        NDArray pre = factorised ? edgeInput.apply(ps, h, e, training)
                : edgeInput.applyUnfactorised(ps, h, e, training);
        NDArray m = Activations.silu(edge2.apply(ps, Activations.silu(pre), training));
        // gate and edge mask meet on the (B,N,N,1) tensor first: one pass over the wide messages, not two
        // (identical values: the mask is 0 or 1)
        m = m.mul(Activation.sigmoid(att.apply(ps, m, training)).mul(edgeMask));

        NDArray xOut = x;
        if (movesCoordinates) {
            // constants as tensors, never x.op(Number): see Constants
            NDArray norm = r.add(Constants.of(r, 1e-8)).sqrt().add(Constants.of(r, 1));
            NDArray unit = diff.div(norm);
            NDArray c = coord2.apply(ps, Activations.silu(coord0.apply(ps, m, training)), training).tanh(); // (B,N,N,1)
            NDArray shift = unit.mul(c.mul(edgeMask)).sum(new int[] {2}).mul(Constants.of(x, coordStep));
            xOut = x.add(shift);
        }

        NDArray agg = m.sum(new int[] {2}); // (B,N,H)
        NDArray hOut = h.add(node2.apply(ps, Activations.silu(node0.apply(ps, h.concat(agg, -1), training)),
                training));
        return new NDList(hOut.mul(nodeMask), xOut.mul(nodeMask));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hs = inputShapes[0];
        long b = hs.get(0);
        long n = hs.get(1);
        edge0.initialize(manager, dataType, new Shape(b, n, n, 2L * hidden + edgeFeatures));
        edge2.initialize(manager, dataType, new Shape(b, n, n, hidden));
        att.initialize(manager, dataType, new Shape(b, n, n, hidden));
        coord0.initialize(manager, dataType, new Shape(b, n, n, hidden));
        coord2.initialize(manager, dataType, new Shape(b, n, n, hidden));
        node0.initialize(manager, dataType, new Shape(b, n, 2L * hidden));
        node2.initialize(manager, dataType, new Shape(b, n, hidden));
    }

    /** Matmul FLOPs of one forward pass for B graphs of N nodes (2 per multiply-add). */
    long forwardFlops(long batch, long nodes) {
        long pairs = batch * nodes * PairLayout.slots(nodes);
        long h = hidden;
        long first = factorised ? edgeInput.factorisedFlops(batch, nodes) : edgeInput.unfactorisedFlops(batch, nodes);
        long coordinateMlp = movesCoordinates ? h * h + h : 0;
        return first + 2 * pairs * (h * h + h + coordinateMlp) + 2 * batch * nodes * (2 * h * h + h * h);
    }
}
