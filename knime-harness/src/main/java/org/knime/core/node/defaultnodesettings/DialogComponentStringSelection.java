package org.knime.core.node.defaultnodesettings;

import java.util.Collection;
import java.util.List;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentStringSelection}. */
public final class DialogComponentStringSelection extends DialogComponent {

    private final String label;
    private final List<String> list;

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
        this.label = label;
        this.list = List.copyOf(list);
    }

    /** Harness accessor: the label. */
    public String getLabel() {
        return label;
    }

    /** Harness accessor: the choices offered. */
    public List<String> getChoices() {
        return list;
    }
}
