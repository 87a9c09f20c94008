package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: lays the added components out in tabs ("Options" first) and titled group panels, as KNIME
 * does, and loads and saves the settings of all components through their models.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String DEFAULT_TAB = "Options";

    private final List<DialogComponent> components = new ArrayList<>();
    private String defaultTabTitle = DEFAULT_TAB;
    private JPanel tab;
    private JPanel group;
    private boolean horizontal;

    public DefaultNodeSettingsPane() {
        tab = column();
        addTab(DEFAULT_TAB, tab);
    }

    private static JPanel column() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        return p;
    }

    public void addDialogComponent(final DialogComponent diaC) {
        components.add(diaC);
        (group != null ? group : tab).add(diaC.getComponentPanel());
    }

    public void createNewGroup(final String title) {
        closeCurrentGroup();
        group = new JPanel();
        group.setLayout(new BoxLayout(group, horizontal ? BoxLayout.X_AXIS : BoxLayout.Y_AXIS));
        group.setBorder(BorderFactory.createTitledBorder(title));
        tab.add(group);
    }

    public void closeCurrentGroup() {
        group = null;
    }

    public void createNewTab(final String tabTitle) {
        closeCurrentGroup();
        tab = column();
        addTab(tabTitle, tab);
    }

    public void setDefaultTabTitle(final String tabTitle) {
        renameTab(defaultTabTitle, tabTitle);
        defaultTabTitle = tabTitle;
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        this.horizontal = horizontal;
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        for (DialogComponent c : components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        // hook
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }
}
