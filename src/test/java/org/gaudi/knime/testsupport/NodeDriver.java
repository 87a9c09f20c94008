package org.gaudi.knime.testsupport;

import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeProgressMonitor;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Test support (not KNIME API): drives one node the way KNIME's framework does, so tests can exercise a
 * NodeModel headless: settings go through validate → load, configure checks port counts and spec kinds, execute checks
 * the outputs (count, non-null, type of each port, cancellation) and sets KNIME's empty-table warning.
 *
 * @param <T> the node model type
 */
public final class NodeDriver<T extends NodeModel> {

    private static final Class<?>[] NONE = {};

    private final NodeFactory<T> factory;
    private final T model;

    public NodeDriver(final NodeFactory<T> factory) {
        this.factory = factory;
        this.model = factory.createNodeModel();
    }

    /** A context with a fresh progress monitor. */
    public static ExecutionContext newExecutionContext() {
        return newExecutionContext(new DefaultNodeProgressMonitor());
    }

    /** A context reporting to (and cancellable through) the given monitor. */
    public static ExecutionContext newExecutionContext(final NodeProgressMonitor monitor) {
        return Reflect.construct(ExecutionContext.class, new Class<?>[] {NodeProgressMonitor.class}, monitor);
    }

    public T getNodeModel() {
        return model;
    }

    public NodeFactory<T> getFactory() {
        return factory;
    }

    public int getNrInPorts() {
        return (int) Reflect.callUnchecked(model, "getNrInPorts", NONE);
    }

    public int getNrOutPorts() {
        return (int) Reflect.callUnchecked(model, "getNrOutPorts", NONE);
    }

    public PortType getInPortType(final int index) {
        return inType(index);
    }

    public PortType getOutPortType(final int index) {
        return outType(index);
    }

    public int getNrNodeViews() {
        return (int) Reflect.callUnchecked(factory, "getNrNodeViews", NONE);
    }

    public boolean hasDialog() {
        return (boolean) Reflect.callUnchecked(factory, "hasDialog", NONE);
    }

    public NodeDialogPane createNodeDialogPane() {
        return (NodeDialogPane) Reflect.callUnchecked(factory, "createNodeDialogPane", NONE);
    }

    /** What the model writes into the {@code model} sub-config of a node's settings.xml. */
    public NodeSettings saveModelSettings() {
        NodeSettings s = new NodeSettings("model");
        Reflect.callUnchecked(model, "saveSettingsTo", new Class<?>[] {NodeSettingsWO.class}, s);
        return s;
    }

    public void validateModelSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        call(model, "validateSettings", new Class<?>[] {NodeSettingsRO.class}, settings);
    }

    /** As KNIME applies new settings: validate first, then load. */
    public void loadModelSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        call(model, "validateSettings", new Class<?>[] {NodeSettingsRO.class}, settings);
        call(model, "loadValidatedSettingsFrom", new Class<?>[] {NodeSettingsRO.class}, settings);
    }

    /** Opens the dialog on settings: as KNIME does when the user opens the configuration dialog. */
    public static void loadDialogSettings(final NodeDialogPane dialog, final NodeSettingsRO settings,
            final PortObjectSpec[] specs) throws NotConfigurableException {
        try {
            Reflect.call(dialog, "loadSettingsFrom", new Class<?>[] {NodeSettingsRO.class, PortObjectSpec[].class},
                    settings, specs);
        } catch (NotConfigurableException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies the dialog: the settings it writes. */
    public static NodeSettings saveDialogSettings(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        call(dialog, "saveSettingsTo", new Class<?>[] {NodeSettingsWO.class}, s);
        return s;
    }

    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkInputs(inSpecs, "spec");
        setWarning(null);
        Reflect.callUnchecked(model, "clearPushedFlowVariables", NONE);
        PortObjectSpec[] out = (PortObjectSpec[]) call(model, "configure",
                new Class<?>[] {PortObjectSpec[].class}, (Object) inSpecs.clone());
        if (out == null || out.length != getNrOutPorts()) {
            throw new IllegalStateException("configure() of " + model.getClass().getSimpleName() + " returned "
                    + (out == null ? "null" : out.length + " specs") + " for " + getNrOutPorts() + " output ports");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && outType(i).getPortObjectClass() == BufferedDataTable.class
                    && !(out[i] instanceof DataTableSpec)) {
                throw new IllegalStateException("configure() returned " + out[i].getClass().getSimpleName()
                        + " for data output port " + i);
            }
        }
        return out;
    }

    public PortObject[] execute(final ExecutionContext exec, final PortObject... inObjects) throws Exception {
        checkInputs(inObjects, "object");
        setWarning(null);
        Reflect.callUnchecked(model, "clearPushedFlowVariables", NONE);
        PortObject[] out = (PortObject[]) Reflect.call(model, "execute",
                new Class<?>[] {PortObject[].class, ExecutionContext.class}, inObjects.clone(), exec);
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
            Class<? extends PortObject> expected = outType(i).getPortObjectClass();
            if (!expected.isInstance(out[i])) {
                throw new IllegalStateException("Output " + i + " is " + out[i].getClass().getName()
                        + ", expected " + expected.getName());
            }
            if (out[i] instanceof BufferedDataTable) {
                anyTable = true;
                anyRows |= ((BufferedDataTable) out[i]).size() > 0;
            }
        }
        String warning = (String) Reflect.callUnchecked(model, "getWarningMessage", NONE);
        if (anyTable && !anyRows && (warning == null || warning.isEmpty())) {
            setWarning("Node created an empty data table.");
        }
        return out;
    }

    private void checkInputs(Object[] in, String what) {
        if (in.length != getNrInPorts()) {
            throw new IllegalArgumentException("Expected " + getNrInPorts() + " input " + what + "s, got "
                    + in.length);
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null && !inType(i).isOptional()) {
                throw new IllegalArgumentException("Input port " + i + " is not optional but has no " + what);
            }
        }
    }

    /** The warning the model set during the last configure/execute, or null. */
    public String getWarningMessage() {
        return (String) Reflect.callUnchecked(model, "getWarningMessage", NONE);
    }

    /**
     * The flow variables the model pushed during the last configure/execute (name to String, Integer or Double), in
     * push order.
     */
    public java.util.Map<String, Object> getPushedFlowVariables() {
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) Reflect.callUnchecked(model, "getPushedFlowVariables", NONE);
        return vars;
    }

    public void reset() {
        setWarning(null);
        Reflect.callUnchecked(model, "clearPushedFlowVariables", NONE);
        Reflect.callUnchecked(model, "reset", NONE);
    }

    private PortType inType(final int index) {
        return (PortType) Reflect.callUnchecked(model, "getInPortType", new Class<?>[] {int.class}, index);
    }

    private PortType outType(final int index) {
        return (PortType) Reflect.callUnchecked(model, "getOutPortType", new Class<?>[] {int.class}, index);
    }

    private void setWarning(final String message) {
        Reflect.callUnchecked(model, "setWarningMessage", new Class<?>[] {String.class}, message);
    }

    /** Calls a framework method that may throw InvalidSettingsException (rethrown as is). */
    private static Object call(final Object target, final String name, final Class<?>[] types, final Object... args)
            throws InvalidSettingsException {
        try {
            return Reflect.call(target, name, types, args);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
