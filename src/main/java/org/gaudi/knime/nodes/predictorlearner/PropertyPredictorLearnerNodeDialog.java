package org.gaudi.knime.nodes.predictorlearner;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.knime.Devices;
import org.gaudi.knime.table.MoleculeTable;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringListSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Dialog of the Property Predictor Learner; every component is bound to a settings model factory of the NodeModel.
 * The target list offers the numeric columns of the input table; a new node preselects the first non-integer one
 * (the reader's ring count {@value MoleculeTable#COL_RINGS} is a structure count, not a property).
 */
final class PropertyPredictorLearnerNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_GOR_COLUMN = "Graph-of-rings column";
    static final String LABEL_TARGETS = "Target columns";
    static final String LABEL_LAYERS = "Layers";
    static final String LABEL_HIDDEN = "Hidden width";
    static final String LABEL_EPOCHS = "Epochs";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_VALIDATION = "Validation fraction";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_DEVICE = "Device";

    private final SettingsModelStringArray targets = PropertyPredictorLearnerNodeModel.createTargetColumnsModel();
    private final DialogComponentStringListSelection targetList;

    @SuppressWarnings("unchecked")
    PropertyPredictorLearnerNodeDialog() {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(
                PropertyPredictorLearnerNodeModel.createGorColumnModel(), LABEL_GOR_COLUMN,
                PropertyPredictorLearnerNodeModel.PORT_TABLE, StringValue.class));
        targetList = new DialogComponentStringListSelection(targets, LABEL_TARGETS, List.of(), false, 6);
        addDialogComponent(targetList);
        closeCurrentGroup();
        createNewGroup("Network");
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createLayersModel(),
                LABEL_LAYERS, 1));
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createHiddenModel(),
                LABEL_HIDDEN, 16));
        closeCurrentGroup();
        createNewGroup("Training");
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createEpochsModel(),
                LABEL_EPOCHS, 10));
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createBatchSizeModel(),
                LABEL_BATCH_SIZE, 32));
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createLearningRateModel(),
                LABEL_LEARNING_RATE, 1e-4));
        addDialogComponent(new DialogComponentNumber(
                PropertyPredictorLearnerNodeModel.createValidationFractionModel(), LABEL_VALIDATION, 0.05));
        addDialogComponent(new DialogComponentNumber(PropertyPredictorLearnerNodeModel.createSeedModel(), LABEL_SEED,
                1));
        addDialogComponent(new DialogComponentStringSelection(PropertyPredictorLearnerNodeModel.createDeviceModel(),
                LABEL_DEVICE, Devices.CHOICES));
        closeCurrentGroup();
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        DataTableSpec spec = (DataTableSpec) specs[PropertyPredictorLearnerNodeModel.PORT_TABLE];
        List<String> numeric = new ArrayList<>();
        String firstProperty = null;
        for (DataColumnSpec col : spec) {
            if (col.getType().isCompatible(DoubleValue.class)) {
                numeric.add(col.getName());
                if (firstProperty == null && !col.getType().isCompatible(IntValue.class)) {
                    firstProperty = col.getName();
                }
            }
        }
        if (numeric.isEmpty()) {
            throw new NotConfigurableException("The input table has no numeric column to predict.");
        }
        String[] chosen = targets.getStringArrayValue();
        if (chosen == null || chosen.length == 0) {
            targetList.replaceListItems(numeric, firstProperty == null ? numeric.get(0) : firstProperty);
        } else {
            targetList.replaceListItems(numeric);
        }
    }
}
