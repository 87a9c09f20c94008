package org.gaudi.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.gaudi.core.djl.Djl;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class LinearLayerTest {
    private NDManager manager;

    @Before
    public void setUp() {
        manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()));
    }

    @After
    public void tearDown() {
        manager.close();
    }

    private static float maxAbs(NDArray a) {
        float m = 0;
        for (float v : a.toFloatArray()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    public void pytorchDefaultInitBoundsAndShapes() {
        LinearLayer l = new LinearLayer(400, 300);
        SeededInit.apply(l, 1);
        l.initialize(manager, DataType.FLOAT32, new Shape(1, 400));
        NDArray w = l.weight().getArray();
        NDArray b = l.bias().getArray();
        assertEquals(new Shape(300, 400), w.getShape());
        assertEquals(new Shape(300), b.getShape());
        double bound = 1 / Math.sqrt(400);
        assertTrue(maxAbs(w) <= bound && maxAbs(w) > 0.95 * bound);
        assertTrue(maxAbs(b) <= bound && maxAbs(b) > 0.9 * bound);
        // U(-a, a) has variance a^2/3
        float[] v = w.toFloatArray();
        double var = 0;
        for (float x : v) {
            var += x * x;
        }
        var /= v.length;
        assertEquals(bound * bound / 3, var, bound * bound / 3 * 0.03);
        assertEquals(400 * 300 + 300, l.parameterCount());
        assertEquals(400 * 300 + 300, SeededInit.parameterCount(l));
    }

    @Test
    public void xavierWithoutBias() {
        LinearLayer l = LinearLayer.xavier(192, 1, false, 0.001);
        SeededInit.apply(l, 3);
        l.initialize(manager, DataType.FLOAT32, new Shape(1, 192));
        assertEquals(null, l.bias());
        assertEquals(192, l.parameterCount());
        double bound = 0.001 * Math.sqrt(6.0 / 193);
        float m = maxAbs(l.weight().getArray());
        assertTrue(m <= bound && m > 0.9 * bound);
    }

    @Test
    public void seededInitIsReproducibleAndSeedDependent() {
        Mlp a = new Mlp(new int[] {5, 7, 3}, true);
        Mlp b = new Mlp(new int[] {5, 7, 3}, true);
        Mlp c = new Mlp(new int[] {5, 7, 3}, true);
        SeededInit.apply(a, 11);
        SeededInit.apply(b, 11);
        SeededInit.apply(c, 12);
        for (Mlp m : new Mlp[] {a, b, c}) {
            m.initialize(manager, DataType.FLOAT32, new Shape(1, 5));
        }
        float[] wa = a.layers().get(1).weight().getArray().toFloatArray();
        assertArrayEquals(wa, b.layers().get(1).weight().getArray().toFloatArray(), 0f);
        assertTrue(wa[0] != c.layers().get(1).weight().getArray().toFloatArray()[0]);
    }

    @Test
    public void mlpComputesLinearSiluLinear() {
        Mlp mlp = new Mlp(new int[] {2, 3, 1}, false);
        SeededInit.apply(mlp, 5);
        mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        float[] w0 = mlp.layers().get(0).weight().getArray().toFloatArray();
        float[] b0 = mlp.layers().get(0).bias().getArray().toFloatArray();
        float[] w1 = mlp.layers().get(1).weight().getArray().toFloatArray();
        float[] b1 = mlp.layers().get(1).bias().getArray().toFloatArray();
        float[] x = {0.3f, -1.2f};
        double expected = b1[0];
        for (int j = 0; j < 3; j++) {
            double pre = b0[j] + w0[j * 2] * x[0] + w0[j * 2 + 1] * x[1];
            double act = pre / (1 + Math.exp(-pre));
            expected += w1[j] * act;
        }
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray y = mlp.apply(ps, manager.create(x, new Shape(1, 1, 2)), false);
        assertEquals(new Shape(1, 1, 1), y.getShape());
        assertEquals(expected, y.toFloatArray()[0], 1e-6);
    }

    @Test
    public void factorisedPairLayerEqualsConcatenation() {
        int hdim = 6;
        int edim = 2;
        LinearLayer layer = new LinearLayer(2 * hdim + edim, 5);
        SeededInit.apply(layer, 9);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2 * hdim + edim));
        PairLinear pair = new PairLinear(layer, hdim, edim);
        ParameterStore ps = new ParameterStore(manager, false);
        // both factorised paths: one-hot selector matmul (small N) and broadcast adds (large N)
        for (int nodes : new int[] {PairLinear.SELECTOR_MAX_NODES, PairLinear.SELECTOR_MAX_NODES + 1}) {
            NDArray h = manager.randomNormal(new Shape(2, nodes, hdim));
            NDArray e = manager.randomNormal(new Shape(2, nodes, nodes, edim));
            NDArray dense = pair.apply(ps, h, e, false);
            float err = dense.sub(pair.applyUnfactorised(ps, h, e, false)).abs().max().getFloat();
            assertTrue("N=" + nodes + ": " + err, err < 1e-5f);
            // off-diagonal layout: the same pre-activations for the pairs i != j, by both paths
            NDArray eOff = PairLayout.offDiagonalOf(e);
            NDArray off = pair.apply(ps, h, eOff, false);
            assertEquals(new Shape(2, nodes, nodes - 1, 5), off.getShape());
            float errOff = off.sub(PairLayout.offDiagonalOf(dense)).abs().max().getFloat();
            assertTrue("off-diagonal N=" + nodes + ": " + errOff, errOff < 1e-5f);
            float errRef = off.sub(pair.applyUnfactorised(ps, h, eOff, false)).abs().max().getFloat();
            assertTrue("off-diagonal reference N=" + nodes + ": " + errRef, errRef < 1e-5f);
        }
        NDArray h = manager.randomNormal(new Shape(3, 4, hdim));
        NDArray e = manager.randomNormal(new Shape(3, 4, 4, edim));
        NDArray f = pair.apply(ps, h, e, false);
        NDArray u = pair.applyUnfactorised(ps, h, e, false);
        assertEquals(new Shape(3, 4, 4, 5), f.getShape());
        assertTrue(f.sub(u).abs().max().getFloat() < 1e-5f);
        // pair (i, j) = W [h_i, h_j, e_ij] + b, checked by hand for one entry
        float[] w = layer.weight().getArray().toFloatArray();
        float[] b = layer.bias().getArray().toFloatArray();
        float[] hv = h.toFloatArray();
        float[] ev = e.toFloatArray();
        int bi = 2;
        int i = 1;
        int j = 3;
        int o = 4;
        double ref = b[o];
        int in = 2 * hdim + edim;
        for (int k = 0; k < hdim; k++) {
            ref += w[o * in + k] * hv[(bi * 4 + i) * hdim + k];
            ref += w[o * in + hdim + k] * hv[(bi * 4 + j) * hdim + k];
        }
        for (int k = 0; k < edim; k++) {
            ref += w[o * in + 2 * hdim + k] * ev[((bi * 4 + i) * 4 + j) * edim + k];
        }
        assertEquals(ref, f.get(bi, i, j, o).getFloat(), 1e-5);
        // at GaUDI's size the factorised layer needs well under half the FLOPs (the node terms are per node)
        PairLinear gaudi = new PairLinear(new LinearLayer(2 * 192 + 2, 192), 192, 2);
        assertTrue(gaudi.factorisedFlops(64, 11) < 0.5 * gaudi.unfactorisedFlops(64, 11));
    }
}
