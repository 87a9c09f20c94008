package org.knime.core.node.defaultnodesettings;

import javax.swing.JButton;
import javax.swing.JComboBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentFileChooser, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: an editable path box and a browse button (which opens nothing here). The history id and the
 * suffixes only matter to KNIME's file dialog.
 */
public class DialogComponentFileChooser extends DialogComponent {

    private final JComboBox<String> path = new JComboBox<>();
    private final JButton browse = new JButton("Browse...");

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
            final String... validExtensions) {
        super(stringModel);
        path.setEditable(true);
        getComponentPanel().add(path);
        getComponentPanel().add(browse);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        path.setSelectedItem(((SettingsModelString) getModel()).getStringValue());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        Object selected = path.getSelectedItem();
        ((SettingsModelString) getModel()).setStringValue(selected == null ? null : selected.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        path.setEnabled(enabled);
        browse.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        path.setToolTipText(text);
    }
}
