package org.gaudi.knime.nodes.clmlearner;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Chemical Language Model Learner; every component is bound to a settings model of the NodeModel. */
final class ClmLearnerNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_SMILES_COLUMN = "SMILES column";
    static final String LABEL_LAYERS = "Layers";
    static final String LABEL_WIDTH = "Width";
    static final String LABEL_HEADS = "Attention heads";
    static final String LABEL_CONTEXT = "Context length (tokens)";
    static final String LABEL_DROPOUT = "Dropout";
    static final String LABEL_EPOCHS = "Epochs";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_LEARNING_RATE = "Peak learning rate";
    static final String LABEL_WARMUP = "Warm-up steps";
    static final String LABEL_RANDOMISED = "Randomised SMILES per molecule";
    static final String LABEL_VALIDATION = "Validation fraction";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_DEVICE = "Device";

    @SuppressWarnings("unchecked")
    ClmLearnerNodeDialog() {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(ClmLearnerNodeModel.createSmilesColumnModel(),
                LABEL_SMILES_COLUMN, 0, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Network (GPT-2)");
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createLayersModel(), LABEL_LAYERS, 1));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createWidthModel(), LABEL_WIDTH, 32));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createHeadsModel(), LABEL_HEADS, 1));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createContextModel(), LABEL_CONTEXT, 16));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createDropoutModel(), LABEL_DROPOUT,
                0.05));
        closeCurrentGroup();
        createNewGroup("Training");
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createEpochsModel(), LABEL_EPOCHS, 5));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createBatchSizeModel(), LABEL_BATCH_SIZE,
                16));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createLearningRateModel(),
                LABEL_LEARNING_RATE, 1e-4));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createWarmupModel(), LABEL_WARMUP, 50));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createRandomisedModel(), LABEL_RANDOMISED,
                1));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createValidationFractionModel(),
                LABEL_VALIDATION, 0.05));
        addDialogComponent(new DialogComponentNumber(ClmLearnerNodeModel.createSeedModel(), LABEL_SEED, 1));
        addDialogComponent(new DialogComponentStringSelection(ClmLearnerNodeModel.createDeviceModel(), LABEL_DEVICE,
                ClmLearnerNodeModel.DEVICES));
        closeCurrentGroup();
    }
}
