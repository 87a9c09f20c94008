package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.train.GradMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EDM noise-prediction network φ (GaUDI §5.3; EDM's {@code EGNN_dynamics} with {@code egnn_new.EGNN}) on dense
 * padded tensors.
 *
 * <p>Inputs (an {@link NDList} in this order): z (B, N, 3+F) = [x | h] in normalised units, t (B, 1) normalised time
 * in [0, 1], node mask (B, N, 1), edge mask (B, N, N, 1). Output: ε̂ (B, N, 3+F) = [ε̂_x | ε̂_h] with ε̂_x centred over
 * the real nodes and zero on padded nodes.
 *
 * <p>Forward: z is masked; t is appended to h as one more channel; d0 = ‖x_i − x_j‖² once; h = embedding(h); then
 * {@code layers} {@link EquivariantBlock}s (GCL with attention, then the equivariant coordinate update
 * x_i += Σ_j n_ij·tanh(c_ij)·4·mask_ij); h_out = embedding_out(h)·mask; ε̂_x = (x_final − x_in)·mask, set to zero
 * with a warning if it holds NaN, then centred; ε̂_h = h_out without its time channel.
 *
 * <p>Fixed hyper-parameters of the reference: attention on, tanh on, coords_range 4, norm_constant 1, one invariant
 * sub-layer, sum aggregation (normalization_factor 1), no sinusoidal embedding.
 */
public final class EgnnDynamics extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(EgnnDynamics.class);

    /** Coordinate update range (tanh·4). */
    public static final float COORDS_RANGE = 4f;
    /** n_ij = (x_i − x_j)/(√(r_ij + 1e-8) + norm_constant). */
    public static final float NORM_CONSTANT = 1f;

    private final int features;
    private final int hidden;
    private final LinearLayer embedding;
    private final List<EquivariantBlock> blocks = new ArrayList<>();
    private final LinearLayer embeddingOut;
    private boolean factorised = true;
    private final AtomicLong nanResets = new AtomicLong();

    /**
     * @param features F, the one-hot width without the time channel (1 for cata, 12 for hetero)
     * @param hidden   H (192 in GaUDI)
     * @param layers   number of equivariant blocks (9 in GaUDI)
     */
    public EgnnDynamics(int features, int hidden, int layers) {
        super(VERSION);
        if (features < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("features, hidden and layers must be >= 1, got " + features + ", "
                    + hidden + ", " + layers);
        }
        this.features = features;
        this.hidden = hidden;
        embedding = addChildBlock("embedding", new LinearLayer(features + 1, hidden));
        for (int b = 0; b < layers; b++) {
            blocks.add(addChildBlock("e_block_" + b, new EquivariantBlock(hidden)));
        }
        embeddingOut = addChildBlock("embedding_out", new LinearLayer(hidden, features + 1));
    }

    /** F. */
    public int features() {
        return features;
    }

    /** H. */
    public int hidden() {
        return hidden;
    }

    /** Number of equivariant blocks. */
    public int layers() {
        return blocks.size();
    }

    public List<EquivariantBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** Trainable parameter count from the declared shapes (no forward pass needed). */
    public long parameterCount() {
        return SeededInit.parameterCount(this);
    }

    /** Whether the first edge layers run factorised (default) or through the concatenation (reference path). */
    public boolean isFactorised() {
        return factorised;
    }

    /** Switches between the factorised and the unfactorised first edge layer (identical results; tests). */
    public void setFactorised(boolean factorised) {
        this.factorised = factorised;
    }

    /** How many forward passes had a NaN ε̂_x that was reset to zero (as the reference does, with a warning). */
    public long nanResets() {
        return nanResets.get();
    }

    /** Seeded PyTorch-default initialisation of all parameters on {@code manager}'s device. */
    public void initializeParameters(NDManager manager, long seed) {
        SeededInit.apply(this, seed);
        initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3 + features), new Shape(1, 1), new Shape(1, 1, 1),
                new Shape(1, 1, 1, 1));
    }

    /** Convenience forward: ε̂ for z, t, node mask and edge mask. */
    public NDArray predict(ParameterStore ps, NDArray z, NDArray t, NDArray nodeMask, NDArray edgeMask,
            boolean training) {
        return forward(ps, new NDList(z, t, nodeMask, edgeMask), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException("EgnnDynamics expects [z, t, node_mask, edge_mask], got "
                    + inputs.size() + " inputs");
        }
        NDArray z = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray nodeMask = inputs.get(2);
        NDArray edgeMask = inputs.get(3);
        Shape zs = z.getShape();
        if (zs.dimension() != 3 || zs.get(2) != 3 + features) {
            throw new IllegalArgumentException("z must be (B, N, " + (3 + features) + "), got " + zs);
        }
        long bs = zs.get(0);
        long[] bounds = training || GradMode.isEnabled() ? new long[] {0, bs} : BatchParallel.bounds(bs);
        NDArray hOutM;
        NDArray vel;
        if (bounds.length == 2) {
            NDList r = blocks(ps, z, t, nodeMask, edgeMask, training);
            hOutM = r.get(0);
            vel = r.get(1);
        } else {
            // inference only: the samples of a batch do not interact, so chunks run on their own threads
            NDManager home = z.getManager();
            List<NDList> parts = BatchParallel.run(bounds.length - 1, c -> {
                try (NDManager chunk = home.newSubManager()) {
                    NDList r = blocks(ps, BatchParallel.rows(z, bounds, c, chunk), BatchParallel.rows(t, bounds, c,
                            chunk), BatchParallel.rows(nodeMask, bounds, c, chunk),
                            BatchParallel.rows(edgeMask, bounds, c, chunk), training);
                    r.attach(home);
                    return r;
                }
            });
            NDList hs = new NDList();
            NDList vs = new NDList();
            for (NDList r : parts) {
                hs.add(r.get(0));
                vs.add(r.get(1));
            }
            hOutM = NDArrays.concat(hs, 0);
            vel = NDArrays.concat(vs, 0);
            hs.close();
            vs.close();
        }
        List<NDArray> temps = new ArrayList<>();
        temps.add(hOutM);
        temps.add(vel);
        try {
            if (!Djl.isFinite(vel)) {
                // reference: "Warning: detected nan, resetting EGNN output to zero."
                nanResets.incrementAndGet();
                LOG.warn("EGNN output contains NaN/Inf; resetting the coordinate prediction to zero");
                vel = keep(temps, vel.zerosLike());
            }
            NDArray velC = keep(temps, MaskedOps.centre(vel, nodeMask));
            NDArray epsH = keep(temps, hOutM.get(new NDIndex(":, :, 0:" + features)));
            return new NDList(NDArrays.concat(new NDList(velC, epsH), 2));
        } finally {
            for (NDArray a : temps) {
                a.close();
            }
        }
    }

    /** The network up to the outputs: [h_out·mask (B, N, F+1), (x_final − x_in)·mask (B, N, 3)]. */
    private NDList blocks(ParameterStore ps, NDArray z, NDArray t, NDArray nodeMask, NDArray edgeMask,
            boolean training) {
        long bs = z.getShape().get(0);
        long n = z.getShape().get(1);
        List<NDArray> temps = new ArrayList<>();
        try {
            NDArray zm = keep(temps, z.mul(nodeMask));
            NDArray x0 = keep(temps, zm.get(new NDIndex(":, :, 0:3")));
            NDArray hIn = keep(temps, zm.get(new NDIndex(":, :, 3:")));
            NDArray tCol = keep(temps, t.reshape(bs, 1, 1));
            NDArray tNodes = keep(temps, tCol.broadcast(bs, n, 1));
            NDArray hT = keep(temps, hIn.concat(tNodes, 2));
            // pair tensors hold the pairs i != j only (PairLayout): converted once here, used by every block
            NDArray em = keep(temps, PairLayout.select(edgeMask));
            NDArray d0 = keep(temps, PairLayout.select(keep(temps, MaskedOps.squaredDistances(x0))));
            NDArray h = embedding.apply(ps, hT, training);
            NDArray x = x0;
            for (EquivariantBlock block : blocks) {
                NDList out = block.apply(ps, h, x, d0, nodeMask, em, training, factorised);
                if (h != hT) {
                    h.close();
                }
                if (x != x0) {
                    x.close();
                }
                h = out.get(0);
                x = out.get(1);
            }
            NDArray hOut = keep(temps, embeddingOut.apply(ps, h, training));
            h.close();
            NDArray hOutM = hOut.mul(nodeMask);
            NDArray dx = keep(temps, x.sub(x0));
            x.close();
            return new NDList(hOutM, dx.mul(nodeMask));
        } finally {
            for (NDArray a : temps) {
                a.close();
            }
        }
    }

    private static NDArray keep(List<NDArray> temps, NDArray a) {
        temps.add(a);
        return a;
    }

    /**
     * Matmul FLOPs of one forward pass (2 per multiply-add, factorised first edge layers; element-wise work and
     * reductions not counted) for B graphs of N padded nodes.
     */
    public long forwardFlops(long batch, long nodes) {
        long f1 = features + 1;
        long flops = 2L * batch * nodes * f1 * hidden; // embedding
        for (EquivariantBlock b : blocks) {
            flops += factorised ? b.factorisedFlops(batch, nodes) : b.unfactorisedFlops(batch, nodes);
        }
        flops += 2L * batch * nodes * hidden * f1; // embedding_out
        return flops;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, features + 1));
        for (EquivariantBlock b : blocks) {
            b.initialize(manager, dataType, new Shape(1, 1, hidden));
        }
        embeddingOut.initialize(manager, dataType, new Shape(1, hidden));
    }

    @Override
    public String toString() {
        return "EgnnDynamics[F=" + features + ", H=" + hidden + ", blocks=" + blocks.size() + ", params="
                + parameterCount() + "]";
    }
}
