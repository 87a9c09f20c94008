package org.gaudi.core.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gaudi.core.objective.Direction;

/**
 * Sample-and-rank, the goal-directed baseline of any generator: keep the valid, distinct molecules that have an
 * objective value and order them best first (highest for maximize, lowest for minimize). Works on the design rows of
 * any generator (unguided diffusion, the language model, or guided diffusion for comparison).
 */
public final class SampleAndRank {
    private SampleAndRank() {
    }

    /**
     * The best {@code k} valid, distinct (by InChI, first occurrence kept) molecules with an objective value, best
     * first; fewer when fewer qualify. Ties keep generation order.
     */
    public static List<DesignedMolecule> top(List<DesignedMolecule> rows, Direction direction, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        List<DesignedMolecule> ranked = ranked(rows, direction);
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /** All valid, distinct molecules with an objective value, best first. */
    public static List<DesignedMolecule> ranked(List<DesignedMolecule> rows, Direction direction) {
        double sign = direction.lossSign();
        Set<String> seen = new HashSet<>();
        List<DesignedMolecule> out = new ArrayList<>();
        for (DesignedMolecule m : rows) {
            if (m.valid() && m.objective() != null && seen.add(m.inchi())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingDouble(m -> sign * m.objective()));
        return out;
    }
}
