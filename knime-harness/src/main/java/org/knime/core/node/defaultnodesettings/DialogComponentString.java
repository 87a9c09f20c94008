package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentString, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a label and a text field. */
public final class DialogComponentString extends DialogComponent {

    private final JLabel label;
    private final JTextField field = new JTextField(15);

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        super(stringModel);
        this.label = new JLabel(label);
        getComponentPanel().add(this.label);
        getComponentPanel().add(field);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String value = ((SettingsModelString) getModel()).getStringValue();
        field.setText(value == null ? "" : value);
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String old = ((SettingsModelString) getModel()).getStringValue();
        // an untouched null value stays null, as the field cannot show the difference
        if (!(old == null && field.getText().isEmpty())) {
            ((SettingsModelString) getModel()).setStringValue(field.getText());
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        field.setToolTipText(text);
        label.setToolTipText(text);
    }
}
