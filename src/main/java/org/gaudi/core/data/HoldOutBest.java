package org.gaudi.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes the best molecules of every ring count from a dataset, so that models trained on the rest can be asked
 * to design beyond what they saw. For each ring count with n molecules, the floor(q * n) molecules with the
 * highest value of the property leave the dataset (ties broken by id, so the split is deterministic).
 */
public final class HoldOutBest {
    private final String property;
    private final double fraction;

    /**
     * @param property the property column that defines "best" (higher is better)
     * @param fraction the share q of each ring count to hold out, in [0, 1)
     */
    public HoldOutBest(String property, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must be in [0, 1), got " + fraction);
        }
        this.property = property;
        this.fraction = fraction;
    }

    /** The dataset without its held-out molecules; its source names the hold-out. */
    public Split apply(Dataset data) {
        int column = data.propertyIndex(property);
        if (column < 0) {
            throw new IllegalArgumentException("cannot hold out the best by '" + property + "': the data has "
                    + (data.propertyNames().isEmpty() ? "no property columns" : "only " + data.propertyNames()));
        }
        Map<Integer, List<MoleculeRecord>> byRings = new TreeMap<>();
        for (MoleculeRecord r : data.records()) {
            byRings.computeIfAbsent(r.ringCount(), k -> new ArrayList<>()).add(r);
        }
        List<MoleculeRecord> kept = new ArrayList<>();
        List<MoleculeRecord> heldOut = new ArrayList<>();
        Map<Integer, Double> trainingMax = new TreeMap<>();
        Comparator<MoleculeRecord> best = Comparator.comparingDouble((MoleculeRecord r) -> -r.property(column))
                .thenComparing(MoleculeRecord::id);
        for (Map.Entry<Integer, List<MoleculeRecord>> e : byRings.entrySet()) {
            List<MoleculeRecord> sorted = new ArrayList<>(e.getValue());
            sorted.sort(best);
            int cut = (int) Math.floor(fraction * sorted.size());
            heldOut.addAll(sorted.subList(0, cut));
            if (cut < sorted.size()) {
                trainingMax.put(e.getKey(), sorted.get(cut).property(column));
            }
        }
        java.util.Set<MoleculeRecord> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        out.addAll(heldOut);
        for (MoleculeRecord r : data.records()) {
            if (!out.contains(r)) {
                kept.add(r); // keeps the original order, so seeded splits stay comparable
            }
        }
        String source = String.format(Locale.ROOT, "%s, best %.4g %% by %s per ring count held out (%d molecules)",
                data.source(), 100 * fraction, property, heldOut.size());
        Dataset rest = new Dataset(source, data.propertyNames(), kept, data.rejections(),
                data.geometryFallbacks());
        return new Split(rest, heldOut, trainingMax);
    }

    private static final java.util.regex.Pattern IN_SOURCE = java.util.regex.Pattern.compile(
            ", best ([0-9.]+(?:[eE][-+]?[0-9]+)?) % by (\\S+) per ring count held out \\(");

    /**
     * The hold-out named in a dataset source that {@link #apply} wrote (e.g. the source recorded in a model header),
     * so a model tells which molecules it was not allowed to see; empty when the source names none.
     */
    public static java.util.Optional<HoldOutBest> fromSource(String source) {
        java.util.regex.Matcher m = IN_SOURCE.matcher(source == null ? "" : source);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new HoldOutBest(m.group(2), Double.parseDouble(m.group(1)) / 100));
    }

    public String property() {
        return property;
    }

    public double fraction() {
        return fraction;
    }

    /**
     * The outcome: the dataset that remains, the molecules held out, and per ring count the highest property
     * value left for training.
     */
    public record Split(Dataset kept, List<MoleculeRecord> heldOut, Map<Integer, Double> trainingMax) {
        public Split {
            heldOut = List.copyOf(heldOut);
            trainingMax = Map.copyOf(trainingMax);
        }
    }
}
