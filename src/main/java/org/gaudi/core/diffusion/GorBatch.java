package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.gaudi.core.djl.Djl;

/**
 * A batch of graphs of rings as dense padded host arrays in normalised units (x/3, one-hot/4), row-major:
 * x (B, N, 3), h (B, N, F), node mask (B, N, 1), edge mask (B, N, N, 1). Built by {@link GorFeaturizer}.
 * {@link #toNDList} turns it into DJL tensors: z = [x | h] (B, N, 3+F), node mask and edge mask (engine-owned
 * copies, see {@link Djl#owned}).
 */
public final class GorBatch {
    private final int batchSize;
    private final int nodes;
    private final int features;
    private final float[] x;
    private final float[] h;
    private final float[] nodeMask;
    private final float[] edgeMask;
    private final int[] ringCounts;

    GorBatch(int batchSize, int nodes, int features, float[] x, float[] h, float[] nodeMask, float[] edgeMask,
            int[] ringCounts) {
        this.batchSize = batchSize;
        this.nodes = nodes;
        this.features = features;
        this.x = x;
        this.h = h;
        this.nodeMask = nodeMask;
        this.edgeMask = edgeMask;
        this.ringCounts = ringCounts;
    }

    /** B. */
    public int batchSize() {
        return batchSize;
    }

    /** N (padded node count). */
    public int nodes() {
        return nodes;
    }

    /** F (one-hot width, no time channel). */
    public int features() {
        return features;
    }

    /** Rings per sample. */
    public int[] ringCounts() {
        return ringCounts.clone();
    }

    /** x (B·N·3), normalised and centred over real nodes. */
    public float[] x() {
        return x.clone();
    }

    /** h (B·N·F) = one-hot / 4, zero on padded nodes. */
    public float[] h() {
        return h.clone();
    }

    /** Node mask (B·N). */
    public float[] nodeMask() {
        return nodeMask.clone();
    }

    /** Edge mask (B·N·N). */
    public float[] edgeMask() {
        return edgeMask.clone();
    }

    /** Real nodes of sample b (rings, plus orientation nodes in the hetero layout). */
    public int realNodes(int b) {
        int n = 0;
        for (int i = 0; i < nodes; i++) {
            n += nodeMask[b * nodes + i] > 0.5f ? 1 : 0;
        }
        return n;
    }

    /** z = [x | h] as a (B, N, 3+F) tensor. */
    public NDArray z(NDManager manager) {
        int d = 3 + features;
        float[] z = new float[batchSize * nodes * d];
        for (int k = 0; k < batchSize * nodes; k++) {
            System.arraycopy(x, k * 3, z, k * d, 3);
            System.arraycopy(h, k * features, z, k * d + 3, features);
        }
        return Djl.owned(manager, z, new Shape(batchSize, nodes, d));
    }

    /** Node mask as (B, N, 1). */
    public NDArray nodeMask(NDManager manager) {
        return Djl.owned(manager, nodeMask, new Shape(batchSize, nodes, 1));
    }

    /** Edge mask as (B, N, N, 1). */
    public NDArray edgeMask(NDManager manager) {
        return Djl.owned(manager, edgeMask, new Shape(batchSize, nodes, nodes, 1));
    }

    /** [z, node mask, edge mask] in {@code manager}. */
    public NDList toNDList(NDManager manager) {
        return new NDList(z(manager), nodeMask(manager), edgeMask(manager));
    }

    /** The samples at {@code indices} (in that order) as a new batch with the same padding. */
    public GorBatch select(int[] indices) {
        int b2 = indices.length;
        float[] x2 = new float[b2 * nodes * 3];
        float[] h2 = new float[b2 * nodes * features];
        float[] nm2 = new float[b2 * nodes];
        float[] em2 = new float[b2 * nodes * nodes];
        int[] rc2 = new int[b2];
        for (int k = 0; k < b2; k++) {
            int b = indices[k];
            if (b < 0 || b >= batchSize) {
                throw new IndexOutOfBoundsException("sample " + b + " not in batch of " + batchSize);
            }
            System.arraycopy(x, b * nodes * 3, x2, k * nodes * 3, nodes * 3);
            System.arraycopy(h, b * nodes * features, h2, k * nodes * features, nodes * features);
            System.arraycopy(nodeMask, b * nodes, nm2, k * nodes, nodes);
            System.arraycopy(edgeMask, b * nodes * nodes, em2, k * nodes * nodes, nodes * nodes);
            rc2[k] = ringCounts[b];
        }
        return new GorBatch(b2, nodes, features, x2, h2, nm2, em2, rc2);
    }
}
