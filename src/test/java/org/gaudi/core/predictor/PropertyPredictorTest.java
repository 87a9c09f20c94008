package org.gaudi.core.predictor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.NodeLayout;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.train.ExclusiveGradientCollector;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** The predictor model object: guidance gradients, predictions, persistence, compatibility, the training loss. */
public class PropertyPredictorTest {
    static final List<PredictorTarget> TARGETS = List.of(new PredictorTarget("rings", ""),
            new PredictorTarget("extra fused pairs", ""));
    private static final TargetNormalisation NORM = new TargetNormalisation(new double[] {5, 6},
            new double[] {2, 3});
    /** A smooth objective mixing both targets non-linearly, in physical units (constants as tensors). */
    private static final Function<NDArray, NDArray> OBJECTIVE = p -> p.get(":, 0").mul(Constants.of(p, 0.7))
            .sub(p.get(":, 1").sub(Constants.of(p, 6)).square().mul(Constants.of(p, 0.3)));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static PredictorSpec spec(int layers, int hidden, int featureDim, TargetNormalisation norm) {
        List<RingType> vocab = new ArrayList<>(List.of(RingType.values()).subList(0, featureDim));
        return new PredictorSpec(new PredictorConfig(layers, hidden, 4.0, featureDim, 2), TARGETS, norm, vocab,
                NodeLayout.RINGS, 1000, 1e-5, 2.0);
    }

    private static PropertyPredictor create(PredictorSpec spec, long seed) {
        return PropertyPredictor.initialise(spec, Device.cpu(), seed);
    }

    private static double[] objectiveAt(PropertyPredictor pp, NDManager m, double[] zFlat, NDArray z, NDList rest) {
        NDArray zz = m.create(zFlat, z.getShape());
        NDArray pred = pp.predict(zz, rest.get(0), rest.get(1), rest.get(2));
        return OBJECTIVE.apply(pred).toDoubleArray();
    }

    /** The same spec with a Gaussian distance basis of k functions on every edge. */
    static PredictorSpec withDistanceBasis(PredictorSpec s, int k) {
        PredictorConfig c = s.config();
        return new PredictorSpec(new PredictorConfig(c.layers(), c.hidden(), c.coordsRange(), c.featureDim(),
                c.targets(), k, PredictorConfig.DEFAULT_DISTANCE_CUTOFF), s.targets(), s.normalisation(),
                s.vocabulary(), s.layout(), s.timesteps(), s.schedulePrecision(), s.schedulePower());
    }

    @Test
    public void gradientMatchesCentralFiniteDifferencesInFloat64() {
        checkGradientAgainstFiniteDifferences(spec(2, 16, 2, NORM));
    }

    @Test
    public void gradientWithDistanceBasisMatchesCentralFiniteDifferencesInFloat64() {
        checkGradientAgainstFiniteDifferences(withDistanceBasis(spec(2, 16, 2, NORM), 12));
    }

    private static void checkGradientAgainstFiniteDifferences(PredictorSpec spec) {
        try (PropertyPredictor pp = PropertyPredictor.initialise(spec, Device.cpu(), 3,
                DataType.FLOAT64); NDManager m = NDManager.newBaseManager()) {
            PredictorTestData d = new PredictorTestData(21, new int[] {4, 6}, 6, 2);
            NDList in = d.toNd(m);
            NDArray z = in.get(0).toType(DataType.FLOAT64, false);
            // (node mask, edge mask, t) as gradient() takes them
            NDList rest = new NDList(in.get(2).toType(DataType.FLOAT64, false),
                    in.get(3).toType(DataType.FLOAT64, false), in.get(1).toType(DataType.FLOAT64, false));
            double[] zFlat = z.toDoubleArray();
            double[] grad;
            double[] values;
            try (GuidanceGradient g = pp.gradient(z, rest.get(0), rest.get(1), rest.get(2), OBJECTIVE)) {
                grad = g.gradient().toDoubleArray();
                values = g.values().toDoubleArray();
                assertArrayEquals(z.getShape().getShape(), g.gradient().getShape().getShape());
            }
            assertArrayEquals(values, objectiveAt(pp, m, zFlat, z, rest), 1e-12);
            int n = 6;
            int c = 5;
            double eps = 1e-5;
            double maxAbs = 0;
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < c; k++) {
                        int idx = (s * n + i) * c + k;
                        if (i >= d.realNodes[s]) {
                            assertEquals("padded slot gradient", 0.0, grad[idx], 0.0);
                            continue;
                        }
                        double[] plus = zFlat.clone();
                        double[] minus = zFlat.clone();
                        plus[idx] += eps;
                        minus[idx] -= eps;
                        double[] fPlus = objectiveAt(pp, m, plus, z, rest);
                        double fd = (fPlus[s] - objectiveAt(pp, m, minus, z, rest)[s]) / (2 * eps);
                        assertEquals("d f_" + s + "/d z[" + s + "," + i + "," + k + "]", fd, grad[idx],
                                1e-6 + 1e-5 * Math.abs(fd));
                        // the other sample's objective does not depend on this sample's input
                        assertEquals(values[1 - s], fPlus[1 - s], 1e-12);
                        maxAbs = Math.max(maxAbs, Math.abs(grad[idx]));
                    }
                }
            }
            assertTrue("gradient is ~0 everywhere, the check would be vacuous", maxAbs > 1e-3);
        }
    }

    @Test
    public void float32GradientAgreesWithFloat64() {
        PredictorTestData d = new PredictorTestData(24, new int[] {5, 3}, 5, 1);
        double[] g64;
        double[] g32;
        try (PropertyPredictor pp = PropertyPredictor.initialise(spec(3, 16, 1, NORM), Device.cpu(), 5,
                DataType.FLOAT64); NDManager m = NDManager.newBaseManager()) {
            NDList in = d.toNd(m);
            try (GuidanceGradient g = pp.gradient(in.get(0).toType(DataType.FLOAT64, false),
                    in.get(2).toType(DataType.FLOAT64, false), in.get(3).toType(DataType.FLOAT64, false),
                    in.get(1).toType(DataType.FLOAT64, false), OBJECTIVE)) {
                g64 = g.gradient().toDoubleArray();
            }
        }
        try (PropertyPredictor pp = create(spec(3, 16, 1, NORM), 5); NDManager m = NDManager.newBaseManager()) {
            NDList in = d.toNd(m);
            try (GuidanceGradient g = pp.gradient(in.get(0), in.get(2), in.get(3), in.get(1), OBJECTIVE)) {
                g32 = g.gradient().toType(DataType.FLOAT64, false).toDoubleArray();
            }
        }
        double norm = 0;
        double diff = 0;
        for (int i = 0; i < g64.length; i++) {
            norm += g64[i] * g64[i];
            diff += (g64[i] - g32[i]) * (g64[i] - g32[i]);
        }
        assertTrue("gradient is ~0", norm > 1e-6);
        assertTrue("float32 vs float64 relative difference " + Math.sqrt(diff / norm), Math.sqrt(diff / norm) < 1e-4);
    }

    @Test
    public void gradientQueriesLeaveWeightsAndInputsUntouched() {
        try (PropertyPredictor pp = create(spec(2, 16, 1, NORM), 4); NDManager m = NDManager.newBaseManager()) {
            List<Parameter> params = new ArrayList<>(pp.network().getParameters().values());
            List<float[]> before = new ArrayList<>();
            for (Parameter p : params) {
                assertTrue(p.requiresGradient());
                before.add(p.getArray().toFloatArray());
            }
            NDList in = new PredictorTestData(22, new int[] {3, 5, 5}, 5, 1).toNd(m);
            float[] zBefore = in.get(0).toFloatArray();
            float[] first;
            try (GuidanceGradient g = pp.gradient(in.get(0), in.get(2), in.get(3), in.get(1), OBJECTIVE)) {
                first = g.gradient().toFloatArray();
                // every intermediate was freed: only the 4 inputs and the 3 results live in the caller's manager
                assertEquals(4 + 3, m.getManagedArrays().size());
            }
            float[] second;
            try (GuidanceGradient g = pp.gradient(in.get(0), in.get(2), in.get(3), in.get(1), OBJECTIVE)) {
                second = g.gradient().toFloatArray();
            }
            assertArrayEquals("repeated queries must not accumulate", first, second, 0f);
            assertArrayEquals("z must not be modified", zBefore, in.get(0).toFloatArray(), 0f);
            assertFalse("the input passed in must not be marked for gradients", in.get(0).hasGradient());
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                assertArrayEquals(p.getName(), before.get(i), p.getArray().toFloatArray(), 0f);
                assertTrue("trainability restored: " + p.getName(), p.requiresGradient());
                for (float v : p.getArray().getGradient().toFloatArray()) {
                    assertEquals("parameter " + p.getName() + " received a gradient", 0f, v, 0f);
                }
            }
        }
    }

    @Test
    public void objectiveWithWrongShapeIsAClearError() {
        try (PropertyPredictor pp = create(spec(1, 8, 1, NORM), 5); NDManager m = NDManager.newBaseManager()) {
            NDList in = new PredictorTestData(23, new int[] {3, 4}, 4, 1).toNd(m);
            try {
                pp.gradient(in.get(0), in.get(2), in.get(3), in.get(1), p -> p);
                fail("expected an error for a (B, targets) objective");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("one value per sample"));
            }
            for (Parameter p : pp.network().getParameters().values()) {
                assertTrue("a failed query must not leave the weights frozen", p.requiresGradient());
            }
        }
    }

    @Test
    public void predictionsIgnoreBatchMatesAndTheirPadding() {
        SyntheticGors data = new SyntheticGors(3, 2, 9, 31);
        try (PropertyPredictor pp = create(spec(2, 16, 1, NORM), 6)) {
            double[][] together = pp.predict(data.gors, 0.3);
            for (int i = 0; i < 3; i++) {
                double[][] alone = pp.predict(List.of(data.gors.get(i)), 0.3);
                assertArrayEquals(alone[0], together[i], 1e-5);
            }
            assertNotEquals(together[0][0], together[1][0], 1e-6);
        }
    }

    @Test
    public void graphOutsideTheVocabularyIsAClearError() {
        try (PropertyPredictor pp = create(spec(1, 8, 1, NORM), 6)) {
            org.gaudi.core.gor.GraphOfRings thiophene = new org.gaudi.core.gor.GraphOfRings(
                    new RingType[] {RingType.Th}, new double[][] {{0, 0, 0}}, new double[][] {{1, 0, 0}});
            pp.predict(List.of(thiophene), 0);
            fail("a hetero graph must not be accepted by a cata predictor");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().length() > 10);
        }
    }

    /** Hetero layout: orientation nodes are read, the output is E(3)-invariant and independent of batch padding. */
    @Test
    public void heteroGraphsWithOrientationNodes() {
        PredictorSpec hetero = PredictorSpec.forKind(org.gaudi.core.gor.GorKind.HETERO, new PredictorConfig(2, 16,
                4.0, 12, 2), TARGETS, NORM);
        double[][] c2 = {{0, 0, 0}, {2.3, 0.2, 0}};
        double[][] o2 = {{0, 0, 0}, {3.4, 0.9, 0}};
        org.gaudi.core.gor.GraphOfRings two = new org.gaudi.core.gor.GraphOfRings(
                new RingType[] {RingType.Bn, RingType.Th}, c2, o2);
        org.gaudi.core.gor.GraphOfRings moved = new org.gaudi.core.gor.GraphOfRings(
                new RingType[] {RingType.Bn, RingType.Th}, c2, new double[][] {{0, 0, 0}, {3.0, -1.0, 0}});
        double[][] rot = PredictorTestData.randomOrthogonal(17, true);
        org.gaudi.core.gor.GraphOfRings turned = new org.gaudi.core.gor.GraphOfRings(
                new RingType[] {RingType.Bn, RingType.Th}, transform(c2, rot), transform(o2, rot));
        org.gaudi.core.gor.GraphOfRings three = new org.gaudi.core.gor.GraphOfRings(
                new RingType[] {RingType.Bn, RingType.Bn, RingType.Pd},
                new double[][] {{0, 0, 0}, {2.45, 0, 0}, {1.2, 2.1, 0}},
                new double[][] {{0, 0, 0}, {2.45, 0, 0}, {1.0, 3.4, 0}});
        try (PropertyPredictor pp = create(hetero, 11)) {
            double[] alone = pp.predict(List.of(two), 0.2)[0];
            assertArrayEquals(alone, pp.predict(List.of(turned), 0.2)[0], 1e-4);
            assertArrayEquals(alone, pp.predict(List.of(three, two), 0.2)[1], 1e-5);
            double[] other = pp.predict(List.of(moved), 0.2)[0];
            assertTrue("the orientation node must matter", Math.abs(other[0] - alone[0]) + Math.abs(other[1]
                    - alone[1]) > 1e-5);
        }
    }

    private static double[][] transform(double[][] p, double[][] rot) {
        double[][] out = new double[p.length][3];
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < 3; k++) {
                out[i][k] = rot[k][0] * p[i][0] + rot[k][1] * p[i][1] + rot[k][2] * p[i][2] + 1.5 * k;
            }
        }
        return out;
    }

    @Test
    public void archiveRoundTripKeepsTheDistanceBasis() throws Exception {
        SyntheticGors data = new SyntheticGors(4, 2, 6, 33);
        PredictorSpec spec = withDistanceBasis(spec(2, 16, 1, NORM), 8);
        Path file = tmp.getRoot().toPath().resolve("basis.gaudi");
        double[][] expected;
        double[][] reference;
        try (PropertyPredictor pp = create(spec, 7); PropertyPredictor plain = create(spec(2, 16, 1, NORM), 7)) {
            assertEquals(spec.config().parameterCount(), pp.parameterCount());
            assertEquals(plain.parameterCount() + 2L * 8 * 16, pp.parameterCount()); // 8 more inputs per edge layer
            expected = pp.predict(data.gors, 0.1);
            reference = plain.predict(data.gors, 0.1);
            pp.save(file);
        }
        try (PropertyPredictor pp = PropertyPredictor.load(file, Device.cpu())) {
            assertEquals(spec, pp.spec());
            assertEquals(8, pp.spec().config().distanceBasis());
            double[][] got = pp.predict(data.gors, 0.1);
            double differs = 0;
            for (int i = 0; i < got.length; i++) {
                assertArrayEquals(expected[i], got[i], 0.0);
                for (int k = 0; k < got[i].length; k++) {
                    differs = Math.max(differs, Math.abs(got[i][k] - reference[i][k]));
                }
            }
            assertTrue("the basis should change the network's function", differs > 1e-4);
        }
    }

    @Test
    public void archiveRoundTripKeepsPredictionsAndChecksTheFile() throws Exception {
        SyntheticGors data = new SyntheticGors(4, 2, 6, 32);
        PredictorSpec spec = spec(2, 16, 1, NORM);
        Path file = tmp.getRoot().toPath().resolve("p.gaudi");
        double[][] expected;
        ModelArchive archive;
        try (PropertyPredictor pp = create(spec, 7)) {
            expected = pp.predict(data.gors, 0.1);
            pp.save(file);
            archive = pp.toArchive();
        }
        try (PropertyPredictor pp = PropertyPredictor.load(file, Device.cpu())) {
            assertEquals(spec, pp.spec());
            assertEquals(7, pp.seed());
            double[][] got = pp.predict(data.gors, 0.1);
            for (int i = 0; i < got.length; i++) {
                assertArrayEquals(expected[i], got[i], 0.0);
            }
        }
        // a header promising a 24-wide network over 16-wide weights
        ModelArchive tampered;
        try (PropertyPredictor wide = create(spec(2, 24, 1, NORM), 7)) {
            tampered = ModelArchive.of(wide.header(), archive.parameterBytes());
        }
        try {
            PropertyPredictor.fromArchive(tampered, Device.cpu()).close();
            fail("weights of a 16-wide network must not load into a 24-wide one");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("parameters.bin") || e.getMessage().contains("shape"));
        }
        Path edmLike = tmp.getRoot().toPath().resolve("other.gaudi");
        ModelArchive.of(new org.gaudi.core.model.ModelHeader("gaudi-edm"), archive.parameterBytes()).write(edmLike);
        try {
            PropertyPredictor.load(edmLike, Device.cpu()).close();
            fail("an EDM file is not a predictor");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("gaudi-predictor"));
        }
        assertTrue(Files.exists(file));
    }

    @Test
    public void incompatibleEdmIsAClearError() {
        PredictorSpec cata = PredictorSpec.forKind(org.gaudi.core.gor.GorKind.CATA, new PredictorConfig(1, 8, 4.0, 1,
                2), TARGETS, NORM);
        cata.requireCompatible(EdmArchitecture.cata(2, 8, 11));
        try {
            cata.requireCompatible(EdmArchitecture.hetero(2, 8, 10));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("[Bn]"));
        }
        EdmArchitecture shortSchedule = new EdmArchitecture(2, 8, 11, NodeLayout.RINGS, List.of(RingType.Bn), 500,
                1e-5, 2.0);
        try {
            cata.requireCompatible(shortSchedule);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("T=500"));
        }
    }

    /**
     * Regression: DJL's {@code NDArray.mul(Number)} and friends hand autograd a tensor whose buffer the garbage
     * collector may free before backward; a GC between forward and backward then corrupted the gradients.
     */
    @Test
    public void parameterGradientsSurviveGarbageCollectionBeforeBackward() {
        SyntheticGors data = new SyntheticGors(16, 2, 8, 43);
        TargetNormalisation norm = TargetNormalisation.fit(data.targets, TARGETS);
        try (PropertyPredictor pp = create(spec(2, 16, 1, norm), 9)) {
            ParameterStore ps = new ParameterStore(pp.manager(), false);
            for (int it = 0; it < 3; it++) {
                try (NDManager sub = pp.manager().newSubManager()) {
                    double plain = gradientNorm(pp, sub, ps, data, false);
                    double collected = gradientNorm(pp, sub, ps, data, true);
                    assertEquals(plain, collected, 0.0);
                }
            }
        }
    }

    private static double gradientNorm(PropertyPredictor pp, NDManager sub, ParameterStore ps, SyntheticGors data,
            boolean gcBeforeBackward) {
        try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
            NDArray loss = pp.trainingLoss(sub, ps, data.gors, data.targets, new SplittableRandom(3));
            if (gcBeforeBackward) {
                System.gc();
                byte[][] churn = new byte[64][];
                for (int i = 0; i < churn.length; i++) {
                    churn[i] = new byte[1 << 16];
                }
                System.gc();
            }
            gc.backward(loss);
        }
        double sum = 0;
        for (Parameter p : pp.network().getParameters().values()) {
            NDArray g = p.getArray().getGradient();
            g.attach(sub);
            sum += g.abs().sum().getFloat();
            g.subi(g);
        }
        assertTrue(Double.isFinite(sum) && sum > 0);
        return sum;
    }
}
