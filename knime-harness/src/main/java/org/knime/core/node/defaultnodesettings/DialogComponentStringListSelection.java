package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentStringListSelection, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: a list of strings of which several may be selected, shown in a {@code JList}: loading selects the
 * model's strings that are in the list; saving stores the selection in the model (rejecting an empty one when a
 * selection is required); {@link #replaceListItems} swaps the list and keeps what is still selectable, else selects the
 * first item.
 */
public final class DialogComponentStringListSelection extends DialogComponent {

    private final JLabel label;
    private final boolean required;
    private final DefaultListModel<String> items = new DefaultListModel<>();
    private final JList<String> list = new JList<>(items);

    public DialogComponentStringListSelection(final SettingsModelStringArray stringModel, final String label,
            final String... list) {
        this(stringModel, label, Arrays.asList(list), true, -1);
    }

    public DialogComponentStringListSelection(final SettingsModelStringArray stringModel, final String label,
            final Collection<String> list, final boolean required, final int visibleRowCount) {
        super(stringModel);
        if (list == null) {
            throw new IllegalArgumentException("Selection list of strings shouldn't be null.");
        }
        if (required && list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of strings shouldn't be empty.");
        }
        for (String s : list) {
            if (s == null) {
                throw new NullPointerException("Options in the selection list can't be null");
            }
            items.addElement(s);
        }
        this.label = new JLabel(label);
        this.list.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        if (visibleRowCount > 0) {
            this.list.setVisibleRowCount(visibleRowCount);
        }
        getComponentPanel().add(this.label);
        getComponentPanel().add(new JScrollPane(this.list));
        this.required = required;
        updateComponent();
    }

    private SettingsModelStringArray model() {
        return (SettingsModelStringArray) getModel();
    }

    @Override
    protected void updateComponent() {
        select(model().getStringArrayValue());
        setEnabledComponents(getModel().isEnabled());
    }

    private boolean select(final String[] values) {
        list.clearSelection();
        if (values != null) {
            List<String> wanted = Arrays.asList(values);
            for (int i = 0; i < items.size(); i++) {
                if (wanted.contains(items.get(i))) {
                    list.addSelectionInterval(i, i);
                }
            }
        }
        return !list.isSelectionEmpty();
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (required && list.isSelectionEmpty()) {
            throw new InvalidSettingsException("Please select at least one item from the list.");
        }
        model().setStringArrayValue(list.getSelectedValuesList().toArray(new String[0]));
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        list.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        list.setToolTipText(text);
        label.setToolTipText(text);
    }

    /**
     * Replaces the selectable strings. The strings in {@code select} (or, if none are given, the current selection of
     * the model) stay selected where they are in the new list; if none is, the first item is selected. The model
     * follows the selection.
     */
    public void replaceListItems(final Collection<String> newItems, final String... select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new NullPointerException("The container with the new items can't be null");
        }
        String[] sel = select == null || select.length < 1 ? model().getStringArrayValue() : select;
        items.clear();
        newItems.forEach(items::addElement);
        if (!select(sel)) {
            list.setSelectedIndex(0);
        }
        model().setStringArrayValue(list.getSelectedValuesList().toArray(new String[0]));
    }
}
