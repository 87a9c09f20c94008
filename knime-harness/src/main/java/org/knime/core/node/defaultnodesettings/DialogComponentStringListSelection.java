package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;

/**
 * Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentStringListSelection}: a list of
 * strings of which several may be selected. The harness keeps the list and the selection (in list order) instead of
 * a Swing {@code JList}: loading selects the model's strings that are in the list; saving stores the selection in
 * the model (rejecting an empty one when a selection is required); {@link #replaceListItems} swaps the list and keeps
 * what is still selectable, else selects the first item.
 */
public final class DialogComponentStringListSelection extends DialogComponent {

    private final String label;
    private final boolean required;
    private final List<String> items = new ArrayList<>();
    private final List<String> selection = new ArrayList<>();

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
            items.add(s);
        }
        this.label = label;
        this.required = required;
        updateComponent();
    }

    private SettingsModelStringArray model() {
        return (SettingsModelStringArray) getModel();
    }

    @Override
    protected void updateComponent() {
        select(model().getStringArrayValue());
    }

    private boolean select(final String[] values) {
        selection.clear();
        if (values != null) {
            List<String> wanted = Arrays.asList(values);
            for (String item : items) {
                if (wanted.contains(item)) {
                    selection.add(item);
                }
            }
        }
        return !selection.isEmpty();
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (required && selection.isEmpty()) {
            throw new InvalidSettingsException("Please select at least one item from the list.");
        }
        model().setStringArrayValue(selection.toArray(new String[0]));
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
        items.addAll(newItems);
        if (!select(sel)) {
            selection.add(items.get(0));
        }
        model().setStringArrayValue(selection.toArray(new String[0]));
    }

    /** Harness accessor: the label. */
    public String getLabel() {
        return label;
    }

    /** Harness accessor: the strings offered. */
    public List<String> getChoices() {
        return List.copyOf(items);
    }

    /** Harness accessor: the selected strings in list order. */
    public List<String> getSelection() {
        return List.copyOf(selection);
    }
}
