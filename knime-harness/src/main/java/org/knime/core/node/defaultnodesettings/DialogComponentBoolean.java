package org.knime.core.node.defaultnodesettings;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentBoolean} (a check box). */
public final class DialogComponentBoolean extends DialogComponent {

    private final String label;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        this.label = label;
    }

    /** Harness accessor: the check box text. */
    public String getLabel() {
        return label;
    }
}
