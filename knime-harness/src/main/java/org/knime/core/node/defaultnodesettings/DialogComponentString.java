package org.knime.core.node.defaultnodesettings;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentString} (a text field). */
public final class DialogComponentString extends DialogComponent {

    private final String label;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        super(stringModel);
        this.label = label;
    }

    /** Harness accessor: the label shown beside the field. */
    public String getLabel() {
        return label;
    }
}
