package org.knime.core.node.defaultnodesettings;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentNumber} (a spinner). */
public class DialogComponentNumber extends DialogComponent {

    private final String label;
    private final Number stepSize;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        super(numberModel);
        this.label = label;
        this.stepSize = stepSize;
    }

    /** Harness accessor: the label shown beside the spinner. */
    public String getLabel() {
        return label;
    }

    /** Harness accessor: the spinner's step. */
    public Number getStepSize() {
        return stepSize;
    }
}
