package org.gaudi.core.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Molecules with properties, encoded as graphs of rings, plus every rejected record and where it came from, and every
 * loaded record whose geometry fell back to the benzenoid lattice instead of the given coordinates.
 */
public final class Dataset {
    private final String source;
    private final List<String> propertyNames;
    private final List<MoleculeRecord> records;
    private final List<Rejection> rejections;
    private final List<GeometryFallback> fallbacks;

    public Dataset(String source, List<String> propertyNames, List<MoleculeRecord> records,
            List<Rejection> rejections) {
        this(source, propertyNames, records, rejections, List.of());
    }

    public Dataset(String source, List<String> propertyNames, List<MoleculeRecord> records,
            List<Rejection> rejections, List<GeometryFallback> fallbacks) {
        this.source = source;
        this.fallbacks = List.copyOf(fallbacks);
        this.propertyNames = List.copyOf(propertyNames);
        this.records = List.copyOf(records);
        this.rejections = List.copyOf(rejections);
        for (MoleculeRecord r : this.records) {
            if (r.properties().length != this.propertyNames.size()) {
                throw new IllegalArgumentException("molecule " + r.id() + " has " + r.properties().length
                        + " property values, expected " + this.propertyNames.size());
            }
        }
    }

    /** Where the data came from (file path or "embedded ..."), for reports. */
    public String source() {
        return source;
    }

    public List<String> propertyNames() {
        return propertyNames;
    }

    public List<MoleculeRecord> records() {
        return records;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** Loaded records whose geometry came from the lattice instead of the coordinates the source was to give. */
    public List<GeometryFallback> geometryFallbacks() {
        return fallbacks;
    }

    /** Number of geometry fallbacks per reason, for summaries. */
    public Map<FallbackReason, Integer> fallbackCounts() {
        Map<FallbackReason, Integer> m = new TreeMap<>();
        for (GeometryFallback f : fallbacks) {
            m.merge(f.reason(), 1, Integer::sum);
        }
        return m;
    }

    public int size() {
        return records.size();
    }

    /** Index of a property column; -1 if absent. */
    public int propertyIndex(String name) {
        return propertyNames.indexOf(name);
    }

    /** Number of rejections per reason, for summaries. */
    public Map<RejectionReason, Integer> rejectionCounts() {
        Map<RejectionReason, Integer> m = new TreeMap<>();
        for (Rejection r : rejections) {
            m.merge(r.reason(), 1, Integer::sum);
        }
        return m;
    }
}
