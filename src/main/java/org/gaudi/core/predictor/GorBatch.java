package org.gaudi.core.predictor;

import java.util.List;

import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Graphs of rings as padded tensors in the EDM's normalised state space (GaUDI §3.3, §5.1): x centred over the real
 * nodes and divided by 3, one-hot types divided by 4, node and edge masks. Without orientation nodes (vocabulary
 * lacking ".") node i is ring i; with them, ring i sits at slot i and its orientation node at slot nRings + i, linked
 * only to ring i. Graphs are padded to the batch's largest ring count (exact, since the predictor averages over real
 * nodes only).
 */
final class GorBatch {
    static final double X_SCALE = 3.0;
    static final double H_SCALE = 4.0;

    final NDArray xh;
    final NDArray nodeMask;
    final NDArray edgeMask;
    final int nodeSlots;
    /** The node mask as a Java array (B·N), for building masked noise on the Java side. */
    final float[] nodeMaskValues;

    private GorBatch(NDArray xh, NDArray nodeMask, NDArray edgeMask, int nodeSlots, float[] nodeMaskValues) {
        this.xh = xh;
        this.nodeMask = nodeMask;
        this.edgeMask = edgeMask;
        this.nodeSlots = nodeSlots;
        this.nodeMaskValues = nodeMaskValues;
    }

    int batchSize() {
        return nodeMaskValues.length / nodeSlots;
    }

    static GorBatch of(NDManager m, List<GraphOfRings> gors, List<String> vocabulary) {
        if (gors.isEmpty()) {
            throw new IllegalArgumentException("empty batch of graphs of rings");
        }
        int orientIdx = vocabulary.indexOf(RingType.ORIENTATION.key());
        boolean orient = orientIdx >= 0;
        int maxRings = 0;
        for (GraphOfRings g : gors) {
            maxRings = Math.max(maxRings, g.ringCount());
        }
        int b = gors.size();
        int n = orient ? 2 * maxRings : maxRings;
        int f = vocabulary.size();
        int c = 3 + f;
        float[] xh = new float[b * n * c];
        float[] nm = new float[b * n];
        float[] em = new float[b * n * n];
        for (int s = 0; s < b; s++) {
            GraphOfRings g = gors.get(s);
            int rings = g.ringCount();
            if (orient != g.hasOrientationNodes()) {
                throw new IllegalArgumentException("graph " + s + " of the batch " + (orient ? "lacks" : "has")
                        + " orientation nodes, but the predictor's vocabulary " + vocabulary
                        + (orient ? " expects them" : " has no '.' entry for them"));
            }
            double[][] pos = new double[orient ? 2 * rings : rings][];
            int[] slot = new int[pos.length];
            int[] feature = new int[pos.length];
            double[][] centroids = g.centroids();
            double[][] orientation = orient ? g.orientationNodes() : null;
            for (int i = 0; i < rings; i++) {
                String key = g.type(i).key();
                int idx = vocabulary.indexOf(key);
                if (idx < 0 || idx == orientIdx) {
                    throw new IllegalArgumentException("graph " + s + ", ring " + i + ": ring type " + key
                            + " is not in the predictor's feature vocabulary " + vocabulary);
                }
                pos[i] = centroids[i];
                slot[i] = i;
                feature[i] = idx;
                if (orient) {
                    if (orientation[i] == null) {
                        throw new IllegalArgumentException("graph " + s + ", ring " + i + " has no orientation node");
                    }
                    pos[rings + i] = orientation[i];
                    slot[rings + i] = maxRings + i;
                    feature[rings + i] = orientIdx;
                }
            }
            double[] com = new double[3];
            for (double[] p : pos) {
                for (int k = 0; k < 3; k++) {
                    com[k] += p[k] / pos.length;
                }
            }
            for (int v = 0; v < pos.length; v++) {
                int base = (s * n + slot[v]) * c;
                for (int k = 0; k < 3; k++) {
                    xh[base + k] = (float) ((pos[v][k] - com[k]) / X_SCALE);
                }
                xh[base + 3 + feature[v]] = (float) (1.0 / H_SCALE);
                nm[s * n + slot[v]] = 1f;
            }
            for (int i = 0; i < rings; i++) {
                for (int j = 0; j < rings; j++) {
                    if (i != j) {
                        em[(s * n + i) * n + j] = 1f;
                    }
                }
                if (orient) {
                    int o = maxRings + i;
                    em[(s * n + i) * n + o] = 1f;
                    em[(s * n + o) * n + i] = 1f;
                }
            }
        }
        return new GorBatch(m.create(xh, new Shape(b, n, c)), m.create(nm, new Shape(b, n, 1)),
                m.create(em, new Shape(b, n, n, 1)), n, nm);
    }
}
