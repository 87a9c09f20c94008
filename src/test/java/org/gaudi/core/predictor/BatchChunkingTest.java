package org.gaudi.core.predictor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.function.Function;

import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.nn.EquivariantBlock;
import org.junit.After;
import org.junit.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * Cutting a batch into chunks that run on their own threads ({@link BatchParallel}) gives the results of the whole
 * batch: the EDM forward pass and the predictor's guidance gradient, for uneven chunk sizes and padded samples.
 */
public class BatchChunkingTest {
    private final int before = BatchParallel.threads();

    @After
    public void restore() {
        BatchParallel.setThreads(before);
    }

    private static final Function<NDArray, NDArray> OBJECTIVE = p -> p.get(":, 0").mul(Constants.of(p, 0.7))
            .sub(p.get(":, 1").sub(Constants.of(p, 6)).square().mul(Constants.of(p, 0.3)));

    @Test
    public void edmForwardInChunksEqualsTheWholeBatch() {
        PredictorTestData d = new PredictorTestData(7, new int[] {6, 3, 5, 6, 2}, 6, 1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            EgnnDynamics net = new EgnnDynamics(1, 16, 3);
            net.initializeParameters(m, 11);
            for (EquivariantBlock b : net.blocks()) {
                b.update().coordMlp().layers().get(2).weight().getArray().muli(300f); // exercise the x path
            }
            NDList in = d.toNd(m);
            ParameterStore ps = new ParameterStore(m, false);
            float[] whole = forward(net, ps, in, 1);
            float[] chunked = forward(net, ps, in, 3);
            assertEquals(5 * 6 * 4, whole.length);
            assertArrayEquals(whole, chunked, 1e-6f);
            assertArrayEquals(whole, forward(net, ps, in, 8), 1e-6f); // more threads than samples
        }
    }

    private static float[] forward(EgnnDynamics net, ParameterStore ps, NDList in, int threads) {
        BatchParallel.setThreads(threads);
        return Djl.noGrad(() -> net.predict(ps, in.get(0), in.get(1), in.get(2), in.get(3), false).toFloatArray());
    }

    @Test
    public void guidanceGradientInChunksEqualsTheWholeBatch() {
        PredictorTestData d = new PredictorTestData(9, new int[] {5, 3, 6, 4}, 6, 2);
        try (PropertyPredictor pp = PropertyPredictor.initialise(PropertyPredictorTest.spec(3, 16, 2,
                new TargetNormalisation(new double[] {5, 6}, new double[] {2, 3})), Device.cpu(), 4);
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDList in = d.toNd(m);
            float[][] whole = gradient(pp, in, 1);
            float[][] chunked = gradient(pp, in, 3);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals("part " + k, whole[k], chunked[k], 1e-6f);
            }
            boolean nonZero = false;
            for (float g : whole[1]) {
                nonZero |= Math.abs(g) > 1e-4f;
            }
            assertEquals("the gradient must not vanish, or the comparison says nothing", true, nonZero);
        }
    }

    /** [values, gradient, predictions] at the given thread setting. */
    private static float[][] gradient(PropertyPredictor pp, NDList in, int threads) {
        BatchParallel.setThreads(threads);
        try (GuidanceGradient g = pp.gradient(in.get(0), in.get(2), in.get(3), in.get(1), OBJECTIVE)) {
            return new float[][] {g.values().toFloatArray(), g.gradient().toFloatArray(),
                g.predictions().toFloatArray()};
        }
    }
}
