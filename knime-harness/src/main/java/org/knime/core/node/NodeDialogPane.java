package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.NodeDialogPane, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: a dialog is a panel of tabs (Swing components work headless); settings go through
 * {@link #loadSettingsFrom} / {@link #saveSettingsTo}. No flow-variable or job-manager tabs.
 */
public abstract class NodeDialogPane {

    private final JPanel panel = new JPanel(new BorderLayout());
    private final JTabbedPane tabs = new JTabbedPane();

    protected NodeDialogPane() {
        panel.add(tabs, BorderLayout.CENTER);
    }

    public final JPanel getPanel() {
        return panel;
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    protected final void addTab(final String title, final Component comp) {
        if (tabs.indexOfTab(title) >= 0) {
            throw new IllegalArgumentException("Panel with title '" + title + "' already exists!");
        }
        tabs.addTab(title, comp);
    }

    protected final void renameTab(final String oldName, final String newName) {
        int i = tabs.indexOfTab(oldName);
        if (i >= 0) {
            tabs.setTitleAt(i, newName);
        }
    }
}
