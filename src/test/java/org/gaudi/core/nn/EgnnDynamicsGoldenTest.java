package org.gaudi.core.nn;

import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.gaudi.core.djl.Djl;
import org.gaudi.testutil.GaudiWeights;
import org.gaudi.testutil.GoldenData;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Anchors the EDM network φ to GaUDI's own code: with GaUDI's recorded weights (every parameter perturbed, so no
 * layer sits at zero) and inputs, our {@link EgnnDynamics} must give the output of GaUDI's
 * {@code EnVariationalDiffusion.phi} to float32 tolerance (../shared/golden/edm-cata.json: cata EDM, 2 blocks of
 * 16, batch 2 with 5 and 3 real nodes). Catches a swapped concatenation order, a wrong input to the coordinate MLP,
 * a missing mask or a wrong time channel, none of which the equivariance tests can see.
 */
public class EgnnDynamicsGoldenTest {
    /** Float32 through two blocks: GaUDI and we sum in different orders. */
    static final double TOLERANCE = 1e-4;

    private GoldenData golden;
    private NDManager manager;
    private EgnnDynamics net;

    @Before
    public void setUp() {
        golden = GoldenData.load("edm-cata.json");
        manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()));
        net = new EgnnDynamics(1, 16, 2);
        net.initializeParameters(manager, 1);
        GaudiWeights.loadEdm(net, golden);
    }

    @After
    public void tearDown() {
        if (manager != null) {
            manager.close();
        }
    }

    /** φ([x, h], t) of GaUDI's inputs (h = 1 on real nodes, not yet normalised; t already divided by T). */
    static NDArray phi(NDManager m, EgnnDynamics net, GoldenData g) {
        GoldenData.Tensor x = g.tensor("inputs/x");
        GoldenData.Tensor h = g.tensor("inputs/h");
        int b = (int) x.shape()[0];
        int n = (int) x.shape()[1];
        float[] z = new float[b * n * 4];
        for (int i = 0; i < b * n; i++) {
            System.arraycopy(x.values(), i * 3, z, i * 4, 3);
            z[i * 4 + 3] = h.get(i);
        }
        return net.predict(new ParameterStore(m, false), m.create(z, new Shape(b, n, 4)),
                m.create(g.tensor("inputs/t").values(), new Shape(b, 1)),
                m.create(g.tensor("inputs/node_mask").values(), new Shape(b, n, 1)),
                m.create(g.tensor("inputs/edge_mask").values(), new Shape(b, n, n, 1)), false);
    }

    @Test
    public void factorisedNetworkReproducesGaudisOutput() {
        check(true);
    }

    @Test
    public void concatenatedNetworkReproducesGaudisOutput() {
        check(false);
    }

    private void check(boolean factorised) {
        net.setFactorised(factorised);
        float[] eps = Djl.call(() -> phi(manager, net, golden).toFloatArray());
        float[] expected = golden.tensor("eps").values();
        double err = GoldenData.maxRelativeError(eps, expected);
        System.out.printf("golden-edm-eps (factorised=%s): max relative error %.2e%n", factorised, err);
        assertTrue("EDM phi deviates from GaUDI's by " + err + " relative (factorised=" + factorised + ")",
                err <= TOLERANCE);
    }
}
