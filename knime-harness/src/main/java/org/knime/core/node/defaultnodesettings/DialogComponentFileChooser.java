package org.knime.core.node.defaultnodesettings;

import java.util.List;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentFileChooser}. */
public class DialogComponentFileChooser extends DialogComponent {

    private final String historyID;
    private final List<String> validExtensions;

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
            final String... validExtensions) {
        super(stringModel);
        this.historyID = historyID;
        this.validExtensions = List.of(validExtensions);
    }

    /** Harness accessor: the id under which KNIME keeps the path history. */
    public String getHistoryID() {
        return historyID;
    }

    /** Harness accessor: the file name suffixes offered in the file dialog. */
    public List<String> getValidExtensions() {
        return validExtensions;
    }
}
