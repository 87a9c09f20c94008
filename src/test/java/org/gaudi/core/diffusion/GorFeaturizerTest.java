package org.gaudi.core.diffusion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.junit.Test;

public class GorFeaturizerTest {

    @Test
    public void cataEncodingIsCentredNormalisedAndMasked() {
        GorFeaturizer feat = GorFeaturizer.cata(6);
        List<GraphOfRings> graphs = TinyGors.cataSet().subList(0, 3);
        GorBatch batch = feat.encode(graphs);
        assertEquals(3, batch.batchSize());
        assertEquals(6, batch.nodes());
        assertEquals(1, batch.features());
        float[] x = batch.x();
        float[] h = batch.h();
        float[] nm = batch.nodeMask();
        float[] em = batch.edgeMask();
        for (int k = 0; k < 3; k++) {
            int n = graphs.get(k).ringCount();
            assertEquals(n, batch.realNodes(k));
            double[] com = new double[3];
            for (int i = 0; i < 6; i++) {
                boolean real = i < n;
                assertEquals(real ? 1f : 0f, nm[k * 6 + i], 0f);
                assertEquals(real ? 0.25f : 0f, h[k * 6 + i], 0f);
                for (int a = 0; a < 3; a++) {
                    com[a] += x[(k * 6 + i) * 3 + a];
                    if (!real) {
                        assertEquals(0f, x[(k * 6 + i) * 3 + a], 0f);
                    }
                }
                for (int j = 0; j < 6; j++) {
                    float expected = real && j < n && i != j ? 1f : 0f;
                    assertEquals(expected, em[(k * 6 + i) * 6 + j], 0f);
                }
            }
            for (double c : com) {
                assertEquals(0, c, 1e-5);
            }
        }
        // fused neighbours are 2.45 A apart, i.e. 2.45/3 in normalised units
        double dx = x[3] - x[0];
        assertEquals(2.45 / 3, Math.abs(dx), 1e-5);
    }

    @Test
    public void cataRoundTrip() {
        GorFeaturizer feat = GorFeaturizer.cata(6);
        List<GraphOfRings> graphs = TinyGors.cataSet().subList(0, 6);
        GorBatch batch = feat.encode(graphs);
        List<GraphOfRings> back = feat.decode(batch.x(), batch.h(), batch.nodeMask(), batch.batchSize(),
                batch.nodes());
        for (int k = 0; k < graphs.size(); k++) {
            GraphOfRings g = graphs.get(k);
            GraphOfRings r = back.get(k);
            assertEquals(g.ringCount(), r.ringCount());
            for (int i = 0; i < g.ringCount(); i++) {
                assertEquals(RingType.Bn, r.type(i));
                for (int j = 0; j < g.ringCount(); j++) {
                    assertEquals(g.distance(i, j), r.distance(i, j), 1e-5);
                }
            }
        }
    }

    @Test
    public void heteroLayoutPlacesOrientationNodes() {
        GorFeaturizer feat = GorFeaturizer.hetero(4);
        assertEquals(12, feat.featureCount());
        assertEquals(8, feat.paddedNodes());
        GraphOfRings g = TinyGors.hetero();
        GorBatch batch = feat.encode(List.of(g));
        float[] nm = batch.nodeMask();
        assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1, 1, 0}, nm, 0f);
        float[] h = batch.h();
        int orient = RingType.ORIENTATION.ordinal();
        assertEquals(0.25f, h[RingType.Th.ordinal() + 12], 0f); // ring 1 is Th
        assertEquals(0.25f, h[4 * 12 + orient], 0f); // node 4 = orientation of ring 0
        float[] em = batch.edgeMask();
        assertEquals(1f, em[0 * 8 + 1], 0f); // ring-ring
        assertEquals(1f, em[1 * 8 + 5], 0f); // ring 1 <-> orientation 1
        assertEquals(1f, em[5 * 8 + 1], 0f);
        assertEquals(0f, em[1 * 8 + 4], 0f); // ring 1 - orientation 0: none
        assertEquals(0f, em[4 * 8 + 5], 0f); // orientation - orientation: none
        assertEquals(1f, em[3 * 8 + 7], 0f); // padded slot pair, set as in the reference (masked anyway)
        List<GraphOfRings> back = feat.decode(batch.x(), batch.h(), nm, 1, 8);
        GraphOfRings r = back.get(0);
        assertArrayEquals(g.types(), r.types());
        double[][] o = r.orientationNodes();
        double[] shift = new double[3];
        for (int a = 0; a < 3; a++) {
            shift[a] = g.centroid(0)[a] - r.centroid(0)[a];
        }
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(g.orientationNodes()[i][a], o[i][a] + shift[a], 1e-5);
            }
        }
    }

    @Test
    public void rejectsBadInputWithClearMessages() {
        GorFeaturizer feat = GorFeaturizer.cata(3);
        try {
            feat.encode(TinyGors.cataSet().subList(2, 4));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("graph 1 has 4 rings"));
        }
        try {
            feat.encode(List.of(TinyGors.hetero()));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("ring 1: type Th is not in the ring-type vocabulary"));
        }
        try {
            GorFeaturizer.hetero(4).encode(List.of(TinyGors.cataSet().get(0)));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no orientation nodes"));
        }
        try {
            feat.masksFor(new int[] {2, 4});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("exceeds the model's max rings 3"));
        }
    }

    @Test
    public void masksForSamplingUseTheLargestRingCount() {
        GorBatch m = GorFeaturizer.cata(11).masksFor(new int[] {3, 5});
        assertEquals(5, m.nodes());
        assertEquals(3, m.realNodes(0));
        assertEquals(5, m.realNodes(1));
        try (NDManager manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            NDArray z = m.z(manager);
            assertEquals(new Shape(2, 5, 4), z.getShape());
            assertEquals(new Shape(2, 5, 5, 1), m.edgeMask(manager).getShape());
        }
        GorBatch sel = GorFeaturizer.cata(6).encode(TinyGors.cataSet().subList(0, 3)).select(new int[] {2, 0});
        assertArrayEquals(new int[] {3, 2}, sel.ringCounts());
    }

    @Test
    public void ringCountDistribution() {
        RingCountDistribution d = RingCountDistribution.fromGraphs(TinyGors.cataSet());
        assertEquals(5, d.maxRings());
        assertEquals(1.0 / 8, d.probability(2), 1e-12);
        assertEquals(3.0 / 8, d.probability(4), 1e-12);
        assertEquals(0, d.probability(1), 0);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        int[] hist = new int[6];
        for (int v : d.sample(8000, rng)) {
            hist[v]++;
        }
        assertEquals(0, hist[1]);
        assertEquals(3000, hist[4], 150);
        RingCountDistribution ref = RingCountDistribution.cataReference();
        assertEquals(11, ref.maxRings());
        assertEquals(27593, ref.total());
        assertEquals(ref, RingCountDistribution.fromCounts(ref.counts()));
    }
}
