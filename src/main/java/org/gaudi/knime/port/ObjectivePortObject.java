package org.gaudi.knime.port;

import javax.swing.JComponent;

import org.gaudi.core.objective.Objective;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Port carrying a design objective over a property predictor's outputs, e.g. {@code maximize HMO_GAP_eV}. An
 * {@link AbstractSimplePortObject}: the objective is a short text, so it is stored as KNIME model content (readable
 * XML) rather than as a binary entry; the object holds the same objective as its {@link ObjectivePortObjectSpec}
 * (which downstream configure() already sees) and checks on load that both agree.
 */
public final class ObjectivePortObject extends AbstractSimplePortObject {

    /** Registered in plugin.xml as the object serializer of the objective port type. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<ObjectivePortObject> {
    }

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ObjectivePortObject.class);

    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(ObjectivePortObject.class, true);

    private ObjectivePortObjectSpec spec;

    /** For the serializer only. */
    public ObjectivePortObject() {
    }

    public ObjectivePortObject(final ObjectivePortObjectSpec spec) {
        if (spec == null || spec.getObjective() == null) {
            throw new NullPointerException("objective spec");
        }
        this.spec = spec;
    }

    /** The objective, bound to the predictor's target names. */
    public Objective getObjective() {
        return spec.getObjective();
    }

    @Override
    public ObjectivePortObjectSpec getSpec() {
        return spec;
    }

    @Override
    public String getSummary() {
        return spec.getObjectiveText();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ObjectiveView.create(spec.getObjective())};
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        spec.save(model);
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec loadedSpec, final ExecutionMonitor exec)
            throws InvalidSettingsException, CanceledExecutionException {
        if (!(loadedSpec instanceof ObjectivePortObjectSpec)) {
            throw new InvalidSettingsException("objective port expects an ObjectivePortObjectSpec but the workflow "
                    + "holds " + (loadedSpec == null ? "no spec" : loadedSpec.getClass().getSimpleName()));
        }
        Objective stored = ObjectivePortObjectSpec.read(model);
        ObjectivePortObjectSpec s = (ObjectivePortObjectSpec) loadedSpec;
        if (!stored.equals(s.getObjective())) {
            throw new InvalidSettingsException("objective port content '" + stored.toText() + "' differs from its "
                    + "spec '" + s.getObjectiveText() + "'");
        }
        spec = s;
    }
}
