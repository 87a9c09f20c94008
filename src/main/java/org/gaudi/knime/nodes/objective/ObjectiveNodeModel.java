package org.gaudi.knime.nodes.objective;

import java.io.File;
import java.util.List;

import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.gaudi.knime.port.ObjectivePortObject;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Objective: turns an objective text such as {@code maximize HMO_GAP_eV} into an objective port bound to the
 * connected predictor's targets ({@link Objective#parse(String, List)}). Everything is checked at configure time:
 * the syntax when the settings are applied, the property names as soon as the predictor's spec is known, each with
 * the parser's positioned message. The canonical text is also pushed as the flow variable {@value #FLOW_VARIABLE}.
 */
public final class ObjectiveNodeModel extends NodeModel {

    /** The objective text, direction included. */
    public static final String CFG_OBJECTIVE = "objective";
    /** Flow variable holding the canonical objective text. */
    public static final String FLOW_VARIABLE = "gaudi.objective";

    private final SettingsModelString objective = createObjectiveModel();

    public ObjectiveNodeModel() {
        super(new PortType[] {PredictorPortObject.TYPE}, new PortType[] {ObjectivePortObject.TYPE});
    }

    static SettingsModelString createObjectiveModel() {
        return new SettingsModelString(CFG_OBJECTIVE, "");
    }

    /**
     * Syntax check of a non-blank objective text (property names are checked against the predictor later).
     *
     * @throws InvalidSettingsException with the parser's positioned message
     */
    static void checkSyntax(final String text) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            Objective.parse(text);
        } catch (ObjectiveSyntaxException e) {
            throw new InvalidSettingsException("Objective (setting '" + CFG_OBJECTIVE + "') " + e.getMessage(), e);
        }
    }

    /**
     * The objective bound to the predictor's targets.
     *
     * @throws InvalidSettingsException when the text is empty, malformed or names a property the predictor lacks
     */
    static Objective bind(final String text, final List<String> targetNames) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            throw new InvalidSettingsException("No objective entered: write e.g. 'maximize " + targetNames.get(0)
                    + "' (predictor targets: " + String.join(", ", targetNames) + ").");
        }
        try {
            return Objective.parse(text, targetNames);
        } catch (ObjectiveSyntaxException e) {
            throw new InvalidSettingsException("Objective (setting '" + CFG_OBJECTIVE + "') " + e.getMessage(), e);
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        String text = objective.getStringValue();
        PredictorPortObjectSpec predictor = (PredictorPortObjectSpec) inSpecs[0];
        if (predictor == null) {
            // KNIME configures only with known input specs; be defensive anyway
            checkSyntax(text);
            return new PortObjectSpec[] {null};
        }
        ObjectivePortObjectSpec spec = new ObjectivePortObjectSpec(bind(text,
                predictor.getModelInfo().targetNames()));
        pushFlowVariableString(FLOW_VARIABLE, spec.getObjectiveText());
        return new PortObjectSpec[] {spec};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        PredictorPortObject predictor = (PredictorPortObject) inObjects[0];
        ObjectivePortObjectSpec spec = new ObjectivePortObjectSpec(bind(objective.getStringValue(),
                predictor.getModelInfo().targetNames()));
        pushFlowVariableString(FLOW_VARIABLE, spec.getObjectiveText());
        return new PortObject[] {new ObjectivePortObject(spec)};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        objective.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        objective.validateSettings(settings);
        checkSyntax(objective.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue());
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        objective.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
