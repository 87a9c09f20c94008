package org.gaudi.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

public class AdaptiveGradientClipperTest {
    private static NDManager manager;

    @BeforeClass
    public static void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterClass
    public static void tearDown() {
        manager.close();
    }

    private static double expectedThreshold(double[] queue) {
        return 1.5 * new Mean().evaluate(queue) + 2 * new StandardDeviation(false).evaluate(queue);
    }

    @Test
    public void startsFromTheSingleValue3000() {
        AdaptiveGradientClipper c = new AdaptiveGradientClipper();
        assertArrayEquals(new double[] {3000}, c.history(), 0);
        assertEquals(4500, c.threshold(), 1e-9);
    }

    @Test
    public void queueKeepsTheFiftyMostRecentNewestFirst() {
        AdaptiveGradientClipper c = new AdaptiveGradientClipper();
        Random r = new Random(3);
        List<Double> pushed = new ArrayList<>();
        pushed.add(3000.0);
        for (int i = 0; i < 70; i++) {
            double norm = 10 + 5 * r.nextDouble();
            double max = c.threshold();
            c.push(Math.min(norm, max));
            pushed.add(Math.min(norm, max));
            double[] h = c.history();
            assertEquals(Math.min(50, pushed.size()), h.length);
            assertEquals(pushed.get(pushed.size() - 1), h[0], 0);
            assertEquals(expectedThreshold(h), c.threshold(), 1e-9);
        }
        // the initial 3000 has been pushed out
        for (double d : c.history()) {
            assertTrue(d < 20);
        }
    }

    @Test
    public void clipsTotalNormAndRecordsTheThreshold() {
        AdaptiveGradientClipper c = new AdaptiveGradientClipper(50, 3000);
        c.restoreHistory(new double[] {10, 12, 8});
        double max = expectedThreshold(new double[] {10, 12, 8});
        NDArray a = manager.create(new float[] {30f, 40f}); // norm 50
        NDArray b = manager.create(new float[] {0f, 0f, 120f}); // norm 120
        List<NDArray> grads = List.of(a, b);
        double norm = GradientNorm.total(grads);
        assertEquals(130, norm, 1e-4);
        assertTrue(c.clip(grads, norm));
        assertEquals(max, GradientNorm.total(grads), 1e-4 * max);
        // direction kept
        assertArrayEquals(new float[] {(float) (30 * max / 130), (float) (40 * max / 130)}, a.toFloatArray(), 1e-4f);
        assertEquals(max, c.history()[0], 1e-12);
        assertEquals(4, c.history().length);
    }

    @Test
    public void leavesSmallGradientsAloneAndRecordsTheirNorm() {
        AdaptiveGradientClipper c = new AdaptiveGradientClipper();
        NDArray a = manager.create(new float[] {3f, 4f});
        double norm = GradientNorm.total(List.of(a));
        assertFalse(c.clip(List.of(a), norm));
        assertArrayEquals(new float[] {3f, 4f}, a.toFloatArray(), 0f);
        assertArrayEquals(new double[] {5, 3000}, c.history(), 1e-6);
    }

    @Test
    public void gradientNormIsNaNForNaNGradients() {
        NDArray a = manager.create(new float[] {Float.NaN, 1f});
        assertTrue(Double.isNaN(GradientNorm.total(List.of(a))));
        NDArray b = manager.create(new float[] {Float.POSITIVE_INFINITY, 1f});
        assertTrue(Double.isInfinite(GradientNorm.total(List.of(b))));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsOverlongHistory() {
        new AdaptiveGradientClipper(2, 3000).restoreHistory(new double[] {1, 2, 3});
    }
}
