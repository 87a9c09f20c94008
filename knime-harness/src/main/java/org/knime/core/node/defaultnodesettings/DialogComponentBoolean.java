package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentBoolean, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a check box labelled with the option's name. */
public final class DialogComponentBoolean extends DialogComponent {

    private final JCheckBox checkBox;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        checkBox = new JCheckBox(label);
        checkBox.setSelected(booleanModel.getBooleanValue());
        getComponentPanel().add(checkBox);
    }

    @Override
    protected void updateComponent() {
        checkBox.setSelected(((SettingsModelBoolean) getModel()).getBooleanValue());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelBoolean) getModel()).setBooleanValue(checkBox.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        checkBox.setEnabled(enabled);
    }

    public boolean isSelected() {
        return checkBox.isSelected();
    }

    @Override
    public void setToolTipText(final String text) {
        checkBox.setToolTipText(text);
    }
}
