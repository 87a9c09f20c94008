package org.gaudi.core.diffusion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.nn.EgnnDynamics;
import org.junit.Test;

/** The polynomial_2 schedule against GaUDI's reference values (spec §5.2). */
public class NoiseScheduleTest {
    private final NoiseSchedule schedule = NoiseSchedule.standard();

    // t, alpha^2, sigma^2, gamma (spec §5.2 table)
    private static final double[][] REFERENCE = {
        {0, 0.99999, 1.0e-5, -11.5129},
        {1, 0.999988, 1.2e-5, -11.3306},
        {10, 0.99979, 2.10e-4, -8.4683},
        {100, 0.98009, 0.01991, -3.8964},
        {250, 0.87890, 0.12110, -1.9820},
        {500, 0.56250, 0.43750, -0.2513},
        {750, 0.19141, 0.80859, 1.4409},
        {900, 0.036109, 0.96389, 3.2844},
        {999, 1.40e-5, 0.999986, 11.1767},
        {1000, 1.0004e-5, 0.99999, 11.5125},
    };

    @Test
    public void matchesReferenceTable() {
        assertEquals(1000, schedule.timesteps());
        assertEquals(1001, schedule.gammaTable().length);
        for (double[] row : REFERENCE) {
            int t = (int) row[0];
            assertEquals("gamma at " + t, row[3], schedule.gamma(t), 1e-4);
            assertEquals("alpha^2 at " + t, row[1], schedule.alpha2(t), Math.abs(row[1]) * 2e-3);
            assertEquals("sigma^2 at " + t, row[2], schedule.sigma2(t), Math.abs(row[2]) * 2e-2);
            assertEquals(1.0, schedule.alpha2(t) + schedule.sigma2(t), 1e-12);
        }
        assertEquals(0.00316, schedule.sigma(0), 1e-5);
        // start-up check of the reference code: 8 * sigma_0 < 1 / max(4, 10)
        assertTrue(8 * schedule.sigma(0) < 0.1);
    }

    @Test
    public void gammaIsStrictlyIncreasing() {
        float[] g = schedule.gammaTable();
        for (int k = 1; k < g.length; k++) {
            assertTrue("gamma must increase at " + k, g[k] > g[k - 1]);
        }
    }

    @Test
    public void transitionQuantitiesAreConsistent() {
        int[][] pairs = {{1, 0}, {2, 1}, {500, 499}, {1000, 999}, {1000, 0}, {700, 300}};
        for (int[] p : pairs) {
            int t = p[0];
            int s = p[1];
            double a = schedule.alphaTGivenS(t, s);
            double s2 = schedule.sigma2TGivenS(t, s);
            // alpha_t = alpha_{t|s} alpha_s and sigma_t^2 = alpha_{t|s}^2 sigma_s^2 + sigma_{t|s}^2
            assertEquals(schedule.alpha(t), a * schedule.alpha(s), 1e-9);
            assertEquals(schedule.sigma2(t), a * a * schedule.sigma2(s) + s2, 1e-9);
            assertTrue(s2 > 0 && s2 < 1);
            assertTrue(schedule.stepSigma(t, s) > 0);
        }
        assertEquals(500, schedule.index(0.5));
        assertEquals(1000, schedule.index(1.0));
    }

    /**
     * A model file keeps its own γ table: a non-default schedule (T = 200, power 3) written into an EDM file and read
     * back gives the same float32 table bit for bit and the same derived quantities, not the default schedule.
     */
    @Test
    public void storedTableRoundTripsThroughAModelFile() throws Exception {
        NoiseSchedule odd = NoiseSchedule.polynomial(200, 1e-4, 3.0);
        Path file = Files.createTempFile("schedule", ".gaudi-edm");
        try (NDManager m = Djl.call(
                () -> NDManager.newBaseManager(Device.cpu()))) {
            EgnnDynamics net = new EgnnDynamics(1, 4, 1);
            Djl.run(() -> net.initializeParameters(m, 3));
            EquivariantDiffusion d = new EquivariantDiffusion(net, odd, GorFeaturizer.cata(3));
            Djl.run(() -> EdmModelFile.archive(d, null).write(file));
            NoiseSchedule back = Djl.call(() -> EdmModelFile.load(
                    ModelArchive.read(file), m).diffusion().schedule());
            assertEquals(200, back.timesteps());
            float[] expected = odd.gammaTable();
            float[] actual = back.gammaTable();
            assertEquals(expected.length, actual.length);
            for (int k = 0; k < expected.length; k++) {
                assertEquals("gamma bits at " + k, Float.floatToIntBits(expected[k]), Float.floatToIntBits(actual[k]));
            }
            assertEquals(odd.sigma2TGivenS(10, 9), back.sigma2TGivenS(10, 9), 0);
            assertEquals(odd.stepSigma(200, 150), back.stepSigma(200, 150), 0);
            assertTrue("the file must not fall back to the default schedule",
                    Math.abs(back.gamma(100) - schedule.gamma(500)) > 1e-3);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsOutOfRangeStep() {
        schedule.gamma(1001);
    }
}
