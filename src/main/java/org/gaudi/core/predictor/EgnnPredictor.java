package org.gaudi.core.predictor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The time-conditioned E(3)-invariant property regressor of GaUDI (§6.1, reference {@code EGNN_predictor}), as a DJL
 * block on dense padded tensors.
 *
 * <p>Inputs, as an {@link NDList}: {@code z (B,N,3+F)} in the EDM's normalised space (x/3, one-hot/4; noised or
 * clean), {@code nodeMask (B,N,1)}, {@code edgeMask (B,N,N,1)} and {@code t (B,1)} in [0, 1] (a single value is
 * broadcast over the batch). Output: {@code (B, targets)}, the z-scored property predictions.
 *
 * <p>Structure: x = z[..., :3]·mask, h = [z[..., 3:]·mask, t]; the squared distances of the input x are a fixed
 * edge attribute; h ← Linear(F+1 → H)(h); then {@code layers} {@link EquivariantGcl} layers with coordinate step
 * coordsRange/layers; then Linear(H → targets) per node, masked.
 *
 * <p><b>Deliberate fix over the reference:</b> the per-node outputs are averaged over the <em>real</em> nodes
 * (Σ over real nodes / number of real nodes). The reference divides by the padded node count N_pad, so its
 * predictions depend on the padding: trained at N_pad = 11 (cata) but queried during guided design at N_pad = n,
 * it is off by a factor 11/10 for n = 10 (GaUDI §6.1, §10.9). With the real-node mean, adding padded slots changes
 * nothing, and batches may be padded to their own largest graph.
 */
public final class EgnnPredictor extends AbstractBlock {
    private static final byte VERSION = 1;

    private final PredictorConfig config;
    private final Linear embedding;
    private final List<EquivariantGcl> layers;
    private final Linear embeddingOut;

    public EgnnPredictor(PredictorConfig config) {
        super(VERSION);
        this.config = config;
        int h = config.hidden();
        embedding = addChildBlock("embedding", TorchInit.linear(config.featureDim() + 1, h, true));
        List<EquivariantGcl> ls = new ArrayList<>();
        double step = config.coordsRange() / config.layers();
        for (int l = 0; l < config.layers(); l++) {
            ls.add(addChildBlock("gcl_" + l, new EquivariantGcl(h, step)));
        }
        layers = Collections.unmodifiableList(ls);
        embeddingOut = addChildBlock("embedding_out", TorchInit.linear(h, config.targets(), true));
    }

    public PredictorConfig config() {
        return config;
    }

    /**
     * Chooses the factorised first edge layer (default, faster) or the literal concatenation (reference path for
     * tests). Both compute the same function with the same parameters.
     */
    public void setFactorisedEdges(boolean factorised) {
        for (EquivariantGcl l : layers) {
            l.setFactorised(factorised);
        }
    }

    /** Builds the input list in the order {@link #forward} expects. */
    public static NDList inputs(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t) {
        return new NDList(z, nodeMask, edgeMask, t);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.get(0);
        NDArray nodeMask = inputs.get(1);
        NDArray edgeMask = inputs.get(2);
        NDArray t = inputs.get(3);
        Shape zs = z.getShape();
        if (zs.dimension() != 3 || zs.get(2) != 3 + config.featureDim()) {
            throw new IllegalArgumentException("predictor expects z of shape (B, N, " + (3 + config.featureDim())
                    + "), got " + zs);
        }
        long b = zs.get(0);
        long n = zs.get(1);
        if (t.size() != b && t.size() != 1) {
            throw new IllegalArgumentException("t must hold 1 or " + b + " values, got shape " + t.getShape());
        }
        NDArray x = z.get("..., 0:3").mul(nodeMask);
        NDArray h = z.get("..., 3:").mul(nodeMask);
        NDArray time = t.reshape(-1, 1, 1).broadcast(new Shape(b, n, 1)).toType(z.getDataType(), false);
        h = h.concat(time, -1);
        NDArray a = PairTensors.pairwiseSquaredDistances(x);

        h = embedding.forward(ps, new NDList(h), training).singletonOrThrow();
        for (EquivariantGcl layer : layers) {
            NDList out = layer.forward(ps, new NDList(h, x, a, nodeMask, edgeMask), training);
            h = out.get(0);
            x = out.get(1);
        }
        NDArray perNode = embeddingOut.forward(ps, new NDList(h), training).singletonOrThrow().mul(nodeMask);
        NDArray realNodes = nodeMask.sum(new int[] {1})
                .maximum(PairTensors.constant(nodeMask, 1)); // (B,1); guards an all-padding sample
        return new NDList(perNode.sum(new int[] {1}).div(realNodes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.targets())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape zs = inputShapes[0];
        long b = zs.get(0);
        long n = zs.get(1);
        long h = config.hidden();
        embedding.initialize(manager, dataType, new Shape(b, n, config.featureDim() + 1));
        for (EquivariantGcl layer : layers) {
            layer.initialize(manager, dataType, new Shape(b, n, h), new Shape(b, n, 3), new Shape(b, n, n, 1),
                    new Shape(b, n, 1), new Shape(b, n, n, 1));
        }
        embeddingOut.initialize(manager, dataType, new Shape(b, n, h));
    }

    /** Number of trainable parameters (after initialisation). */
    public long parameterCount() {
        long c = 0;
        for (var p : getParameters().values()) {
            c += p.getShape().size();
        }
        return c;
    }

    /** Shapes for {@link #initialize}: one per input, for a batch of b graphs with n node slots. */
    public Shape[] inputShapes(long b, long n) {
        return new Shape[] {new Shape(b, n, 3 + config.featureDim()), new Shape(b, n, 1), new Shape(b, n, n, 1),
                new Shape(b, 1)};
    }
}
