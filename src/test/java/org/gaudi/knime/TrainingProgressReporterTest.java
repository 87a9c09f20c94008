package org.gaudi.knime;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;

import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingProgress;
import org.junit.Test;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionMonitor;

/** Training progress arrives in KNIME's monitor as fraction and readable message; epochs are kept. */
public class TrainingProgressReporterTest {

    @Test
    public void stepsAndEpochsReachTheMonitor() {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        TrainingProgressReporter r = new TrainingProgressReporter(new ExecutionProgress(new ExecutionMonitor(mon)));
        r.onStep(new TrainingProgress(0, 4, 5, 10, 5, 40, 0.9, 0.812345, Double.NaN, Double.NaN,
                Duration.ofSeconds(3), Duration.ofSeconds(24)));
        assertEquals(0.125, mon.getProgress(), 1e-12);
        assertEquals("epoch 1 of 4, step 5 of 10, loss 0.8123, about 24 s left", mon.getMessage());
        EpochStats e0 = new EpochStats(0, 0.8, 0.7, 1.0, 2.0, 0, 10, 6.0, true);
        r.onEpochEnd(e0, new TrainingProgress(0, 4, 10, 10, 10, 40, 0.7, 0.8, 0.7, 0.7, Duration.ofSeconds(6),
                Duration.ofMinutes(40)));
        assertEquals(0.25, mon.getProgress(), 1e-12);
        assertEquals("epoch 1 of 4, step 10 of 10, loss 0.8000 (validation 0.7000), about 40 min left",
                mon.getMessage());
        assertEquals(List.of(e0), r.epochs());
        assertEquals("2.5 h", TrainingProgressReporter.humanise(Duration.ofMinutes(150)));
    }
}
