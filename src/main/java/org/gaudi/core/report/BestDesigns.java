package org.gaudi.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignedMolecule;

/**
 * Picks the best valid designs of a sweep for display: valid molecules with an objective value from the guided runs
 * (all runs when none is guided), one per InChIKey (the best-scoring occurrence), ranked by the objective in its
 * direction, ties broken by the higher Hückel gap.
 */
public final class BestDesigns {

    /** A design on display and the run it came from. */
    public record Pick(int rank, double scale, DesignedMolecule molecule) {
    }

    private BestDesigns() {
    }

    /** The top {@code n} designs of a report's sweep. */
    public static List<Pick> select(SweepReport report, int n) {
        List<SweepRun> pool = report.guidedRuns().isEmpty() ? report.runs() : report.guidedRuns();
        return select(pool, report.direction(), n);
    }

    /** The top {@code n} designs of some runs. */
    public static List<Pick> select(List<SweepRun> runs, Direction direction, int n) {
        double sign = direction == Direction.MAXIMIZE ? -1 : 1; // ascending sort of sign × value puts the best first
        Map<String, Pick> byKey = new LinkedHashMap<>();
        Comparator<Pick> order = Comparator.<Pick>comparingDouble(p -> sign * p.molecule().objective())
                .thenComparingDouble(p -> -gap(p.molecule()));
        for (SweepRun run : runs) {
            for (DesignedMolecule m : run.result().molecules()) {
                if (!m.valid() || m.objective() == null || m.inchiKey() == null) {
                    continue;
                }
                Pick p = new Pick(0, run.scale(), m);
                Pick old = byKey.get(m.inchiKey());
                if (old == null || order.compare(p, old) < 0) {
                    byKey.put(m.inchiKey(), p);
                }
            }
        }
        List<Pick> all = new ArrayList<>(byKey.values());
        all.sort(order);
        List<Pick> top = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            Pick p = all.get(i);
            top.add(new Pick(i + 1, p.scale(), p.molecule()));
        }
        return top;
    }

    private static double gap(DesignedMolecule m) {
        return m.huckelGapEv() == null ? Double.NEGATIVE_INFINITY : m.huckelGapEv();
    }
}
