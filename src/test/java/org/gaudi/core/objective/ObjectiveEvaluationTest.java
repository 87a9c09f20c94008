package org.gaudi.core.objective;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

/** Exact (double) and batched (DJL) evaluation: agreement, gradients against finite differences, domain guards. */
public class ObjectiveEvaluationTest {

    private static final List<String> T = List.of("LUMO_eV", "GAP_eV", "Erel_eV", "aIP_eV", "aEA_eV", "HMO_GAP_eV");

    /** In-domain for the property ranges of {@link #realisticBatch}. */
    private static final String[] IN_DOMAIN = {
        "maximize GAP_eV",
        "minimize 3*GAP_eV + aIP_eV - aEA_eV",
        "minimize abs(GAP_eV - 2.5)",
        "minimize (LUMO_eV+2)^2 + Erel_eV",
        "minimize log(GAP_eV) + sqrt(aIP_eV) - exp(-Erel_eV)",
        "maximize min(GAP_eV, aIP_eV / 3, 2.2) - max(LUMO_eV, aEA_eV)",
        "minimize GAP_eV^aIP_eV / 100",
        "minimize 2^GAP_eV + GAP_eV^1.5 + (LUMO_eV + 1)^-2 + LUMO_eV^3",
        "minimize 1 / (GAP_eV - 5) + aIP_eV / GAP_eV - 3 / aEA_eV",
        "minimize 0.2 * ((LUMO_eV + 8.141)^2 + (GAP_eV - 1.23)^2 + (aIP_eV - 11.254)^2 + (aEA_eV + 6.78)^2)"
            + " + Erel_eV",
        "maximize -abs(HMO_GAP_eV - 1) * sqrt(abs(LUMO_eV))",
        "minimize log(aIP_eV + aEA_eV) + exp(GAP_eV) / HMO_GAP_eV - 7",
    };

    private static NDManager manager;

    @BeforeClass
    public static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterClass
    public static void tearDown() {
        manager.close();
    }

    private static Objective parse(String text) {
        try {
            return Objective.parse(text, T);
        } catch (ObjectiveSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static double[][] realisticBatch(int b, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[b][];
        for (int i = 0; i < b; i++) {
            p[i] = new double[] {-4 + 2 * r.nextDouble(), 1 + 3 * r.nextDouble(), 0.1 + 0.9 * r.nextDouble(),
                6 + 2 * r.nextDouble(), -2.5 + 2 * r.nextDouble(), 0.5 + 0.4 * r.nextDouble()};
        }
        return p;
    }

    private static double[] row(double[][] p, int i) {
        return p[i].clone();
    }

    @Test
    public void doubleAndBatchedEvaluationAgree() {
        double[][] p = realisticBatch(64, 1);
        for (String text : IN_DOMAIN) {
            Objective o = parse(text);
            try (NDManager m = manager.newSubManager()) {
                BatchEvaluation e64 = o.evaluateReported(m.create(p));
                BatchEvaluation e32 = o.evaluateReported(m.create(p).toType(DataType.FLOAT32, false));
                assertTrue(text + ": " + e64.report(), e64.report().isClean());
                assertTrue(text + ": " + e32.report(), e32.report().isClean());
                assertEquals(DataType.FLOAT32, e32.values().getDataType());
                double[] v64 = e64.values().toDoubleArray();
                double[] l64 = e64.losses().toDoubleArray();
                double[] v32 = e32.values().toType(DataType.FLOAT64, false).toDoubleArray();
                double[] plain = o.evaluate(m.create(p)).toDoubleArray();
                double[] loss = o.loss(m.create(p)).toDoubleArray();
                for (int i = 0; i < p.length; i++) {
                    ObjectiveValue exact = o.evaluate(row(p, i));
                    assertTrue(text + ": " + exact, exact.isDefined());
                    double v = exact.value();
                    assertEquals(text, v, v64[i], 1e-12 * (1 + Math.abs(v)));
                    assertEquals(text, v, plain[i], 1e-12 * (1 + Math.abs(v)));
                    assertEquals(text, v, v32[i], 2e-6 * (1 + Math.abs(v)));
                    assertEquals(text, v, o.valueOnClampedDomain(row(p, i)), 0);
                    assertEquals(text, o.direction().lossSign() * v, l64[i], 1e-12 * (1 + Math.abs(v)));
                    assertEquals(text, o.direction().lossSign() * v, loss[i], 1e-12 * (1 + Math.abs(v)));
                    assertEquals(o.direction().lossSign() * v, o.loss(row(p, i)), 0);
                }
            }
        }
    }

    /** Autograd gradient of Σ_b loss w.r.t. the predictions, as (B, nTargets). */
    private static double[][] autogradOfLossSum(Objective o, double[][] p, DataType type) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(p).toType(type, false);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(o.loss(x).sum());
            }
            NDArray g = x.getGradient().toType(DataType.FLOAT64, false);
            double[] flat = g.toDoubleArray();
            double[][] out = new double[p.length][p[0].length];
            for (int i = 0; i < p.length; i++) {
                System.arraycopy(flat, i * p[0].length, out[i], 0, p[0].length);
            }
            return out;
        }
    }

    @Test
    public void gradientsMatchCentralFiniteDifferences() {
        double[][] p = realisticBatch(16, 2);
        for (String text : IN_DOMAIN) {
            Objective o = parse(text);
            double[][] g64 = autogradOfLossSum(o, p, DataType.FLOAT64);
            double[][] g32 = autogradOfLossSum(o, p, DataType.FLOAT32);
            for (int i = 0; i < p.length; i++) {
                for (int k = 0; k < T.size(); k++) {
                    double h = 1e-6 * Math.max(1, Math.abs(p[i][k]));
                    double[] up = row(p, i);
                    double[] down = row(p, i);
                    up[k] += h;
                    down[k] -= h;
                    double fd = (o.loss(up) - o.loss(down)) / (2 * h);
                    String where = text + " sample " + i + " d/d" + T.get(k);
                    assertTrue(where, Double.isFinite(g64[i][k]) && Double.isFinite(g32[i][k]));
                    assertEquals(where, fd, g64[i][k], 1e-6 * (1 + Math.abs(fd)));
                    assertEquals(where, fd, g32[i][k], 1e-4 * (1 + Math.abs(fd)));
                }
            }
        }
    }

    private static final String GUARDED = "minimize log(GAP_eV - 3) + sqrt(aIP_eV - 7) + 1 / (LUMO_eV + 3)"
            + " + exp(100 * Erel_eV) / 1e30 + abs(aEA_eV) + HMO_GAP_eV^0.5";

    //                                  LUMO  GAP  Erel aIP aEA   HMO
    private static final double[][] EDGES = {
        {-2, 4, 0.5, 8, -1, 1}, // in domain
        {-2, 3, 0.5, 8, -1, 1}, // log(0)
        {-2, 4, 0.5, 7, -1, 1}, // sqrt(0): exactly defined, clamped in the batch
        {-3, 4, 0.5, 8, 0, 1}, // 1/0, and abs at 0
        {-2, 4, 1.0, 8, -1, -1}, // exp(100) over the cap, (-1)^0.5
        {-2, 2, 0.5, 6, -1, 1}, // log(-1), sqrt(-1)
    };

    @Test
    public void guardedFunctionsNeverProduceNaNOrInfAndAreReported() {
        Objective o = parse(GUARDED);
        for (DataType type : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
            try (NDManager m = manager.newSubManager()) {
                BatchEvaluation e = o.evaluateReported(m.create(EDGES).toType(type, false));
                double[] v = e.values().toType(DataType.FLOAT64, false).toDoubleArray();
                for (int i = 0; i < EDGES.length; i++) {
                    assertTrue(type + " sample " + i + " = " + v[i], Double.isFinite(v[i]));
                    double clamped = o.valueOnClampedDomain(EDGES[i]);
                    assertEquals(type + " sample " + i, clamped, v[i],
                            (type == DataType.FLOAT64 ? 1e-12 : 1e-6) * (1 + Math.abs(clamped)));
                }
                DomainReport r = e.report();
                assertEquals(6, r.samples());
                assertEquals(5, r.clampedSamples());
                assertEquals(0, r.nonFiniteSamples());
                assertEquals(Map.of("log(GAP_eV - 3) at column 10", 2L, "sqrt(aIP_eV - 7) at column 28", 2L,
                        "1 / (LUMO_eV + 3) at column 49", 1L, "exp(100 * Erel_eV) at column 67", 1L,
                        "HMO_GAP_eV^0.5 at column 119", 1L), r.clampsBySite());
                assertFalse(r.isClean());
                assertTrue(r.toString(), r.toString().contains("5 evaluated on the clamped domain"));
            }
            double[][] g = autogradOfLossSum(o, EDGES, type);
            for (double[] gi : g) {
                for (double x : gi) {
                    assertTrue(type + " gradient " + x, Double.isFinite(x));
                }
            }
            // clamped arguments get no gradient; abs at 0 has gradient 0
            assertEquals(0, g[1][1], 0);
            assertEquals(0, g[2][3], 0);
            assertEquals(0, g[3][0], 0);
            assertEquals(0, g[3][4], 0);
            assertEquals(0, g[4][2], 0);
            assertEquals(0, g[4][5], 0);
            assertEquals(0, g[5][1], 0);
            assertEquals(0, g[5][3], 0);
            // unclamped entries keep their exact derivative
            assertEquals(1.0 / (4 - 3), g[0][1], 1e-6);
            assertEquals(-1.0 / ((-2 + 3) * (-2 + 3)), g[0][0], 1e-6);
            assertEquals(-1, g[0][4], 0); // d|aEA|/daEA at -1
        }
    }

    @Test
    public void exactEvaluationSaysWhyItIsUndefined() {
        Objective o = parse(GUARDED);
        assertTrue(o.evaluate(EDGES[0]).isDefined());
        assertNull(o.evaluate(EDGES[0]).undefinedReason());
        assertUndefined(o.evaluate(EDGES[1]), "log of the non-positive value 0.0 in log(GAP_eV - 3) (column 10)");
        assertTrue(o.evaluate(EDGES[2]).isDefined()); // sqrt(0) = 0 exactly
        assertEquals(Math.log(1) + 0 + 1 + Math.exp(50) / 1e30 + 1 + 1, o.value(EDGES[2]), 1e-12);
        assertUndefined(o.evaluate(EDGES[3]), "division by zero in 1 / (LUMO_eV + 3) (column 49)");
        assertUndefined(o.evaluate(EDGES[4]), "non-integer exponent 0.5 in HMO_GAP_eV^0.5 (column 119)");
        assertUndefined(o.evaluate(EDGES[5]), "log of the non-positive value -1.0");
        assertTrue(Double.isNaN(o.value(EDGES[5])));
        assertTrue(Double.isNaN(o.loss(EDGES[5])));
        assertTrue(o.evaluate(EDGES[5]).toString().startsWith("objective undefined: "));

        double[] nan = EDGES[0].clone();
        nan[1] = Double.NaN;
        assertUndefined(o.evaluate(nan), "property GAP_eV is NaN");
        assertUndefined(parse("minimize exp(GAP_eV)").evaluate(new double[] {0, 1000, 0, 0, 0, 0}),
                "exp(GAP_eV) (column 10) is Infinity");
        assertUndefined(parse("minimize 1 / GAP_eV^-1").evaluate(new double[6]), "GAP_eV^-1 (column 20) is Infinity");
        try {
            o.evaluate(new double[5]);
            fail("wrong vector length must be rejected");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected 6 property values"));
        }
    }

    private static void assertUndefined(ObjectiveValue v, String reasonFragment) {
        assertFalse(v.isDefined());
        assertTrue(Double.isNaN(v.value()));
        assertTrue(v.undefinedReason(), v.undefinedReason().contains(reasonFragment));
    }

    @Test
    public void nanInputsAndOverflowAreCountedNotHidden() {
        Objective o = parse("minimize log(GAP_eV) + 1 / LUMO_eV + GAP_eV^40");
        double[][] p = {{-2, 2, 0, 0, 0, 0}, {-2, Double.NaN, 0, 0, 0, 0}, {Double.NaN, 2, 0, 0, 0, 0},
            {-2, 1e3, 0, 0, 0, 0}};
        try (NDManager m = manager.newSubManager()) {
            BatchEvaluation e = o.evaluateReported(m.create(p).toType(DataType.FLOAT32, false));
            double[] v = e.values().toType(DataType.FLOAT64, false).toDoubleArray();
            assertTrue(Double.isFinite(v[0]));
            assertTrue(Double.isNaN(v[1]));
            assertTrue(Double.isNaN(v[2]));
            assertTrue(Double.isInfinite(v[3])); // 1e120 overflows float32
            assertEquals(3, e.report().nonFiniteSamples());
            assertEquals(0, e.report().clampedSamples());
        }
    }

    @Test
    public void subgradientConventionsAtKinks() {
        double[][] p = {{0, 2, 0, 2, 0, 0}};
        double[][] g = autogradOfLossSum(parse("minimize abs(LUMO_eV) + max(GAP_eV, aIP_eV)"), p, DataType.FLOAT32);
        assertEquals(0, g[0][0], 0);
        assertEquals(0.5, g[0][1], 0);
        assertEquals(0.5, g[0][3], 0);
        double[][] gs = autogradOfLossSum(parse("minimize sqrt(LUMO_eV) + sqrt(GAP_eV - 2 + 2e-6)"), p,
                DataType.FLOAT32);
        assertEquals(0, gs[0][0], 0);
        assertTrue(Double.isFinite(gs[0][1]) && gs[0][1] > 100); // 1/(2*sqrt(2e-6)) ≈ 354
    }

    @Test
    public void maximizeNegatesTheLossAndItsGradient() {
        double[][] p = realisticBatch(4, 3);
        double[][] gMin = autogradOfLossSum(parse("minimize GAP_eV * aIP_eV"), p, DataType.FLOAT64);
        double[][] gMax = autogradOfLossSum(parse("maximize GAP_eV * aIP_eV"), p, DataType.FLOAT64);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i][3], gMin[i][1], 1e-12);
            assertEquals(-p[i][3], gMax[i][1], 1e-12);
            assertEquals(-p[i][1], gMax[i][3], 1e-12);
        }
    }

    @Test
    public void constantObjectivesAndShapeChecks() {
        Objective c = parse("minimize 2 * 3 - log(1)");
        try (NDManager m = manager.newSubManager()) {
            double[] v = c.evaluate(m.create(realisticBatch(3, 4))).toDoubleArray();
            assertEquals(3, v.length);
            for (double x : v) {
                assertEquals(6, x, 0);
            }
            try {
                c.evaluate(m.create(new float[] {1, 2, 3, 4, 5, 6}));
                fail("1-D predictions must be rejected");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("(B, 6)"));
            }
            try {
                c.evaluate(m.zeros(new ai.djl.ndarray.types.Shape(2, 5)));
                fail("wrong target count must be rejected");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("(B, 6)"));
            }
        }
    }

    @Test
    public void reportsAddUp() {
        DomainReport a = new DomainReport(10, 2, 1, Map.of("log(x) at column 10", 2L));
        DomainReport b = new DomainReport(5, 1, 0, Map.of("log(x) at column 10", 1L, "sqrt(y) at column 3", 1L));
        DomainReport s = DomainReport.EMPTY.plus(a).plus(b);
        assertEquals(15, s.samples());
        assertEquals(3, s.clampedSamples());
        assertEquals(1, s.nonFiniteSamples());
        assertEquals(Map.of("log(x) at column 10", 3L, "sqrt(y) at column 3", 1L), s.clampsBySite());
    }
}
