package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;

/**
 * Converts graphs of rings to the EDM's dense padded tensors and back (GaUDI §3.3, §5.1).
 *
 * <p>Encoding: positions in Å are centred over the sample's real nodes and divided by {@link #POSITION_SCALE} (3);
 * features are the one-hot ring type over the vocabulary divided by {@link #FEATURE_SCALE} (4); padded nodes are
 * zero. Cata ({@link #cata}): vocabulary [Bn], F = 1, N_pad = maxRings. Hetero ({@link #hetero}): the 11 ring types
 * plus the orientation marker, F = 12, N_pad = 2·maxRings, layout {@link NodeLayout#RINGS_WITH_ORIENTATION}.
 *
 * <p>Decoding: positions × 3 (Å), type = argmax over the feature channels of each real node.
 */
public final class GorFeaturizer {
    /** x_norm = x_Å / 3. */
    public static final double POSITION_SCALE = 3.0;
    /** h_norm = one_hot / 4. */
    public static final double FEATURE_SCALE = 4.0;

    private final List<RingType> vocabulary;
    private final Map<RingType, Integer> index = new EnumMap<>(RingType.class);
    private final int maxRings;
    private final NodeLayout layout;

    /**
     * @param vocabulary ring types in one-hot order (no duplicates); must contain {@link RingType#ORIENTATION} for
     *                   the orientation layout
     * @param maxRings   largest ring count a graph may have (N_pad = maxRings, or 2·maxRings with orientation nodes)
     */
    public GorFeaturizer(List<RingType> vocabulary, int maxRings, NodeLayout layout) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(layout, "layout");
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("the ring-type vocabulary is empty");
        }
        if (maxRings < 1) {
            throw new IllegalArgumentException("maxRings must be >= 1, got " + maxRings);
        }
        for (int i = 0; i < vocabulary.size(); i++) {
            if (index.put(Objects.requireNonNull(vocabulary.get(i), "vocabulary entry " + i), i) != null) {
                throw new IllegalArgumentException("ring type " + vocabulary.get(i) + " appears twice in the vocabulary");
            }
        }
        if (layout == NodeLayout.RINGS_WITH_ORIENTATION && !index.containsKey(RingType.ORIENTATION)) {
            throw new IllegalArgumentException("the orientation layout needs RingType.ORIENTATION in the vocabulary");
        }
        this.vocabulary = List.copyOf(vocabulary);
        this.maxRings = maxRings;
        this.layout = layout;
    }

    /** Cata-condensed benzenoids: vocabulary [Bn] (F = 1), rings only. */
    public static GorFeaturizer cata(int maxRings) {
        return new GorFeaturizer(List.of(RingType.Bn), maxRings, NodeLayout.RINGS);
    }

    /** Hetero systems: all {@link RingType} values in their one-hot order (F = 12), with orientation nodes. */
    public static GorFeaturizer hetero(int maxRings) {
        return new GorFeaturizer(Arrays.asList(RingType.values()), maxRings, NodeLayout.RINGS_WITH_ORIENTATION);
    }

    public List<RingType> vocabulary() {
        return vocabulary;
    }

    /** F: one-hot width. */
    public int featureCount() {
        return vocabulary.size();
    }

    public int maxRings() {
        return maxRings;
    }

    public NodeLayout layout() {
        return layout;
    }

    /** Padded node count for a given ring capacity (doubled with orientation nodes). */
    public int nodesFor(int rings) {
        return layout == NodeLayout.RINGS_WITH_ORIENTATION ? 2 * rings : rings;
    }

    /** N_pad for training batches. */
    public int paddedNodes() {
        return nodesFor(maxRings);
    }

    /** Encodes graphs with N_pad = {@link #paddedNodes()}. */
    public GorBatch encode(List<GraphOfRings> graphs) {
        return encode(graphs, maxRings);
    }

    /**
     * Encodes graphs with room for {@code ringCapacity} rings (≤ maxRings suffices only if every graph fits).
     *
     * @throws IllegalArgumentException naming the graph index for too many rings, an empty graph, a ring type
     *                                  outside the vocabulary or missing orientation nodes
     */
    public GorBatch encode(List<GraphOfRings> graphs, int ringCapacity) {
        Objects.requireNonNull(graphs, "graphs");
        int b = graphs.size();
        int[] counts = new int[b];
        for (int k = 0; k < b; k++) {
            GraphOfRings g = Objects.requireNonNull(graphs.get(k), "graph " + k);
            counts[k] = g.ringCount();
            validate(k, g, ringCapacity);
        }
        Builder builder = new Builder(counts, ringCapacity);
        int f = featureCount();
        for (int k = 0; k < b; k++) {
            GraphOfRings g = graphs.get(k);
            int n = g.ringCount();
            double[][] pos = new double[builder.nodes][];
            int[] type = new int[builder.nodes];
            for (int i = 0; i < n; i++) {
                pos[i] = g.centroid(i);
                type[i] = index.get(g.type(i));
            }
            if (layout == NodeLayout.RINGS_WITH_ORIENTATION) {
                double[][] orient = g.orientationNodes();
                for (int i = 0; i < n; i++) {
                    pos[ringCapacity + i] = orient[i];
                    type[ringCapacity + i] = index.get(RingType.ORIENTATION);
                }
            }
            // centre over real nodes
            double[] mean = new double[3];
            int real = 0;
            for (double[] p : pos) {
                if (p != null) {
                    for (int a = 0; a < 3; a++) {
                        mean[a] += p[a];
                    }
                    real++;
                }
            }
            for (int a = 0; a < 3; a++) {
                mean[a] /= real;
            }
            for (int i = 0; i < builder.nodes; i++) {
                if (pos[i] == null) {
                    continue;
                }
                int base = k * builder.nodes + i;
                for (int a = 0; a < 3; a++) {
                    builder.x[base * 3 + a] = (float) ((pos[i][a] - mean[a]) / POSITION_SCALE);
                }
                builder.h[base * f + type[i]] = (float) (1.0 / FEATURE_SCALE);
            }
        }
        return builder.build();
    }

    private void validate(int k, GraphOfRings g, int ringCapacity) {
        if (g.ringCount() < 1) {
            throw new IllegalArgumentException("graph " + k + " has no rings");
        }
        if (g.ringCount() > ringCapacity) {
            throw new IllegalArgumentException("graph " + k + " has " + g.ringCount() + " rings; at most "
                    + ringCapacity + " fit (max rings setting)");
        }
        for (int i = 0; i < g.ringCount(); i++) {
            RingType t = g.type(i);
            if (!index.containsKey(t) || t == RingType.ORIENTATION) {
                throw new IllegalArgumentException("graph " + k + ", ring " + i + ": type " + t.key()
                        + " is not in the ring-type vocabulary " + keys());
            }
        }
        if (layout == NodeLayout.RINGS_WITH_ORIENTATION) {
            double[][] o = g.orientationNodes();
            if (o == null) {
                throw new IllegalArgumentException("graph " + k + " has no orientation nodes; the hetero layout needs"
                        + " one per ring");
            }
            for (int i = 0; i < o.length; i++) {
                if (o[i] == null || o[i].length != 3) {
                    throw new IllegalArgumentException("graph " + k + ", ring " + i + ": orientation node missing");
                }
            }
        }
    }

    private List<String> keys() {
        List<String> out = new ArrayList<>();
        for (RingType t : vocabulary) {
            out.add(t.key());
        }
        return out;
    }

    /**
     * Masks (and zero x, h) for sampling graphs with the given ring counts; N_pad is sized for the largest count
     * (as the reference sampler does).
     */
    public GorBatch masksFor(int[] ringCounts) {
        int max = 0;
        for (int k = 0; k < ringCounts.length; k++) {
            if (ringCounts[k] < 1) {
                throw new IllegalArgumentException("sample " + k + ": ring count must be >= 1, got " + ringCounts[k]);
            }
            max = Math.max(max, ringCounts[k]);
        }
        if (max > maxRings) {
            throw new IllegalArgumentException("ring count " + max + " exceeds the model's max rings " + maxRings);
        }
        return new Builder(ringCounts.clone(), max).build();
    }

    /**
     * Decodes sampled tensors to graphs: positions × 3 (Å), types by argmax over the feature channels of each
     * real node (the reference decodes types from z_0 this way). Ring i of sample b is real when its node mask is
     * set; in the orientation layout, orientation node i sits at index N/2 + i.
     *
     * @param x        (B, N, 3) normalised positions
     * @param h        (B, N, F) features (any positive scale)
     * @param nodeMask (B, N, 1)
     */
    public List<GraphOfRings> decode(NDArray x, NDArray h, NDArray nodeMask) {
        long[] s = x.getShape().getShape();
        int b = (int) s[0];
        int n = (int) s[1];
        return decode(x.toFloatArray(), h.toFloatArray(), nodeMask.toFloatArray(), b, n);
    }

    /** Array form of {@link #decode(NDArray, NDArray, NDArray)} (row-major B·N·3, B·N·F, B·N). */
    public List<GraphOfRings> decode(float[] x, float[] h, float[] nodeMask, int batch, int nodes) {
        int f = featureCount();
        if (x.length != batch * nodes * 3 || h.length != batch * nodes * f || nodeMask.length != batch * nodes) {
            throw new IllegalArgumentException("array sizes do not match B=" + batch + ", N=" + nodes + ", F=" + f);
        }
        boolean orient = layout == NodeLayout.RINGS_WITH_ORIENTATION;
        if (orient && nodes % 2 != 0) {
            throw new IllegalArgumentException("orientation layout needs an even node count, got " + nodes);
        }
        int ringSlots = orient ? nodes / 2 : nodes;
        List<GraphOfRings> out = new ArrayList<>(batch);
        for (int k = 0; k < batch; k++) {
            List<Integer> rings = new ArrayList<>();
            for (int i = 0; i < ringSlots; i++) {
                if (nodeMask[k * nodes + i] > 0.5f) {
                    rings.add(i);
                }
            }
            RingType[] types = new RingType[rings.size()];
            double[][] pos = new double[rings.size()][];
            double[][] orientation = orient ? new double[rings.size()][] : null;
            for (int r = 0; r < rings.size(); r++) {
                int node = k * nodes + rings.get(r);
                types[r] = vocabulary.get(argmax(h, node * f, f));
                pos[r] = position(x, node);
                if (orient) {
                    orientation[r] = position(x, node + ringSlots);
                }
            }
            out.add(new GraphOfRings(types, pos, orientation));
        }
        return Collections.unmodifiableList(out);
    }

    private static double[] position(float[] x, int node) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            float v = x[node * 3 + a];
            if (!Float.isFinite(v)) {
                throw new org.gaudi.core.djl.NonFiniteValueException("sampled position of node " + node
                        + " is not finite");
            }
            p[a] = v * POSITION_SCALE;
        }
        return p;
    }

    private static int argmax(float[] h, int offset, int f) {
        int best = 0;
        for (int c = 1; c < f; c++) {
            if (h[offset + c] > h[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fills masks for ring counts at a ring capacity; x and h stay zero. */
    private final class Builder {
        final int[] counts;
        final int capacity;
        final int nodes;
        final float[] x;
        final float[] h;
        final float[] nodeMask;
        final float[] edgeMask;

        Builder(int[] counts, int capacity) {
            this.counts = counts;
            this.capacity = capacity;
            this.nodes = nodesFor(capacity);
            int b = counts.length;
            x = new float[b * nodes * 3];
            h = new float[b * nodes * featureCount()];
            nodeMask = new float[b * nodes];
            edgeMask = new float[b * nodes * nodes];
            for (int k = 0; k < b; k++) {
                int n = counts[k];
                for (int i = 0; i < n; i++) {
                    nodeMask[k * nodes + i] = 1;
                    for (int j = 0; j < n; j++) {
                        if (i != j) {
                            edgeMask[(k * nodes + i) * nodes + j] = 1;
                        }
                    }
                }
                if (layout == NodeLayout.RINGS_WITH_ORIENTATION) {
                    for (int i = 0; i < n; i++) {
                        nodeMask[k * nodes + capacity + i] = 1;
                    }
                    // ring i <-> orientation i for every slot (padded ones are harmless: their nodes are masked)
                    for (int i = 0; i < capacity; i++) {
                        edgeMask[(k * nodes + i) * nodes + capacity + i] = 1;
                        edgeMask[(k * nodes + capacity + i) * nodes + i] = 1;
                    }
                }
            }
        }

        GorBatch build() {
            return new GorBatch(counts.length, nodes, featureCount(), x, h, nodeMask, edgeMask, counts);
        }
    }
}
