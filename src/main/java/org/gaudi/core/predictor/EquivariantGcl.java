package org.gaudi.core.predictor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One E(n)-equivariant graph convolution layer of the property predictor (GaUDI §6.1, reference {@code E_GCL}),
 * on dense padded tensors.
 *
 * <p>Inputs {@code (h (B,N,H), x (B,N,3), a (B,N,N,1), nodeMask (B,N,1), edgeMask (B,N,N,1))}, where {@code a} is
 * the squared distance of the network's input coordinates; outputs {@code (h', x')}, both masked:
 * <ol>
 * <li>r_ij = ‖x_i − x_j‖², n_ij = (x_i − x_j)/(√(r_ij + 1e-8) + 1);</li>
 * <li>m_ij = SiLU(L(SiLU(L([h_i, h_j, r_ij, a_ij])))), then m_ij ← m_ij·sigmoid(L(m_ij))·edgeMask_ij;</li>
 * <li>x_i ← x_i + coordStep·Σ_j n_ij·tanh(L_nobias(SiLU(L(m_ij))))·edgeMask_ij (before h, from the same m);</li>
 * <li>h_i ← h_i + L(SiLU(L([h_i, Σ_j m_ij]))).</li>
 * </ol>
 * The first edge layer is evaluated factorised, A·h_i + B·h_j + C·[r_ij, a_ij] + b with [A|B|C] its weight, so
 * the 2H-wide products are done once per node rather than once per pair (about 2× fewer FLOPs, GaUDI §11.2);
 * {@link #setFactorised(boolean) setFactorised(false)} selects the literal concatenation, kept as a reference.
 */
final class EquivariantGcl extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final float coordStep;
    private final Linear edge0;
    private final Linear edge2;
    private final Linear att;
    private final Linear coord0;
    private final Linear coord2;
    private final Linear node0;
    private final Linear node2;
    private boolean factorised = true;

    /**
     * @param hidden    H, the node and message width
     * @param coordStep the coordinate step factor, coords_range / n_layers in the predictor (4/12)
     */
    EquivariantGcl(int hidden, double coordStep) {
        super(VERSION);
        this.hidden = hidden;
        this.coordStep = (float) coordStep;
        // Child names follow the reference state-dict keys (gcl_l.edge_mlp.0, ...).
        edge0 = addChildBlock("edge_mlp.0", TorchInit.linear(2 * hidden + 2, hidden, true));
        edge2 = addChildBlock("edge_mlp.2", TorchInit.linear(hidden, hidden, true));
        node0 = addChildBlock("node_mlp.0", TorchInit.linear(2 * hidden, hidden, true));
        node2 = addChildBlock("node_mlp.2", TorchInit.linear(hidden, hidden, true));
        coord0 = addChildBlock("coord_mlp.0", TorchInit.linear(hidden, hidden, true));
        coord2 = addChildBlock("coord_mlp.2", TorchInit.xavierNoBias(hidden, 1, 0.001));
        att = addChildBlock("att_mlp.0", TorchInit.linear(hidden, 1, true));
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

        NDArray diff = x.expandDims(2).sub(x.expandDims(1)); // (B,N,N,3): x_i - x_j
        NDArray r = diff.square().sum(new int[] {3}, true); // (B,N,N,1)
        // constants as tensors, never x.op(Number): see PairTensors.constant
        NDArray unit = diff.div(r.add(PairTensors.constant(r, 1e-8)).sqrt().add(PairTensors.constant(r, 1)));

        NDArray m = silu(factorised ? edgeInputFactorised(ps, h, r, a, training)
                : apply(edge0, ps, edgeInputConcat(h, r, a), training));
        m = silu(apply(edge2, ps, m, training));
        m = m.mul(Activation.sigmoid(apply(att, ps, m, training))).mul(edgeMask);

        NDArray c = apply(coord2, ps, silu(apply(coord0, ps, m, training)), training).tanh(); // (B,N,N,1)
        NDArray xOut = x.add(unit.mul(c.mul(edgeMask)).sum(new int[] {2}).mul(PairTensors.constant(x, coordStep)));

        NDArray agg = m.sum(new int[] {2}); // (B,N,H)
        NDArray hOut = h.add(apply(node2, ps, silu(apply(node0, ps, h.concat(agg, -1), training)), training));
        return new NDList(hOut.mul(nodeMask), xOut.mul(nodeMask));
    }

    /** Pre-activation of the first edge layer, W·[h_i, h_j, r, a] + b, computed per node then broadcast. */
    private NDArray edgeInputFactorised(ParameterStore ps, NDArray h, NDArray r, NDArray a, boolean training) {
        NDArray w = ps.getValue(edge0.getParameters().get("weight"), h.getDevice(), training); // (H, 2H+2)
        NDArray b = ps.getValue(edge0.getParameters().get("bias"), h.getDevice(), training);
        int hh = hidden;
        // Slices go to the step's manager, not the parameters' one, so they are freed with the step.
        NDManager step = h.getManager();
        NDArray wi = w.get(step, new NDIndex(":, 0:" + hh));
        NDArray wj = w.get(step, new NDIndex(":, " + hh + ":" + 2 * hh));
        NDArray we = w.get(step, new NDIndex(":, " + 2 * hh + ":"));
        NDArray hi = Linear.linear(h, wi, b).singletonOrThrow(); // (B,N,H), bias added once per node
        NDArray hj = Linear.linear(h, wj).singletonOrThrow();
        NDArray e = Linear.linear(r.concat(a, -1), we).singletonOrThrow(); // (B,N,N,H)
        return e.add(hi.expandDims(2)).add(hj.expandDims(1));
    }

    /** The literal input [h_i, h_j, r_ij, a_ij] of shape (B,N,N,2H+2) (reference path). */
    private NDArray edgeInputConcat(NDArray h, NDArray r, NDArray a) {
        Shape s = h.getShape();
        Shape pair = new Shape(s.get(0), s.get(1), s.get(1), s.get(2));
        NDArray hi = h.expandDims(2).broadcast(pair);
        NDArray hj = h.expandDims(1).broadcast(pair);
        return PairTensors.concatLast(hi, hj, r, a);
    }

    static NDArray silu(NDArray v) {
        return v.mul(Activation.sigmoid(v));
    }

    private static NDArray apply(Linear l, ParameterStore ps, NDArray in, boolean training) {
        return l.forward(ps, new NDList(in), training).singletonOrThrow();
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
        edge0.initialize(manager, dataType, new Shape(b, n, n, 2L * hidden + 2));
        edge2.initialize(manager, dataType, new Shape(b, n, n, hidden));
        att.initialize(manager, dataType, new Shape(b, n, n, hidden));
        coord0.initialize(manager, dataType, new Shape(b, n, n, hidden));
        coord2.initialize(manager, dataType, new Shape(b, n, n, hidden));
        node0.initialize(manager, dataType, new Shape(b, n, 2L * hidden));
        node2.initialize(manager, dataType, new Shape(b, n, hidden));
    }
}
