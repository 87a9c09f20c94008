package org.gaudi.knime.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * What downstream nodes must know about a trained model without opening its file: its kind, the ring-type
 * vocabulary (one-hot order), the predicted targets with units, the noise schedule and step count, the maximum
 * ring count, key hyper-parameters and metrics. Immutable; saved to and loaded from KNIME model content.
 */
public final class ModelInfo {

    /** A predicted property: its column name and unit (unit may be empty). */
    public static final class Target {
        private final String name;
        private final String unit;

        public Target(final String name, final String unit) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("target name must not be empty");
            }
            this.name = name;
            this.unit = unit == null ? "" : unit;
        }

        public String name() {
            return name;
        }

        public String unit() {
            return unit;
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Target && ((Target) o).name.equals(name) && ((Target) o).unit.equals(unit);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + unit.hashCode();
        }

        @Override
        public String toString() {
            return unit.isEmpty() ? name : name + " [" + unit + "]";
        }
    }

    static final String CFG_VERSION = "format_version";
    static final String CFG_KIND = "kind";
    static final String CFG_VOCABULARY = "vocabulary";
    static final String CFG_TARGET_NAMES = "target_names";
    static final String CFG_TARGET_UNITS = "target_units";
    static final String CFG_SCHEDULE = "schedule";
    static final String CFG_TIMESTEPS = "timesteps";
    static final String CFG_MAX_RINGS = "max_rings";
    static final String CFG_HYPER_KEYS = "hyper_parameter_names";
    static final String CFG_HYPER_VALUES = "hyper_parameter_values";
    static final String CFG_METRIC_NAMES = "metric_names";
    static final String CFG_METRIC_VALUES = "metric_values";
    private static final int VERSION = 1;

    private final String kind;
    private final List<String> vocabulary;
    private final List<Target> targets;
    private final String schedule;
    private final int timesteps;
    private final int maxRings;
    private final Map<String, String> hyperParameters;
    private final Map<String, Double> metrics;

    private ModelInfo(Builder b) {
        if (b.kind == null || b.kind.isBlank()) {
            throw new IllegalArgumentException("model kind must not be empty");
        }
        this.kind = b.kind;
        this.vocabulary = List.copyOf(b.vocabulary);
        this.targets = List.copyOf(b.targets);
        this.schedule = b.schedule == null ? "" : b.schedule;
        this.timesteps = b.timesteps;
        this.maxRings = b.maxRings;
        this.hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.hyperParameters));
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        Set<String> seen = new HashSet<>();
        for (Target t : targets) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("duplicate target name '" + t.name() + "'");
            }
        }
        if (new HashSet<>(vocabulary).size() != vocabulary.size()) {
            throw new IllegalArgumentException("vocabulary has duplicate entries: " + vocabulary);
        }
        if (timesteps < 0 || maxRings < 0) {
            throw new IllegalArgumentException("timesteps and max rings must not be negative");
        }
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (m.getValue() == null) {
                throw new IllegalArgumentException("metric '" + m.getKey() + "' has no value");
            }
        }
    }

    /** Starts a description of a model of the given kind (e.g. "edm", "predictor"). */
    public static Builder builder(final String kind) {
        return new Builder(kind);
    }

    public String kind() {
        return kind;
    }

    /** Ring-type keys in one-hot order. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Predicted targets in output order (empty for models that predict nothing). */
    public List<Target> targets() {
        return targets;
    }

    /** Target names in output order. */
    public List<String> targetNames() {
        List<String> n = new ArrayList<>(targets.size());
        for (Target t : targets) {
            n.add(t.name());
        }
        return n;
    }

    /** Noise schedule name (e.g. "polynomial_2"); empty if the model has none. */
    public String schedule() {
        return schedule;
    }

    /** Diffusion steps T of the schedule; 0 if none. */
    public int timesteps() {
        return timesteps;
    }

    /** Largest number of rings the model handles; 0 if unknown. */
    public int maxRings() {
        return maxRings;
    }

    /** Key hyper-parameters for display, in insertion order. */
    public Map<String, String> hyperParameters() {
        return hyperParameters;
    }

    /** Metrics (e.g. validation loss, MAE per target), in insertion order. */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** One line for a port summary, e.g. "edm: T=1000 polynomial_2, ≤11 rings, 11 ring types". */
    public String summary() {
        StringBuilder sb = new StringBuilder(kind).append(':');
        if (timesteps > 0) {
            sb.append(" T=").append(timesteps).append(' ').append(schedule).append(',');
        }
        if (maxRings > 0) {
            sb.append(" ≤").append(maxRings).append(" rings,");
        }
        sb.append(' ').append(vocabulary.size()).append(" ring types");
        if (!targets.isEmpty()) {
            sb.append(", targets ").append(targets);
        }
        return sb.toString();
    }

    /** Lines "name: value" of everything, for the port view. */
    public List<String[]> rows() {
        List<String[]> r = new ArrayList<>();
        r.add(new String[] {"kind", kind});
        r.add(new String[] {"ring types", String.join(", ", vocabulary)});
        if (!targets.isEmpty()) {
            r.add(new String[] {"targets", targets.toString().replaceAll("^\\[|\\]$", "")});
        }
        if (timesteps > 0) {
            r.add(new String[] {"schedule", schedule + ", T = " + timesteps});
        }
        if (maxRings > 0) {
            r.add(new String[] {"max rings", Integer.toString(maxRings)});
        }
        hyperParameters.forEach((k, v) -> r.add(new String[] {k, v}));
        metrics.forEach((k, v) -> r.add(new String[] {k, String.format(Locale.ROOT, "%.6g", v)}));
        return r;
    }

    /** Writes everything into {@code model}. */
    public void save(final ModelContentWO model) {
        model.addInt(CFG_VERSION, VERSION);
        model.addString(CFG_KIND, kind);
        model.addStringArray(CFG_VOCABULARY, vocabulary.toArray(new String[0]));
        model.addStringArray(CFG_TARGET_NAMES, targets.stream().map(Target::name).toArray(String[]::new));
        model.addStringArray(CFG_TARGET_UNITS, targets.stream().map(Target::unit).toArray(String[]::new));
        model.addString(CFG_SCHEDULE, schedule);
        model.addInt(CFG_TIMESTEPS, timesteps);
        model.addInt(CFG_MAX_RINGS, maxRings);
        model.addStringArray(CFG_HYPER_KEYS, hyperParameters.keySet().toArray(new String[0]));
        model.addStringArray(CFG_HYPER_VALUES, hyperParameters.values().toArray(new String[0]));
        model.addStringArray(CFG_METRIC_NAMES, metrics.keySet().toArray(new String[0]));
        model.addDoubleArray(CFG_METRIC_VALUES, metrics.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Reads what {@link #save} wrote; fails with a message naming the broken entry. */
    public static ModelInfo load(final ModelContentRO model) throws InvalidSettingsException {
        int version = model.getInt(CFG_VERSION);
        if (version != VERSION) {
            throw new InvalidSettingsException("unsupported model description version " + version + " (this "
                    + "plugin reads version " + VERSION + "); update the GaUDI extension");
        }
        try {
            return read(model);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("invalid model description: " + e.getMessage(), e);
        }
    }

    private static ModelInfo read(final ModelContentRO model) throws InvalidSettingsException {
        Builder b = builder(model.getString(CFG_KIND));
        for (String v : model.getStringArray(CFG_VOCABULARY)) {
            b.vocabularyEntry(v);
        }
        String[] names = model.getStringArray(CFG_TARGET_NAMES);
        String[] units = model.getStringArray(CFG_TARGET_UNITS);
        checkSameLength(names.length, units.length, CFG_TARGET_NAMES, CFG_TARGET_UNITS);
        for (int i = 0; i < names.length; i++) {
            b.target(names[i], units[i]);
        }
        b.schedule(model.getString(CFG_SCHEDULE), model.getInt(CFG_TIMESTEPS));
        b.maxRings(model.getInt(CFG_MAX_RINGS));
        String[] hk = model.getStringArray(CFG_HYPER_KEYS);
        String[] hv = model.getStringArray(CFG_HYPER_VALUES);
        checkSameLength(hk.length, hv.length, CFG_HYPER_KEYS, CFG_HYPER_VALUES);
        for (int i = 0; i < hk.length; i++) {
            b.hyperParameter(hk[i], hv[i]);
        }
        String[] mk = model.getStringArray(CFG_METRIC_NAMES);
        double[] mv = model.getDoubleArray(CFG_METRIC_VALUES);
        checkSameLength(mk.length, mv.length, CFG_METRIC_NAMES, CFG_METRIC_VALUES);
        for (int i = 0; i < mk.length; i++) {
            b.metric(mk[i], mv[i]);
        }
        return b.build();
    }

    private static void checkSameLength(int a, int b, String ka, String kb) throws InvalidSettingsException {
        if (a != b) {
            throw new InvalidSettingsException("model description entries '" + ka + "' (" + a + ") and '" + kb
                    + "' (" + b + ") differ in length");
        }
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof ModelInfo)) {
            return false;
        }
        ModelInfo m = (ModelInfo) o;
        return kind.equals(m.kind) && vocabulary.equals(m.vocabulary) && targets.equals(m.targets)
                && schedule.equals(m.schedule) && timesteps == m.timesteps && maxRings == m.maxRings
                && hyperParameters.equals(m.hyperParameters) && metrics.equals(m.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, vocabulary, targets, schedule, timesteps, maxRings, hyperParameters, metrics);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Collects a {@link ModelInfo}. */
    public static final class Builder {
        private final String kind;
        private final List<String> vocabulary = new ArrayList<>();
        private final List<Target> targets = new ArrayList<>();
        private String schedule = "";
        private int timesteps;
        private int maxRings;
        private final Map<String, String> hyperParameters = new LinkedHashMap<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder vocabulary(final List<String> ringTypes) {
            vocabulary.clear();
            vocabulary.addAll(ringTypes);
            return this;
        }

        public Builder vocabularyEntry(final String ringType) {
            vocabulary.add(Objects.requireNonNull(ringType, "ring type"));
            return this;
        }

        public Builder target(final String name, final String unit) {
            targets.add(new Target(name, unit));
            return this;
        }

        public Builder schedule(final String name, final int steps) {
            schedule = name;
            timesteps = steps;
            return this;
        }

        public Builder maxRings(final int rings) {
            maxRings = rings;
            return this;
        }

        public Builder hyperParameter(final String name, final Object value) {
            hyperParameters.put(Objects.requireNonNull(name, "name"), String.valueOf(value));
            return this;
        }

        public Builder metric(final String name, final double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("metric '" + name + "' is not finite: " + value);
            }
            metrics.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        public ModelInfo build() {
            return new ModelInfo(this);
        }
    }
}
