package org.knime.core.node;

import org.knime.core.node.port.PortObjectSpec;

/** Harness stand-in for {@code org.knime.core.node.NodeDialogPane} (settings transfer only, no Swing). */
public abstract class NodeDialogPane {

    protected NodeDialogPane() {
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;
}
