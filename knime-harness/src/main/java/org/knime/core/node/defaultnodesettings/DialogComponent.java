package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponent}: a dialog element bound to a
 * {@link SettingsModel}. The harness transfers settings through the model but builds no Swing components.
 */
public abstract class DialogComponent {

    private final SettingsModel model;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel must not be null");
        }
        this.model = model;
    }

    public SettingsModel getModel() {
        return model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        model.dlgLoadSettingsFrom(settings, specs);
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        model.dlgSaveSettingsTo(settings);
    }
}
