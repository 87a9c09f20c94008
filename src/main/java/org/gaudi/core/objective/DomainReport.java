package org.gaudi.core.objective;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the batched evaluation had to do to stay finite (see {@link DomainPolicy}). Reports add up with
 * {@link #plus}, so a sampler can accumulate one over all its steps.
 *
 * @param samples samples (rows) evaluated
 * @param clampedSamples samples for which at least one guard replaced an argument
 * @param nonFiniteSamples samples whose value is still NaN or infinite (NaN inputs or overflow)
 * @param clampsBySite per guard site, e.g. {@code "log(GAP_eV - 3) at column 10"}, how many samples it clamped
 */
public record DomainReport(long samples, long clampedSamples, long nonFiniteSamples, Map<String, Long> clampsBySite) {

    /** A report for no samples. */
    public static final DomainReport EMPTY = new DomainReport(0, 0, 0, Map.of());

    public DomainReport {
        clampsBySite = Collections.unmodifiableMap(new LinkedHashMap<>(clampsBySite));
    }

    /** @return whether every sample was evaluated exactly and is finite */
    public boolean isClean() {
        return clampedSamples == 0 && nonFiniteSamples == 0;
    }

    /** @return the sum of both reports (counts added site by site) */
    public DomainReport plus(DomainReport other) {
        Map<String, Long> sites = new LinkedHashMap<>(clampsBySite);
        other.clampsBySite.forEach((k, v) -> sites.merge(k, v, Long::sum));
        return new DomainReport(samples + other.samples, clampedSamples + other.clampedSamples,
                nonFiniteSamples + other.nonFiniteSamples, sites);
    }

    /** @return a one-line human summary */
    @Override
    public String toString() {
        if (isClean()) {
            return samples + " samples, all evaluated exactly";
        }
        String sites = clampsBySite.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        return samples + " samples: " + clampedSamples + " evaluated on the clamped domain"
                + (sites.isEmpty() ? "" : " (" + sites + ")") + ", " + nonFiniteSamples + " non-finite";
    }
}
