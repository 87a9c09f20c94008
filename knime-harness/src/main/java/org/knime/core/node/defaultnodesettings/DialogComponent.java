package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponent, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/**
 * Harness stand-in: a dialog element bound to a {@link SettingsModel}, drawn into its own panel. Loading runs
 * {@link #checkConfigurabilityBeforeLoad}, the model's dialog load and {@link #updateComponent()} (model to widgets);
 * saving runs {@link #validateSettingsBeforeSave()} (widgets to model) first, then the model's dialog save.
 */
public abstract class DialogComponent {

    private final SettingsModel model;
    private final JPanel panel = new JPanel();
    private PortObjectSpec[] lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel must not be null");
        }
        this.model = model;
    }

    public JPanel getComponentPanel() {
        return panel;
    }

    public final SettingsModel getModel() {
        return model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        checkConfigurabilityBeforeLoad(specs);
        lastSpecs = specs;
        model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        model.dlgSaveSettingsTo(settings);
    }

    protected final PortObjectSpec getLastTableSpec(final int portID) {
        if (lastSpecs == null || portID < 0 || portID >= lastSpecs.length) {
            return null;
        }
        return lastSpecs[portID];
    }

    public final void setEnabled(final boolean enabled) {
        setEnabledComponents(enabled);
    }

    protected abstract void updateComponent();

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);
}
