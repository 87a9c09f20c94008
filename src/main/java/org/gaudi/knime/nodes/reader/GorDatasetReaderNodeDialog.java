package org.gaudi.knime.nodes.reader;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Dialog of the GOR Dataset Reader; every component is bound to a settings model factory of the NodeModel, and the
 * settings a source does not use are disabled (the same rule as the model's).
 */
final class GorDatasetReaderNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_SOURCE = "Dataset";
    static final String LABEL_SPACE = "Embedded space";
    static final String GROUP_FILE = "Input file";
    static final String GROUP_XYZ = "xyz geometries";
    static final String LABEL_ID_FIELD = "SDF id field";
    static final String LABEL_MIN_RINGS = "Minimum rings";
    static final String LABEL_MAX_RINGS = "Maximum rings";
    static final String LABEL_PROPERTIES = "Properties";

    GorDatasetReaderNodeDialog() {
        SettingsModelString source = GorDatasetReaderNodeModel.createSourceModel();
        SettingsModelString file = GorDatasetReaderNodeModel.createFileModel();
        SettingsModelString xyz = GorDatasetReaderNodeModel.createXyzSourceModel();
        SettingsModelString idField = GorDatasetReaderNodeModel.createSdfIdFieldModel();
        SettingsModelIntegerBounded minRings = GorDatasetReaderNodeModel.createMinRingsModel();
        SettingsModelString space = GorDatasetReaderNodeModel.createSpaceModel();
        source.addChangeListener(e -> GorDatasetReaderNodeModel.updateEnabled(source, file, xyz, idField, minRings,
                space));
        GorDatasetReaderNodeModel.updateEnabled(source, file, xyz, idField, minRings, space);

        createNewGroup("Source");
        addDialogComponent(new DialogComponentStringSelection(source, LABEL_SOURCE,
                GorDatasetReaderNodeModel.SOURCES));
        addDialogComponent(new DialogComponentStringSelection(space, LABEL_SPACE, GorDatasetReaderNodeModel.SPACES));
        closeCurrentGroup();
        createNewGroup(GROUP_FILE);
        addDialogComponent(new DialogComponentFileChooser(file, "org.gaudi.knime.reader.file", ".csv", ".sdf",
                ".sd"));
        closeCurrentGroup();
        createNewGroup(GROUP_XYZ);
        addDialogComponent(new DialogComponentFileChooser(xyz, "org.gaudi.knime.reader.xyz", ".tar.gz", ".tgz"));
        closeCurrentGroup();
        createNewGroup("Molecules");
        addDialogComponent(new DialogComponentString(idField, LABEL_ID_FIELD));
        addDialogComponent(new DialogComponentNumber(minRings, LABEL_MIN_RINGS, 1));
        addDialogComponent(new DialogComponentNumber(GorDatasetReaderNodeModel.createMaxRingsModel(),
                LABEL_MAX_RINGS, 1));
        addDialogComponent(new DialogComponentString(GorDatasetReaderNodeModel.createPropertiesModel(),
                LABEL_PROPERTIES));
        closeCurrentGroup();
    }
}
