package org.knime.core.node.defaultnodesettings;

import java.util.Collection;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentStringSelection, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a label and a drop-down list of strings. */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel label;
    private final JComboBox<String> combo = new JComboBox<>();

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
            final String... list) {
        this(stringModel, label, List.of(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
            final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of strings shouldn't be null or empty");
        }
        this.label = new JLabel(label);
        for (String s : list) {
            combo.addItem(s);
        }
        getComponentPanel().add(this.label);
        getComponentPanel().add(combo);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String value = ((SettingsModelString) getModel()).getStringValue();
        if (value != null) {
            combo.setSelectedItem(value);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String current = ((SettingsModelString) getModel()).getStringValue();
        // a stored value the list does not offer is kept, as KNIME keeps it until the user picks another
        if (indexOf(current) >= 0 && combo.getSelectedItem() != null) {
            ((SettingsModelString) getModel()).setStringValue((String) combo.getSelectedItem());
        }
    }

    private int indexOf(final String s) {
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItemAt(i).equals(s)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        combo.setToolTipText(text);
        label.setToolTipText(text);
    }
}
