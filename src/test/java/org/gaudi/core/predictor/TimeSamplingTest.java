package org.gaudi.core.predictor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.Test;

/** The noise-level sampling option and the training settings that record it and the distance basis. */
public class TimeSamplingTest {

    @Test
    public void uniformDrawsExactlyTheReferenceSequence() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            assertEquals(b.nextInt(1001), TimeSampling.UNIFORM.draw(a, 1000));
        }
    }

    @Test
    public void mixtureDrawsTheRequestedShareFromTheLowRange() {
        TimeSampling s = new TimeSampling(0.5, 100);
        SplittableRandom rng = new SplittableRandom(9);
        int n = 20000;
        int low = 0;
        int max = 0;
        for (int i = 0; i < n; i++) {
            int t = s.draw(rng, 1000);
            assertTrue(t >= 0 && t <= 1000);
            low += t <= 100 ? 1 : 0;
            max = Math.max(max, t);
        }
        // P(t <= 100) = 0.5 + 0.5 * 101/1001 = 0.5504
        assertEquals(0.5504, (double) low / n, 0.015);
        assertTrue("the uniform part still reaches high noise", max > 990);
        SplittableRandom r2 = new SplittableRandom(1);
        TimeSampling clean = new TimeSampling(1, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, clean.draw(r2, 1000));
        }
    }

    @Test
    public void badValuesAreClearErrors() {
        for (double f : new double[] {-0.1, 1.5, Double.NaN}) {
            try {
                new TimeSampling(f, 10);
                fail("fraction " + f);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("fraction"));
            }
        }
        try {
            new TimeSampling(0.5, -1);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("time step"));
        }
        try {
            new TimeSampling(0.5, 2000).draw(new SplittableRandom(1), 1000);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("2000") && e.getMessage().contains("1000"));
        }
    }

    @Test
    public void settingsRecordSamplingAndBasisAndOldRecordsReadAsTheReference() {
        PredictorTrainingSettings s = PredictorTrainingSettings.builder().targets(List.of("a", "b")).layers(3)
                .hidden(40).distanceBasis(24).timeSampling(new TimeSampling(0.25, 50)).build();
        Map<String, Object> m = s.toMap();
        PredictorTrainingSettings back = PredictorTrainingSettings.fromMap(m);
        assertEquals(new TimeSampling(0.25, 50), back.timeSampling());
        assertEquals(24, back.distanceBasis());
        assertEquals(m, back.toMap());
        // a record written before these options existed: the reference sampling and network
        m.remove("timeSampling");
        m.remove("distanceBasis");
        PredictorTrainingSettings old = PredictorTrainingSettings.fromMap(m);
        assertTrue(old.timeSampling().isUniform());
        assertEquals(0, old.distanceBasis());
        try {
            PredictorTrainingSettings.builder().distanceBasis(1);
            fail("one basis function is not a basis");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("distance basis"));
        }
    }
}
