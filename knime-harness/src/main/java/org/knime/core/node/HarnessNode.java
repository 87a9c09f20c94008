package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * <b>Harness only, not part of KNIME.</b> Drives one node the way KNIME's framework does, so tests can exercise a
 * NodeModel headless: settings go through validate → load, configure checks port counts and spec kinds, execute checks
 * the outputs (count, non-null, type of each port, cancellation) and sets KNIME's empty-table warning.
 *
 * @param <T> the node model type
 */
public final class HarnessNode<T extends NodeModel> {

    private final NodeFactory<T> factory;
    private final T model;

    public HarnessNode(final NodeFactory<T> factory) {
        this.factory = factory;
        this.model = factory.createNodeModel();
    }

    /** A context with a fresh progress monitor. */
    public static ExecutionContext newExecutionContext() {
        return new ExecutionContext(new DefaultNodeProgressMonitor());
    }

    /** A context reporting to (and cancellable through) the given monitor. */
    public static ExecutionContext newExecutionContext(final NodeProgressMonitor monitor) {
        return new ExecutionContext(monitor);
    }

    public T getNodeModel() {
        return model;
    }

    public NodeFactory<T> getFactory() {
        return factory;
    }

    public int getNrInPorts() {
        return model.getNrInPorts();
    }

    public int getNrOutPorts() {
        return model.getNrOutPorts();
    }

    public PortType getInPortType(final int index) {
        return model.getInPortType(index);
    }

    public PortType getOutPortType(final int index) {
        return model.getOutPortType(index);
    }

    public int getNrNodeViews() {
        return factory.getNrNodeViews();
    }

    public boolean hasDialog() {
        return factory.hasDialog();
    }

    public NodeDialogPane createNodeDialogPane() {
        return factory.createNodeDialogPane();
    }

    /** What the model writes into the {@code model} sub-config of a node's settings.xml. */
    public NodeSettings saveModelSettings() {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    public void validateModelSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    /** As KNIME applies new settings: validate first, then load. */
    public void loadModelSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    /** Opens the dialog on settings: as KNIME does when the user opens the configuration dialog. */
    public static void loadDialogSettings(final NodeDialogPane dialog, final NodeSettingsRO settings,
            final PortObjectSpec[] specs) throws NotConfigurableException {
        dialog.loadSettingsFrom(settings, specs);
    }

    /** Applies the dialog: the settings it writes. */
    public static NodeSettings saveDialogSettings(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        dialog.saveSettingsTo(s);
        return s;
    }

    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkInputs(inSpecs, "spec");
        model.setWarningMessage(null);
        model.clearPushedFlowVariables();
        PortObjectSpec[] out = model.configure(inSpecs.clone());
        if (out == null || out.length != getNrOutPorts()) {
            throw new IllegalStateException("configure() of " + model.getClass().getSimpleName() + " returned "
                    + (out == null ? "null" : out.length + " specs") + " for " + getNrOutPorts() + " output ports");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && model.getOutPortType(i).getPortObjectClass() == BufferedDataTable.class
                    && !(out[i] instanceof DataTableSpec)) {
                throw new IllegalStateException("configure() returned " + out[i].getClass().getSimpleName()
                        + " for data output port " + i);
            }
        }
        return out;
    }

    public PortObject[] execute(final ExecutionContext exec, final PortObject... inObjects) throws Exception {
        checkInputs(inObjects, "object");
        model.setWarningMessage(null);
        model.clearPushedFlowVariables();
        PortObject[] out = model.execute(inObjects.clone(), exec);
        exec.checkCanceled();
        if (out == null || out.length != getNrOutPorts()) {
            throw new IllegalStateException("Invalid result. Execution failed. Reason: Incorrect implementation; "
                    + "the execute method in " + model.getClass().getSimpleName()
                    + " returned null or an incorrect number of output tables.");
        }
        boolean anyTable = false;
        boolean anyRows = false;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("Invalid result. Execution failed, reason: data at output " + i
                        + " is null.");
            }
            Class<? extends PortObject> expected = model.getOutPortType(i).getPortObjectClass();
            if (!expected.isInstance(out[i])) {
                throw new IllegalStateException("Output " + i + " is " + out[i].getClass().getName()
                        + ", expected " + expected.getName());
            }
            if (out[i] instanceof BufferedDataTable) {
                anyTable = true;
                anyRows |= ((BufferedDataTable) out[i]).size() > 0;
            }
        }
        String warning = model.getWarningMessage();
        if (anyTable && !anyRows && (warning == null || warning.isEmpty())) {
            model.setWarningMessage("Node created an empty data table.");
        }
        return out;
    }

    private void checkInputs(Object[] in, String what) {
        if (in.length != getNrInPorts()) {
            throw new IllegalArgumentException("Expected " + getNrInPorts() + " input " + what + "s, got "
                    + in.length);
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null && !model.getInPortType(i).isOptional()) {
                throw new IllegalArgumentException("Input port " + i + " is not optional but has no " + what);
            }
        }
    }

    /** The warning the model set during the last configure/execute, or null. */
    public String getWarningMessage() {
        return model.getWarningMessage();
    }

    /**
     * The flow variables the model pushed during the last configure/execute (name to String, Integer or Double), in
     * push order.
     */
    public java.util.Map<String, Object> getPushedFlowVariables() {
        return model.getPushedFlowVariables();
    }

    public void reset() {
        model.setWarningMessage(null);
        model.clearPushedFlowVariables();
        model.reset();
    }
}
