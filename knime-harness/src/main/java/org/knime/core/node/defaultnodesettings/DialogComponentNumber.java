package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentNumber, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a label and a spinner stepping by {@code stepSize}. */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel label;
    private final JSpinner spinner;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        super(numberModel);
        this.label = new JLabel(label);
        spinner = new JSpinner(new SpinnerNumberModel(value(numberModel), null, null, stepSize));
        getComponentPanel().add(this.label);
        getComponentPanel().add(spinner);
    }

    private static Number value(final SettingsModelNumber model) {
        String s = model.getNumberValueStr();
        if (model instanceof SettingsModelDouble) {
            return Double.valueOf(s);
        }
        return model instanceof SettingsModelLong ? (Number) Long.valueOf(s) : (Number) Integer.valueOf(s);
    }

    public JSpinner getSpinner() {
        return spinner;
    }

    public JLabel getLabel() {
        return label;
    }

    @Override
    protected void updateComponent() {
        spinner.setValue(value((SettingsModelNumber) getModel()));
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber) getModel()).setNumberValueStr(String.valueOf(spinner.getValue()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(label.getText() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        spinner.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        spinner.setToolTipText(text);
        label.setToolTipText(text);
    }
}
