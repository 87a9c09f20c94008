package org.gaudi.core.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Molecules with properties, encoded as graphs of rings, plus every rejected record and where it came from. */
public final class Dataset {
    private final String source;
    private final List<String> propertyNames;
    private final List<MoleculeRecord> records;
    private final List<Rejection> rejections;

    public Dataset(String source, List<String> propertyNames, List<MoleculeRecord> records,
            List<Rejection> rejections) {
        this.source = source;
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
