package org.gaudi.knime.nodes.edmlearner;

import static org.gaudi.knime.nodes.NodeFixtures.assertConfigureFails;
import static org.gaudi.knime.nodes.NodeFixtures.assertInvalid;
import static org.gaudi.knime.nodes.NodeFixtures.assertSettingsRoundTrip;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SampleResult;
import org.gaudi.core.diffusion.SamplingHook;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.knime.nodes.NodeFixtures;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.EdmPortObjectSpec;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.table.TrainingStatisticsTable;
import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.gaudi.knime.testsupport.DialogContents;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

import ai.djl.Device;

/** The EDM Learner through KNIME's node life cycle, on a tiny network and the embedded benzenoids with 1-4 rings. */
public class EdmLearnerNodeModelTest {

    private static BufferedDataTable molecules;

    @BeforeClass
    public static void readMolecules() throws Exception {
        molecules = NodeFixtures.embeddedMolecules(1, 4, "HMO_GAP_eV");
    }

    private static NodeDriver<EdmLearnerNodeModel> node() {
        return new NodeDriver<>(new EdmLearnerNodeFactory());
    }

    /** A tiny, fast run: 2 layers x 16, 2 epochs, batch 4, on the CPU. */
    static NodeSettings tiny(int maxRings, int seed) {
        NodeSettings s = node().saveModelSettings();
        s.addInt(EdmLearnerNodeModel.CFG_LAYERS, 2);
        s.addInt(EdmLearnerNodeModel.CFG_HIDDEN, 16);
        s.addInt(EdmLearnerNodeModel.CFG_MAX_RINGS, maxRings);
        s.addInt(EdmLearnerNodeModel.CFG_EPOCHS, 2);
        s.addInt(EdmLearnerNodeModel.CFG_BATCH_SIZE, 4);
        s.addDouble(EdmLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.25);
        s.addInt(EdmLearnerNodeModel.CFG_SEED, seed);
        s.addString(EdmLearnerNodeModel.CFG_DEVICE, "cpu");
        return s;
    }

    @Test
    public void settingsRoundTripThroughValidateAndLoad() throws Exception {
        NodeSettings defaults = node().saveModelSettings();
        assertEquals("GOR", defaults.getString(EdmLearnerNodeModel.CFG_GOR_COLUMN));
        assertEquals(9, defaults.getInt(EdmLearnerNodeModel.CFG_LAYERS));
        assertEquals(192, defaults.getInt(EdmLearnerNodeModel.CFG_HIDDEN));
        assertEquals("auto", defaults.getString(EdmLearnerNodeModel.CFG_DEVICE));
        NodeSettings custom = tiny(6, 42);
        custom.addBoolean(EdmLearnerNodeModel.CFG_EMA, true);
        custom.addDouble(EdmLearnerNodeModel.CFG_LEARNING_RATE, 5e-4);
        custom.addString(EdmLearnerNodeModel.CFG_GOR_COLUMN, "my graphs");
        assertSettingsRoundTrip(node(), custom);
    }

    @Test
    public void invalidSettingsAreRejectedWithTheReason() {
        NodeSettings device = tiny(4, 0);
        device.addString(EdmLearnerNodeModel.CFG_DEVICE, "tpu");
        assertInvalid(node(), device, "Unknown device \"tpu\" in setting 'device'; expected one of: auto, cpu, gpu");
        NodeSettings layers = tiny(4, 0);
        layers.addInt(EdmLearnerNodeModel.CFG_LAYERS, 0);
        assertInvalid(node(), layers, "[1...64]");
        NodeSettings column = tiny(4, 0);
        column.addString(EdmLearnerNodeModel.CFG_GOR_COLUMN, " ");
        assertInvalid(node(), column, "No graph-of-rings column selected");
        NodeSettings fraction = tiny(4, 0);
        fraction.addDouble(EdmLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.95);
        assertInvalid(node(), fraction, "0.9");
        assertInvalid(node(), new NodeSettings("model"), "gor_column");
    }

    @Test
    public void configureChecksTheColumnEarly() throws Exception {
        NodeDriver<EdmLearnerNodeModel> n = node();
        n.loadModelSettings(tiny(4, 0));
        DataTableSpec noGor = new DataTableSpec(new String[] {"id", "x"},
                new DataType[] {StringCell.TYPE, DoubleCell.TYPE});
        assertConfigureFails(n, "The graph-of-rings column \"GOR\" is not in the input table (columns: id, x)",
                noGor);
        DataTableSpec numericGor = new DataTableSpec(new String[] {"GOR"}, new DataType[] {DoubleCell.TYPE});
        assertConfigureFails(n, "The graph-of-rings column \"GOR\" holds", numericGor);
        PortObjectSpec[] out = n.configure(molecules.getDataTableSpec());
        assertNull("the EDM's vocabulary and capacity are only known after training", out[0]);
        assertEquals(TrainingStatisticsTable.spec(), out[1]);
    }

    @Test
    public void executeTrainsWhatConfigurePromisedAndThePortSurvivesSaving() throws Exception {
        NodeDriver<EdmLearnerNodeModel> n = node();
        n.loadModelSettings(tiny(3, 7));
        PortObjectSpec[] specs = n.configure(molecules.getDataTableSpec());
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), molecules);
        EdmPortObject edm = (EdmPortObject) out[0];
        BufferedDataTable stats = (BufferedDataTable) out[1];
        assertTrue(stats.getDataTableSpec().equalStructure((DataTableSpec) specs[1]));

        // 1-4 rings: 9 molecules, the 5 with 4 rings are above the limit of 3
        assertEquals("5 molecules have more than 3 rings and were left out.", n.getWarningMessage());
        ModelInfo info = edm.getModelInfo();
        assertEquals(EdmPortObjectSpec.KIND, info.kind());
        assertEquals(List.of("Bn"), info.vocabulary());
        assertEquals(3, info.maxRings());
        assertEquals(1000, info.timesteps());
        assertEquals("polynomial_2", info.schedule());
        assertEquals("2", info.hyperParameters().get("layers"));
        assertEquals("16", info.hyperParameters().get("hidden"));
        assertEquals("cpu", info.hyperParameters().get("trained on"));
        assertTrue(info.metrics().containsKey("best validation loss"));

        List<Integer> epochs = new ArrayList<>();
        boolean anyBest = false;
        for (DataRow r : stats) {
            epochs.add(((IntValue) r.getCell(0)).getIntValue());
            assertTrue(Double.isFinite(((DoubleValue) r.getCell(1)).getDoubleValue()));
            assertFalse("4 molecules, validation fraction 0.25: one validation molecule", r.getCell(2).isMissing());
            anyBest |= r.getCell(3).toString().equals("true");
        }
        assertEquals(List.of(1, 2), epochs);
        assertTrue("one epoch's weights are kept", anyBest);

        EdmPortObject loaded = NodeFixtures.roundTrip(edm);
        assertEquals(edm.getSpec(), loaded.getSpec());
        try (EdmModel a = EdmModel.fromArchive(edm.readArchive(), Device.cpu());
                EdmModel b = EdmModel.fromArchive(loaded.readArchive(), Device.cpu())) {
            SamplingOptions o = new SamplingOptions(11, 0.7, 10);
            SampleResult sa = a.sample(new int[] {2, 3}, o, SamplingHook.none());
            SampleResult sb = b.sample(new int[] {2, 3}, o, SamplingHook.none());
            assertArrayEquals("the loaded model samples exactly like the trained one", sa.x(), sb.x(), 0f);
            assertArrayEquals(sa.h(), sb.h(), 0f);
            assertEquals(3, a.architecture().maxRings());
        }
    }

    @Test
    public void theSeedMakesTrainingReproducible() throws Exception {
        byte[][] weights = new byte[3][];
        int[] seeds = {5, 5, 6};
        for (int i = 0; i < 3; i++) {
            NodeDriver<EdmLearnerNodeModel> n = node();
            NodeSettings s = tiny(2, seeds[i]);
            s.addInt(EdmLearnerNodeModel.CFG_EPOCHS, 1);
            n.loadModelSettings(s);
            EdmPortObject edm = (EdmPortObject) n.execute(NodeDriver.newExecutionContext(), molecules)[0];
            weights[i] = edm.readArchive().parameterBytes();
        }
        assertArrayEquals(weights[0], weights[1]);
        assertFalse(java.util.Arrays.equals(weights[0], weights[2]));
    }

    @Test
    public void cancelStopsTrainingWithoutOutput() throws Exception {
        NodeDriver<EdmLearnerNodeModel> n = node();
        n.loadModelSettings(tiny(4, 0));
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        try {
            n.execute(NodeDriver.newExecutionContext(mon), molecules);
            fail("cancelled node produced output");
        } catch (CanceledExecutionException expected) {
            // KNIME's cancellation
        }
    }

    @Test
    public void tooFewUsableMoleculesFailWithTheReason() throws Exception {
        NodeDriver<EdmLearnerNodeModel> n = node();
        NodeSettings s = tiny(4, 0);
        s.addString(EdmLearnerNodeModel.CFG_GOR_COLUMN, "SMILES"); // a string column, but no graphs of rings
        n.loadModelSettings(s);
        try {
            n.execute(NodeDriver.newExecutionContext(), molecules);
            fail("trained on unreadable graphs");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no usable molecule")
                    && e.getMessage().contains("9 input rows skipped"));
        }
    }

    @Test
    public void dialogOffersStringColumnsAndWritesTheModelsSettings() throws Exception {
        NodeDriver<EdmLearnerNodeModel> n = node();
        NodeSettings custom = tiny(5, 3);
        n.loadModelSettings(custom);
        NodeDialogPane dialog = n.createNodeDialogPane();
        PortObjectSpec[] specs = {molecules.getDataTableSpec()};
        NodeDriver.loadDialogSettings(dialog, n.saveModelSettings(), specs);
        assertEquals(custom, NodeDriver.saveDialogSettings(dialog));
        assertEquals(List.of("id", "SMILES", "GOR"),
                DialogContents.choices(dialog, EdmLearnerNodeDialog.LABEL_GOR_COLUMN));
        // a stored column the table lacks: the dialog shows the first string column instead
        NodeSettings other = tiny(5, 3);
        other.addString(EdmLearnerNodeModel.CFG_GOR_COLUMN, "gone");
        NodeDriver.loadDialogSettings(dialog, other, specs);
        assertEquals("id", NodeDriver.saveDialogSettings(dialog).getString(EdmLearnerNodeModel.CFG_GOR_COLUMN));
        try {
            NodeDriver.loadDialogSettings(n.createNodeDialogPane(), custom, new PortObjectSpec[] {null});
            fail("dialog opened without an input table");
        } catch (NotConfigurableException e) {
            assertNotNull(e.getMessage());
        }
    }
}
