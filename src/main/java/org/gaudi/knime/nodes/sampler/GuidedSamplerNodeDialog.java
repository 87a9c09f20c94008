package org.gaudi.knime.nodes.sampler;

import org.gaudi.knime.Devices;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Guided Sampler; every component is bound to a settings model factory of the NodeModel. */
final class GuidedSamplerNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_SCALE = "Guidance scale";
    static final String LABEL_SAMPLER = "Sampler";
    static final String LABEL_CLIP = "Gradient clip norm";
    static final String LABEL_MOLECULES = "Molecules";
    static final String LABEL_RINGS = "Rings (0 = from the EDM)";
    static final String LABEL_STEPS = "Steps (0 = all)";
    static final String LABEL_STD = "Initial noise std (0 = default)";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_DEVICE = "Device";
    static final String LABEL_XTB = "xTB gap of valid designs (GFN2-xTB)";
    static final String LABEL_XTB_PATH = "xtb executable (empty = PATH)";
    static final String LABEL_XTB_TIME_LIMIT = "xtb time limit per molecule (s)";

    GuidedSamplerNodeDialog() {
        createNewGroup("Guidance");
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createScaleModel(), LABEL_SCALE, 0.1));
        addDialogComponent(new DialogComponentStringSelection(GuidedSamplerNodeModel.createSamplerModel(),
                LABEL_SAMPLER, GuidedSamplerNodeModel.samplerChoices()));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createClipModel(), LABEL_CLIP, 1));
        closeCurrentGroup();
        createNewGroup("Sampling");
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createMoleculesModel(), LABEL_MOLECULES,
                16));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createRingsModel(), LABEL_RINGS, 1));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createStepsModel(), LABEL_STEPS, 100));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createInitialNoiseStdModel(), LABEL_STD,
                0.1));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createSeedModel(), LABEL_SEED, 1));
        closeCurrentGroup();
        createNewGroup("Compute");
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createBatchSizeModel(), LABEL_BATCH_SIZE,
                16));
        addDialogComponent(new DialogComponentStringSelection(GuidedSamplerNodeModel.createDeviceModel(),
                LABEL_DEVICE, Devices.CHOICES));
        closeCurrentGroup();
        createNewGroup("xTB check (optional, needs xtb installed)");
        addDialogComponent(new DialogComponentBoolean(GuidedSamplerNodeModel.createXtbModel(), LABEL_XTB));
        addDialogComponent(new DialogComponentString(GuidedSamplerNodeModel.createXtbPathModel(), LABEL_XTB_PATH));
        addDialogComponent(new DialogComponentNumber(GuidedSamplerNodeModel.createXtbTimeLimitModel(),
                LABEL_XTB_TIME_LIMIT, 10));
        closeCurrentGroup();
    }
}
