package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

// Mirrors org.knime.core.node.NodeModel, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: port types, the configure/execute pairs (general ports
 * delegating to data-table ports by default), the settings and internals hooks, warning message and logger. The
 * framework side (driving a model) is the test support.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final NodeLogger logger;
    private final PortType[] inPortTypes;
    private final PortType[] outPortTypes;
    private String warningMessage;
    private final Map<String, Object> pushedFlowVariables = new LinkedHashMap<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(dataPorts(nrInDataPorts), dataPorts(nrOutDataPorts));
    }

    private static PortType[] dataPorts(int n) {
        PortType[] t = new PortType[n];
        Arrays.fill(t, BufferedDataTable.TYPE);
        return t;
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        logger = NodeLogger.getLogger(getClass());
        this.inPortTypes = checkPorts(inPortTypes, "InPortType");
        this.outPortTypes = checkPorts(outPortTypes, "OutPortType");
    }

    private static PortType[] checkPorts(PortType[] types, String what) {
        if (types == null) {
            return new PortType[0];
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "[" + i + "] must not be null!");
            }
        }
        return types.clone();
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] in = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input port " + i + " does not hold a table spec but "
                        + inSpecs[i].getClass().getSimpleName()
                        + "; likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            in[i] = (DataTableSpec) inSpecs[i];
        }
        return configure(in);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] in = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException(String.format("Input port %d does not hold data table but %s; Likely reason: "
                        + "wrong version of NodeModel.execute() overwritten!", i,
                        inObjects[i].getClass().getSimpleName()));
            }
            in[i] = (BufferedDataTable) inObjects[i];
        }
        return execute(in, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void reset();

    protected void onDispose() {
        // subclass hook
    }

    protected final void setWarningMessage(final String warningMessage) {
        this.warningMessage = warningMessage;
    }

    protected final String getWarningMessage() {
        return warningMessage;
    }

    /** Puts a string flow variable onto the node's outgoing stack (a later push of the same name overrides it). */
    protected final void pushFlowVariableString(final String name, final String value) {
        pushFlowVariable(name, value);
    }

    /** Puts an integer flow variable onto the node's outgoing stack. */
    protected final void pushFlowVariableInt(final String name, final int value) {
        pushFlowVariable(name, value);
    }

    /** Puts a double flow variable onto the node's outgoing stack. */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        pushFlowVariable(name, value);
    }

    private void pushFlowVariable(String name, Object value) {
        if (name == null) {
            throw new NullPointerException("Flow variable name must not be null");
        }
        if (value == null) {
            throw new NullPointerException("Flow variable value must not be null");
        }
        pushedFlowVariables.remove(name);
        pushedFlowVariables.put(name, value);
    }

    /** The variables pushed so far (name to String, Integer or Double), in push order; read by the test support. */
    private Map<String, Object> getPushedFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(pushedFlowVariables));
    }

    /** Forgets the pushed variables, as the framework does when it re-configures or resets a node. */
    private void clearPushedFlowVariables() {
        pushedFlowVariables.clear();
    }

    protected final NodeLogger getLogger() {
        return logger;
    }

    protected final int getNrInPorts() {
        return inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return outPortTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return inPortTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return outPortTypes[index];
    }
}
