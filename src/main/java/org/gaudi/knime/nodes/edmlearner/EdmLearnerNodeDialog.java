package org.gaudi.knime.nodes.edmlearner;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the EDM Learner; every component is bound to a settings model factory of the NodeModel. */
final class EdmLearnerNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_GOR_COLUMN = "Graph-of-rings column";
    static final String LABEL_LAYERS = "Layers";
    static final String LABEL_HIDDEN = "Hidden width";
    static final String LABEL_MAX_RINGS = "Maximum rings";
    static final String LABEL_EPOCHS = "Epochs";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_EMA = "Average the weights (EMA)";
    static final String LABEL_VALIDATION = "Validation fraction";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_DEVICE = "Device";

    @SuppressWarnings("unchecked")
    EdmLearnerNodeDialog() {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(EdmLearnerNodeModel.createGorColumnModel(),
                LABEL_GOR_COLUMN, 0, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Network");
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createLayersModel(), LABEL_LAYERS, 1));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createHiddenModel(), LABEL_HIDDEN, 16));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createMaxRingsModel(), LABEL_MAX_RINGS,
                1));
        closeCurrentGroup();
        createNewGroup("Training");
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createEpochsModel(), LABEL_EPOCHS, 10));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createBatchSizeModel(), LABEL_BATCH_SIZE,
                32));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createLearningRateModel(),
                LABEL_LEARNING_RATE, 1e-4));
        addDialogComponent(new DialogComponentBoolean(EdmLearnerNodeModel.createEmaModel(), LABEL_EMA));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createValidationFractionModel(),
                LABEL_VALIDATION, 0.05));
        addDialogComponent(new DialogComponentNumber(EdmLearnerNodeModel.createSeedModel(), LABEL_SEED, 1));
        addDialogComponent(new DialogComponentStringSelection(EdmLearnerNodeModel.createDeviceModel(), LABEL_DEVICE,
                EdmLearnerNodeModel.DEVICES));
        closeCurrentGroup();
    }
}
