package org.gaudi.knime.nodes.reader;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the GOR Dataset Reader; every component is bound to a settings model factory of the NodeModel. */
final class GorDatasetReaderNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_SOURCE = "Dataset";
    static final String LABEL_MIN_RINGS = "Minimum rings";
    static final String LABEL_MAX_RINGS = "Maximum rings";
    static final String LABEL_PROPERTIES = "Properties";

    GorDatasetReaderNodeDialog() {
        createNewGroup("Source");
        addDialogComponent(new DialogComponentStringSelection(GorDatasetReaderNodeModel.createSourceModel(),
                LABEL_SOURCE, GorDatasetReaderNodeModel.SOURCES));
        closeCurrentGroup();
        createNewGroup("Molecules");
        addDialogComponent(new DialogComponentNumber(GorDatasetReaderNodeModel.createMinRingsModel(),
                LABEL_MIN_RINGS, 1));
        addDialogComponent(new DialogComponentNumber(GorDatasetReaderNodeModel.createMaxRingsModel(),
                LABEL_MAX_RINGS, 1));
        addDialogComponent(new DialogComponentString(GorDatasetReaderNodeModel.createPropertiesModel(),
                LABEL_PROPERTIES));
        closeCurrentGroup();
    }
}
