package org.gaudi.cli.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

/** The frontier check of bench guidance: the gap a sampler reaches at a validity, interpolated between scales. */
public class GuidanceFrontierTest {

    @Test
    public void interpolatesWhereValidityCrossesTheThreshold() {
        // {valid, gap mean} at increasing scales, as bench guidance measured GaUDI's update
        List<double[]> gaudi = List.of(new double[] {0.91, 3.19}, new double[] {0.78, 3.63},
                new double[] {0.52, 3.74}, new double[] {0.30, 3.74});
        assertEquals(3.63 + 0.18 / 0.26 * 0.11, GuidanceBenchmark.reachedGap(gaudi, 0.6), 1e-12);
        // every run valid enough: the best measured gap, nothing extrapolated
        assertEquals(3.74, GuidanceBenchmark.reachedGap(gaudi, 0.2), 1e-12);
    }

    @Test
    public void aLaterMoreValidRunStillCounts() {
        List<double[]> bumpy = List.of(new double[] {0.9, 3.2}, new double[] {0.7, 3.5},
                new double[] {0.85, 3.6});
        assertEquals(3.6, GuidanceBenchmark.reachedGap(bumpy, 0.8), 1e-12);
        assertNull(GuidanceBenchmark.reachedGap(bumpy, 0.95));
    }
}
