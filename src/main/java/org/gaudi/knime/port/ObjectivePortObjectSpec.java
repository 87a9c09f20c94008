package org.gaudi.knime.port;

import java.util.List;
import java.util.Objects;

import javax.swing.JComponent;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Spec of the objective port: the objective's canonical text (direction included, e.g. {@code maximize HMO_GAP_eV}),
 * its direction and the predictor target names it is bound to (in the predictor's output order). Everything the
 * Guided Sampler needs is known at configure time, so the spec is the whole objective; it is checked on
 * construction and on load by parsing the text against the target names.
 */
public final class ObjectivePortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml as the spec serializer of the objective port type. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ObjectivePortObjectSpec> {
    }

    static final String CFG_VERSION = "format_version";
    static final String CFG_TEXT = "objective";
    static final String CFG_DIRECTION = "direction";
    static final String CFG_TARGETS = "target_names";
    private static final int VERSION = 1;

    private Objective objective;

    /** For the serializer only. */
    public ObjectivePortObjectSpec() {
    }

    /** The spec of a bound objective. */
    public ObjectivePortObjectSpec(final Objective objective) {
        Objects.requireNonNull(objective, "objective");
        if (!objective.isBound()) {
            throw new IllegalArgumentException("objective '" + objective.sourceText()
                    + "' is not bound to a predictor's target names");
        }
        this.objective = objective;
    }

    /** The objective, bound to {@link #getTargetNames()}. */
    public Objective getObjective() {
        return objective;
    }

    /** Canonical text, e.g. {@code maximize HMO_GAP_eV}. */
    public String getObjectiveText() {
        return objective.toText();
    }

    public Direction getDirection() {
        return objective.direction();
    }

    /** The predictor targets in output order (the objective may read only some of them). */
    public List<String> getTargetNames() {
        return objective.targetNames();
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(CFG_VERSION, VERSION);
        model.addString(CFG_TEXT, objective.toText());
        model.addString(CFG_DIRECTION, objective.direction().name());
        model.addStringArray(CFG_TARGETS, objective.targetNames().toArray(new String[0]));
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        objective = read(model);
    }

    /** Reads what {@link #save} wrote, checking that text, direction and targets agree. */
    static Objective read(final ModelContentRO model) throws InvalidSettingsException {
        int version = model.getInt(CFG_VERSION);
        if (version != VERSION) {
            throw new InvalidSettingsException("unsupported objective format version " + version + " (this plugin "
                    + "reads version " + VERSION + "); update the GaUDI extension");
        }
        String text = model.getString(CFG_TEXT);
        List<String> targets = List.of(model.getStringArray(CFG_TARGETS));
        Objective o;
        try {
            o = Objective.parse(text, targets);
        } catch (ObjectiveSyntaxException | IllegalArgumentException e) {
            throw new InvalidSettingsException("stored objective '" + text + "' does not parse against targets "
                    + targets + ": " + e.getMessage(), e);
        }
        String direction = model.getString(CFG_DIRECTION);
        if (!o.direction().name().equals(direction)) {
            throw new InvalidSettingsException("stored objective '" + text + "' is to " + o.direction().keyword()
                    + " but the stored direction is " + direction);
        }
        return o;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ObjectiveView.create(objective)};
    }

    @Override
    public String toString() {
        return objective == null ? "ObjectivePortObjectSpec[empty]" : objective.toText();
    }
}
