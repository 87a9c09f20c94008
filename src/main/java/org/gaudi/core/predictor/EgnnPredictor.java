package org.gaudi.core.predictor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gaudi.core.nn.LinearLayer;
import org.gaudi.core.nn.MaskedOps;
import org.gaudi.core.nn.PairLayout;
import org.gaudi.core.nn.SeededInit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The time-conditioned E(3)-invariant property regressor of GaUDI (§6.1, reference {@code EGNN_predictor}), as a DJL
 * block on dense padded tensors.
 *
 * <p>Inputs, as an {@link NDList} in the order of the EDM's network: {@code z (B,N,3+F)} in the EDM's normalised
 * space (x/3, one-hot/4; noised or clean), {@code t (B,1)} in [0, 1] (a single value is broadcast over the batch),
 * {@code nodeMask (B,N,1)} and {@code edgeMask (B,N,N,1)}. Output: {@code (B, targets)}, the z-scored property
 * predictions.
 *
 * <p>Structure: x = z[..., :3]·mask, h = [z[..., 3:]·mask, t]; the squared distances of the input x are a fixed
 * edge attribute (optionally with a Gaussian {@link DistanceBasis} of the input distances, a documented departure
 * from the reference, {@link PredictorConfig#distanceBasis()}); h ← Linear(F+1 → H)(h); then {@code layers}
 * {@link EquivariantGcl} layers with coordinate step coordsRange/layers; then Linear(H → targets) per node, masked,
 * averaged over the graph's real nodes.
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
    private final LinearLayer embedding;
    private final List<EquivariantGcl> layers;
    private final LinearLayer embeddingOut;

    public EgnnPredictor(PredictorConfig config) {
        super(VERSION);
        this.config = config;
        int h = config.hidden();
        embedding = addChildBlock("embedding", new LinearLayer(config.featureDim() + 1, h));
        List<EquivariantGcl> ls = new ArrayList<>();
        double step = config.coordsRange() / config.layers();
        for (int l = 0; l < config.layers(); l++) {
            boolean readsCoordinates = l + 1 < config.layers(); // the output reads h only
            ls.add(addChildBlock("gcl_" + l, new EquivariantGcl(h, step, config.fixedEdgeAttributes(),
                    readsCoordinates)));
        }
        layers = Collections.unmodifiableList(ls);
        embeddingOut = addChildBlock("embedding_out", new LinearLayer(h, config.targets()));
    }

    public PredictorConfig config() {
        return config;
    }

    /**
     * Seeded PyTorch-default initialisation (U(±1/√fan_in); Xavier gain 0.001 for the coordinate heads) of all
     * parameters in {@code dataType}; the values depend only on the seed.
     */
    public void initializeParameters(NDManager manager, DataType dataType, long seed) {
        SeededInit.apply(this, seed);
        initialize(manager, dataType, inputShapes(1, 1));
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

    /** Convenience forward: z-scored predictions (B, targets). */
    public NDArray predict(ParameterStore ps, NDArray z, NDArray t, NDArray nodeMask, NDArray edgeMask,
            boolean training) {
        return forward(ps, new NDList(z, t, nodeMask, edgeMask), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException("EgnnPredictor expects [z, t, node_mask, edge_mask], got "
                    + inputs.size() + " inputs");
        }
        NDArray z = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray nodeMask = inputs.get(2);
        NDArray edgeMask = inputs.get(3);
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
        NDArray x = z.get(new NDIndex(":, :, 0:3")).mul(nodeMask);
        NDArray h = z.get(new NDIndex(":, :, 3:")).mul(nodeMask);
        NDArray time = t.reshape(-1, 1, 1).broadcast(new Shape(b, n, 1)).toType(z.getDataType(), false);
        h = h.concat(time, -1);
        // pair tensors hold the pairs i != j only (PairLayout): converted once here, used by every layer
        NDArray a = PairLayout.select(MaskedOps.squaredDistances(x));
        NDArray pairMask = PairLayout.select(edgeMask);
        if (config.distanceBasis() > 0) {
            a = a.concat(DistanceBasis.expand(a, config.distanceBasis(), config.distanceCutoff()), -1);
        }

        h = embedding.apply(ps, h, training);
        for (EquivariantGcl layer : layers) {
            NDList out = layer.forward(ps, new NDList(h, x, a, nodeMask, pairMask), training);
            h = out.get(0);
            x = out.get(1);
        }
        NDArray perNode = embeddingOut.apply(ps, h, training).mul(nodeMask);
        // real-node mean; the floor of 1 guards an all-padding sample (its output is then 0)
        NDArray realNodes = nodeMask.sum(new int[] {1}).maximum(Constants.of(nodeMask, 1));
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
            layer.initialize(manager, dataType, new Shape(b, n, h), new Shape(b, n, 3),
                    new Shape(b, n, n, config.fixedEdgeAttributes()),
                    new Shape(b, n, 1), new Shape(b, n, n, 1));
        }
        embeddingOut.initialize(manager, dataType, new Shape(b, n, h));
    }

    /** Number of trainable parameters (from the declared shapes). */
    public long parameterCount() {
        return SeededInit.parameterCount(this);
    }

    /** Shapes for {@link #initialize}, one per input, for a batch of b graphs with n node slots. */
    public Shape[] inputShapes(long b, long n) {
        return new Shape[] {new Shape(b, n, 3 + config.featureDim()), new Shape(b, 1), new Shape(b, n, 1),
                new Shape(b, n, n, 1)};
    }

    /**
     * Matmul FLOPs of one forward pass (2 per multiply-add) for B graphs of N padded nodes; a backward pass costs
     * about twice as much.
     */
    public long forwardFlops(long batch, long nodes) {
        long h = config.hidden();
        long flops = 2L * batch * nodes * (config.featureDim() + 1) * h + 2L * batch * nodes * h * config.targets();
        for (EquivariantGcl l : layers) {
            flops += l.forwardFlops(batch, nodes);
        }
        return flops;
    }
}
