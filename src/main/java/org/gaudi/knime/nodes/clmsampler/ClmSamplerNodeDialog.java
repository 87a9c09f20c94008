package org.gaudi.knime.nodes.clmsampler;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Chemical Language Model Sampler; every component is bound to a settings model of the NodeModel. */
final class ClmSamplerNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_MOLECULES = "Molecules";
    static final String LABEL_TEMPERATURE = "Temperature";
    static final String LABEL_TOP_K = "Top-k (0 = all tokens)";
    static final String LABEL_MAX_TOKENS = "Maximum length in tokens (0 = context)";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_DEVICE = "Device";

    ClmSamplerNodeDialog() {
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createMoleculesModel(), LABEL_MOLECULES,
                100));
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createTemperatureModel(),
                LABEL_TEMPERATURE, 0.1));
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createTopKModel(), LABEL_TOP_K, 1));
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createMaxTokensModel(), LABEL_MAX_TOKENS,
                8));
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createSeedModel(), LABEL_SEED, 1));
        addDialogComponent(new DialogComponentNumber(ClmSamplerNodeModel.createBatchSizeModel(), LABEL_BATCH_SIZE,
                50));
        addDialogComponent(new DialogComponentStringSelection(ClmSamplerNodeModel.createDeviceModel(), LABEL_DEVICE,
                ClmSamplerNodeModel.DEVICES));
    }
}
