package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane}: loads and saves the
 * settings of all added components through their models (as KNIME does); layout calls are recorded, not drawn.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> components = new ArrayList<>();
    private final List<String> layout = new ArrayList<>();
    private final java.util.Map<DialogComponent, String> groupOf = new java.util.IdentityHashMap<>();
    private String currentGroup;

    public DefaultNodeSettingsPane() {
    }

    public void addDialogComponent(final DialogComponent diaC) {
        components.add(diaC);
        groupOf.put(diaC, currentGroup);
        layout.add("component:" + diaC.getModel());
    }

    public final void createNewGroup(final String title) {
        currentGroup = title;
        layout.add("group:" + title);
    }

    public final void closeCurrentGroup() {
        currentGroup = null;
        layout.add("endgroup");
    }

    public final void createNewTab(final String tabTitle) {
        layout.add("tab:" + tabTitle);
    }

    public final void setDefaultTabTitle(final String tabTitle) {
        layout.add("defaulttab:" + tabTitle);
    }

    public final void setHorizontalPlacement(final boolean horizontal) {
        layout.add("horizontal:" + horizontal);
    }

    /** Harness accessor: the components in the order they were added. */
    public final List<DialogComponent> getDialogComponents() {
        return Collections.unmodifiableList(components);
    }

    /** Harness accessor: the title of the group a component was added to, or null. */
    public final String getGroupTitle(final DialogComponent component) {
        return groupOf.get(component);
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
