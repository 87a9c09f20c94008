package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingResult;
import org.gaudi.core.train.TrainingSettings;

/** Timed training of a fresh copy of a model's architecture, for the benchmark's tokens per second. */
public final class ClmBenchmarkRun {
    private ClmBenchmarkRun() {
    }

    /**
     * Trains a freshly initialised network of {@code shape}'s configuration for {@code steps} steps of
     * {@code batch} sequences drawn from {@code sequences} (no validation) and returns predicted tokens per second.
     */
    public static double trainingTokensPerSecond(ClmModel shape, List<int[]> sequences, int batch, int steps,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[][]> items = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < batch * steps; i++) {
            int[] s = sequences.get(rng.nextInt(sequences.size()));
            items.add(new int[][] {s});
            tokens += s.length - 1;
        }
        int[] train = new int[items.size()];
        for (int i = 0; i < train.length; i++) {
            train[i] = i;
        }
        try (ClmModel fresh = ClmModel.initialise(shape.config(), shape.vocabulary(), shape.device(), seed)) {
            TrainingSettings s = ClmTrainingSettings.builder().epochs(1).batchSize(batch)
                    .seed(seed).build().trainerSettings();
            TrainingResult r = Djl.call(() -> new Trainer(s).fit(new ClmTrainable(fresh, false), items,
                    DataSplit.of(items.size(), train, new int[0], new int[0])));
            return tokens / r.seconds();
        }
    }
}
