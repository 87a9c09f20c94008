package org.gaudi.core.xtb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts of a batch's outcomes per {@link XtbOutcome.Status}, its wall-clock seconds, and the first failure. */
public final class XtbTally {
    private final EnumMap<XtbOutcome.Status, Integer> counts = new EnumMap<>(XtbOutcome.Status.class);
    private double seconds;
    private String firstFailure;

    public XtbTally() {
        for (XtbOutcome.Status s : XtbOutcome.Status.values()) {
            counts.put(s, 0);
        }
    }

    /** Counts one outcome. */
    public void add(XtbOutcome o) {
        counts.merge(o.status(), 1, Integer::sum);
        seconds += o.seconds();
        if (!o.ok() && firstFailure == null) {
            firstFailure = o.error();
        }
    }

    public int count(XtbOutcome.Status s) {
        return counts.get(s);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int ok() {
        return count(XtbOutcome.Status.OK);
    }

    public int failed() {
        return total() - ok();
    }

    /** Sum of the runs' wall-clock seconds. */
    public double seconds() {
        return seconds;
    }

    /** The first failure's "status: message", or null. */
    public String firstFailure() {
        return firstFailure;
    }

    /** "ok 28, timeout 1, exit-code 1" (zero counts of failures left out). */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<XtbOutcome.Status, Integer> e : counts.entrySet()) {
            if (e.getKey() == XtbOutcome.Status.OK || e.getValue() > 0) {
                parts.add(e.getKey().key() + " " + e.getValue());
            }
        }
        return String.join(", ", parts);
    }

    /** {@code <prefix>-ok}, one {@code <prefix>-<status>} per failure status, {@code <prefix>-seconds}. */
    public Map<String, String> lines(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<XtbOutcome.Status, Integer> e : counts.entrySet()) {
            m.put(prefix + "-" + e.getKey().key(), Integer.toString(e.getValue()));
        }
        m.put(prefix + "-seconds", String.format(Locale.ROOT, "%.1f", seconds));
        return m;
    }

    /** Counts by status key and seconds, for summary JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<XtbOutcome.Status, Integer> e : counts.entrySet()) {
            m.put(e.getKey().key(), e.getValue());
        }
        m.put("seconds", seconds);
        if (firstFailure != null) {
            m.put("firstFailure", firstFailure);
        }
        return m;
    }
}
