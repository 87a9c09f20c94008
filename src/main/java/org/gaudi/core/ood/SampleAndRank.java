package org.gaudi.core.ood;

import java.util.Comparator;
import java.util.List;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignedMolecule;

/**
 * The brute-force baseline that guidance has to beat: sample unguided, rank the valid molecules by the predictor's
 * objective value (what a user without guidance would do) and keep the k best. Ties keep generation order, so the
 * choice is deterministic.
 */
public final class SampleAndRank {
    private SampleAndRank() {
    }

    /**
     * The k valid molecules of a pool with the best predicted objective (fewer when the pool has fewer valid ones
     * with a defined objective).
     */
    public static List<DesignedMolecule> top(List<DesignedMolecule> pool, int k, Direction direction) {
        Comparator<DesignedMolecule> byPrediction = Comparator.comparingDouble(
                m -> direction.lossSign() * m.objective());
        return pool.stream().filter(m -> m.valid() && m.objective() != null).sorted(byPrediction)
                .limit(Math.max(0, k)).toList();
    }
}
