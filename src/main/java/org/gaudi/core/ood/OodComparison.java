package org.gaudi.core.ood;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.oracle.EmbeddedSpace;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignedMolecule;

/**
 * Guided design against its baselines on one ring count, scored exactly: unguided sampling, guided sampling at each
 * scale, and for each scale <b>sample-and-rank</b> at equal molecule count — the unguided run's molecules (as many as
 * the guided run sampled, same seed) ranked by the predictor's objective, of which the top k are kept, k being the
 * number of valid designs the guided run proposes. Both methods hand the chemist k molecules made from the same
 * number of samples; only the way they were steered differs.
 *
 * @param rings         the ring count compared
 * @param spaceSize     molecules with that ring count in the embedded space
 * @param spaceBest     the best exact value among them
 * @param trainingMax   the best exact value among the molecules of that ring count the models' data held (null when
 *                      the models' data holds none, e.g. other datasets)
 * @param trainingCount molecules of that ring count the models' data held
 * @param beyondInSpace molecules of the space strictly better than the training maximum (what there was to find)
 * @param unguided      figures of the unguided run (all its valid molecules)
 * @param scales        per guided scale, ascending
 */
public record OodComparison(int rings, int spaceSize, double spaceBest, Double trainingMax, int trainingCount,
        int beyondInSpace, OodFigures unguided, List<Scale> scales) {

    /** Method names as printed. */
    public static final String GUIDED = "guided";
    public static final String UNGUIDED = "unguided";
    public static final String SAMPLE_AND_RANK = "sample-and-rank";

    /** One guided scale: the guided run's figures and sample-and-rank's at the same k. */
    public record Scale(double scale, OodFigures guided, OodFigures sampleAndRank) {
    }

    public OodComparison {
        scales = List.copyOf(scales);
    }

    /**
     * Scores the runs of a sweep.
     *
     * @param runs scale → result, with the unguided run at scale 0 and at least one guided scale; every run must use
     *             the same seed and molecule count (the unguided run is the sample-and-rank pool)
     */
    public static OodComparison of(ExactOracle oracle, TrainingReference training, int rings,
            Map<Double, DesignResult> runs) {
        return of(oracle, training, rings, runs, null);
    }

    /**
     * As {@link #of(ExactOracle, TrainingReference, int, Map)}, naming the guided method and its sample-and-rank
     * match after a sampler variant ({@code guided-smc}, {@code sample-and-rank-smc}) when {@code variant} is given.
     */
    public static OodComparison of(ExactOracle oracle, TrainingReference training, int rings,
            Map<Double, DesignResult> runs, String variant) {
        String guidedName = variant == null ? GUIDED : GUIDED + "-" + variant;
        String rankedName = variant == null ? SAMPLE_AND_RANK : SAMPLE_AND_RANK + "-" + variant;
        Objects.requireNonNull(oracle, "oracle");
        Map<Double, DesignResult> sorted = new TreeMap<>(runs);
        DesignResult pool = sorted.get(0.0);
        if (pool == null) {
            throw new IllegalArgumentException("an OOD comparison needs the unguided run (scale 0) as the baseline");
        }
        EmbeddedSpace space = EmbeddedSpace.of(rings);
        Double trainingMax = training.trainingMax(oracle, rings);
        Direction direction = oracle.criterion().direction();
        OodFigures unguided = figures(UNGUIDED, 0, pool, pool.validMolecules(), oracle, training, trainingMax);
        List<Scale> scales = new ArrayList<>();
        for (Map.Entry<Double, DesignResult> e : sorted.entrySet()) {
            if (e.getKey() == 0) {
                continue;
            }
            DesignResult guided = e.getValue();
            if (guided.molecules().size() != pool.molecules().size()) {
                throw new IllegalArgumentException("scale " + e.getKey() + " sampled " + guided.molecules().size()
                        + " molecules but the unguided pool " + pool.molecules().size()
                        + "; sample-and-rank needs equal molecule counts");
            }
            List<DesignedMolecule> proposed = guided.validMolecules();
            OodFigures g = figures(guidedName, e.getKey(), guided, proposed, oracle, training, trainingMax);
            List<DesignedMolecule> top = SampleAndRank.top(pool.molecules(), proposed.size(), direction);
            OodFigures r = figures(rankedName, e.getKey(), pool, top, oracle, training, trainingMax);
            scales.add(new Scale(e.getKey(), g, r));
        }
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("an OOD comparison needs at least one guided scale (> 0)");
        }
        return new OodComparison(rings, space.size(), oracle.bestValue(rings), trainingMax,
                training.seenCount(rings), beyond(oracle, space, trainingMax), unguided, scales);
    }

    private static OodFigures figures(String method, double scale, DesignResult run, List<DesignedMolecule> proposed,
            ExactOracle oracle, TrainingReference training, Double trainingMax) {
        return OodFigures.of(method, scale, run.molecules().size(), run.summary().valid(), proposed, oracle, training,
                trainingMax, run.summary().seconds());
    }

    private static int beyond(ExactOracle oracle, EmbeddedSpace space, Double trainingMax) {
        if (trainingMax == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < space.size(); i++) {
            double v = oracle.value(space, i);
            n += Double.isFinite(v) && oracle.better(v, trainingMax) ? 1 : 0;
        }
        return n;
    }

    /** Percentile of the training maximum in the space (the line guided designs have to cross), or null. */
    public Double trainingMaxPercentile() {
        return trainingMax == null ? null : 100.0 * (spaceSize - (beyondInSpace + 1)) / spaceSize;
    }

    /** The scale whose guided run has the largest share beyond the training maximum (ties: the smaller scale). */
    public Scale bestScale() {
        Scale best = scales.get(0);
        for (Scale s : scales) {
            if (s.guided().beyondFraction() > best.guided().beyondFraction()) {
                best = s;
            }
        }
        return best;
    }
}
