package org.gaudi.core.predictor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;


import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.nn.PairLayout;
import org.gaudi.core.train.ExclusiveGradientCollector;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

public class EgnnPredictorTest {
    private static final PredictorConfig TINY = new PredictorConfig(3, 32, 4.0, 3, 2);
    /** TINY with a 16-function distance basis on every edge. */
    private static final PredictorConfig TINY_BASIS = new PredictorConfig(3, 32, 4.0, 3, 2, 16, 4.0);
    private static NDManager manager;
    private static EgnnPredictor block;
    private static EgnnPredictor basisBlock;

    @BeforeClass
    public static void setUp() {
        manager = NDManager.newBaseManager();
        block = new EgnnPredictor(TINY);
        block.initializeParameters(manager, DataType.FLOAT32, 7);
        basisBlock = new EgnnPredictor(TINY_BASIS);
        basisBlock.initializeParameters(manager, DataType.FLOAT32, 7);
    }

    @AfterClass
    public static void tearDown() {
        manager.close();
    }

    private static float[] predict(EgnnPredictor b, PredictorTestData d) {
        try (NDManager m = manager.newSubManager()) {
            NDList in = d.toNd(m);
            NDArray out = b.forward(new ParameterStore(m, false), in, false).singletonOrThrow();
            return out.toFloatArray();
        }
    }

    private static void assertClose(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            assertTrue("prediction " + i + " is not finite", Float.isFinite(actual[i]));
            assertEquals("prediction " + i, expected[i], actual[i], tol);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue("predictions are all ~0, the comparison would be vacuous", scale > 1e-3);
    }

    @Test
    public void referenceParameterCounts() {
        try (NDManager m = NDManager.newBaseManager()) {
            EgnnPredictor cata = new EgnnPredictor(PredictorConfig.reference(1, 5));
            cata.initializeParameters(m, DataType.FLOAT32, 1);
            assertEquals(3_249_697L, cata.parameterCount());
            assertEquals(3_249_697L, cata.config().parameterCount());
            EgnnPredictor hetro = new EgnnPredictor(PredictorConfig.reference(12, 5));
            hetro.initializeParameters(m, DataType.FLOAT32, 1);
            assertEquals(3_251_853L, hetro.parameterCount());
        }
    }

    @Test
    public void invariantUnderRotationReflectionAndTranslation() {
        PredictorTestData d = new PredictorTestData(11, new int[] {5, 7}, 7, 3);
        float[] base = predict(block, d);
        for (boolean reflect : new boolean[] {false, true}) {
            double[][] r = PredictorTestData.randomOrthogonal(reflect ? 3 : 4, reflect);
            float[] moved = predict(block, d.transformed(r, new double[] {1.5, -2.0, 0.7}));
            assertClose(base, moved, 1e-4);
        }
    }

    @Test
    public void withDistanceBasisInvariantUnderRigidMotionsPermutationAndPadding() {
        PredictorTestData d = new PredictorTestData(17, new int[] {5, 7}, 7, 3);
        float[] base = predict(basisBlock, d);
        for (boolean reflect : new boolean[] {false, true}) {
            double[][] r = PredictorTestData.randomOrthogonal(reflect ? 5 : 6, reflect);
            assertClose(base, predict(basisBlock, d.transformed(r, new double[] {-0.4, 2.0, 1.1})), 1e-4);
        }
        int[][] perm = {{3, 0, 4, 1, 2, 5, 6}, {6, 2, 5, 0, 3, 1, 4}};
        assertClose(base, predict(basisBlock, d.permuted(perm)), 1e-4);
        assertClose(base, predict(basisBlock, d.withExtraPadding(4, 98)), 1e-5);
        basisBlock.setFactorisedEdges(false);
        try {
            assertClose(base, predict(basisBlock, d), 1e-5);
        } finally {
            basisBlock.setFactorisedEdges(true);
        }
        assertEquals(TINY_BASIS.parameterCount(), basisBlock.parameterCount());
    }

    @Test
    public void invariantUnderNodePermutation() {
        PredictorTestData d = new PredictorTestData(12, new int[] {5, 7}, 7, 3);
        int[][] perm = {{3, 0, 4, 1, 2, 5, 6}, {6, 2, 5, 0, 3, 1, 4}};
        assertClose(predict(block, d), predict(block, d.permuted(perm)), 1e-4);
    }

    @Test
    public void extraPaddingChangesNothing() {
        PredictorTestData d = new PredictorTestData(13, new int[] {5, 7}, 7, 3);
        assertClose(predict(block, d), predict(block, d.withExtraPadding(4, 99)), 1e-5);
    }

    @Test
    public void factorisedEqualsConcatenatedEdgeLayer() {
        PredictorTestData d = new PredictorTestData(14, new int[] {4, 6}, 6, 3);
        block.setFactorisedEdges(false);
        float[] reference;
        try {
            reference = predict(block, d);
        } finally {
            block.setFactorisedEdges(true);
        }
        assertClose(reference, predict(block, d), 1e-5);
    }

    /** Both edge-layer paths must also give the same parameter gradients (the factorised one is used in training). */
    @Test
    public void factorisedAndConcatenatedGiveTheSameParameterGradients() {
        PredictorTestData d = new PredictorTestData(16, new int[] {5, 7}, 7, 3);
        List<float[]> reference = parameterGradients(d, false);
        List<float[]> factorised = parameterGradients(d, true);
        double norm = 0;
        for (int i = 0; i < reference.size(); i++) {
            float[] a = reference.get(i);
            float[] b = factorised.get(i);
            for (int k = 0; k < a.length; k++) {
                assertEquals("parameter " + i + " element " + k, a[k], b[k], 1e-5 + 1e-4 * Math.abs(a[k]));
                norm += a[k] * a[k];
            }
        }
        assertTrue(norm > 1e-6);
    }

    /** Holding only the pairs i != j changes neither the predictions nor the parameter gradients. */
    @Test
    public void offDiagonalPairsGiveTheSamePredictionsAndParameterGradients() {
        PredictorTestData d = new PredictorTestData(18, new int[] {5, 7}, 7, 3);
        float[] off = predict(block, d);
        List<float[]> offGrads = parameterGradients(d, true);
        PairLayout.setOffDiagonal(false);
        float[] dense;
        List<float[]> denseGrads;
        try {
            dense = predict(block, d);
            denseGrads = parameterGradients(d, true);
        } finally {
            PairLayout.setOffDiagonal(true);
        }
        assertClose(dense, off, 1e-5);
        for (int i = 0; i < denseGrads.size(); i++) {
            float[] a = denseGrads.get(i);
            float[] b = offGrads.get(i);
            for (int k = 0; k < a.length; k++) {
                assertEquals("parameter " + i + " element " + k, a[k], b[k], 1e-5 + 1e-4 * Math.abs(a[k]));
            }
        }
    }

    private static List<float[]> parameterGradients(PredictorTestData d, boolean factorised) {
        block.setFactorisedEdges(factorised);
        List<float[]> out = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
                NDArray y = block.forward(new ParameterStore(m, false), d.toNd(m), true).singletonOrThrow();
                gc.backward(y.square().sum());
            }
            for (Parameter p : block.getParameters().values()) {
                NDArray g = p.getArray().getGradient();
                g.attach(m);
                out.add(g.toFloatArray());
                g.subi(g);
            }
        } finally {
            block.setFactorisedEdges(true);
        }
        return out;
    }

    @Test
    public void timeConditioningMatters() {
        PredictorTestData d = new PredictorTestData(15, new int[] {5, 7}, 7, 3);
        float[] a = predict(block, d);
        for (int s = 0; s < d.batch(); s++) {
            d.t[s] = 1f - d.t[s];
        }
        float[] b = predict(block, d);
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue("changing t should change the prediction", diff > 1e-4);
    }
}
