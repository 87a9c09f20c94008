package org.gaudi.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gaudi.core.objective.Direction;

/**
 * Everything a design report shows: the runs of a guidance-scale sweep, what they optimised, the dataset yardstick and
 * the settings and seeds that reproduce them. Immutable; {@link HtmlReport} renders it.
 *
 * @param title        report title
 * @param created      when the runs were made (ISO-8601 text)
 * @param objective    canonical objective text, e.g. {@code maximize HMO_GAP_eV}
 * @param direction    the objective's direction (ranks the best designs)
 * @param objectiveGap whether the objective value is the predicted Hückel gap itself in eV (then the dataset's gap
 *                     is drawn on the objective's axis too)
 * @param runs         the sweep, sorted by scale on construction; at least one run
 * @param guidedScale  the scale called "guided" in the headline (one of the runs' scales, &gt; 0 unless the sweep
 *                     has no guided run)
 * @param reference    the dataset's Hückel gaps at the sampled ring count, or null
 * @param settings     run settings, in display order
 * @param seeds        every seed that matters, in display order
 * @param models       short descriptions of the models (and their files)
 * @param files        output files and what they hold
 * @param command      the command line that reproduces the run, or null
 */
public record SweepReport(String title, String created, String objective, Direction direction, boolean objectiveGap,
        List<SweepRun> runs, double guidedScale, DatasetReference reference, Map<String, Object> settings,
        Map<String, Object> seeds, Map<String, Object> models, Map<String, String> files, String command) {

    public SweepReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(direction, "direction");
        List<SweepRun> sorted = new ArrayList<>(runs);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        sorted.sort(Comparator.comparingDouble(SweepRun::scale));
        runs = List.copyOf(sorted);
        boolean found = false;
        for (SweepRun r : runs) {
            found |= r.scale() == guidedScale;
        }
        if (!found) {
            throw new IllegalArgumentException("the guided scale " + SweepRun.formatScale(guidedScale)
                    + " is not one of the runs' scales");
        }
        settings = copy(settings);
        seeds = copy(seeds);
        models = copy(models);
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The unguided run (scale 0), or null when the sweep has none. */
    public SweepRun unguided() {
        return runs.get(0).unguided() ? runs.get(0) : null;
    }

    /** The run called "guided" in the headline. */
    public SweepRun guided() {
        for (SweepRun r : runs) {
            if (r.scale() == guidedScale) {
                return r;
            }
        }
        throw new IllegalStateException("unreachable: guided scale checked on construction");
    }

    /** The runs with scale &gt; 0. */
    public List<SweepRun> guidedRuns() {
        return runs.stream().filter(r -> !r.unguided()).toList();
    }
}
