package org.gaudi.knime.nodes.predictorlearner;

import static org.gaudi.knime.nodes.NodeFixtures.assertConfigureFails;
import static org.gaudi.knime.nodes.NodeFixtures.assertInvalid;
import static org.gaudi.knime.nodes.NodeFixtures.assertSettingsRoundTrip;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gaudi.core.gor.GorText;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.train.DataSplit;
import org.gaudi.knime.nodes.NodeFixtures;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.port.ModelInfos;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.gaudi.knime.table.PredictorMetricsTable;
import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.gaudi.knime.testsupport.DialogContents;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

import ai.djl.Device;

/** The Property Predictor Learner through KNIME's node life cycle, tiny network, embedded benzenoids with 1-4 rings. */
public class PropertyPredictorLearnerNodeModelTest {

    private static BufferedDataTable molecules;
    private static EdmPortObject edm;

    @BeforeClass
    public static void inputs() throws Exception {
        molecules = NodeFixtures.embeddedMolecules(1, 4, "HMO_GAP_eV,HMO_LUMO_eV");
        edm = NodeFixtures.tinyEdm(molecules, 1);
    }

    private static NodeDriver<PropertyPredictorLearnerNodeModel> node() {
        return new NodeDriver<>(new PropertyPredictorLearnerNodeFactory());
    }

    static NodeSettings tiny(int seed, String... targets) {
        NodeSettings s = node().saveModelSettings();
        s.addStringArray(PropertyPredictorLearnerNodeModel.CFG_TARGET_COLUMNS, targets);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_LAYERS, 2);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_HIDDEN, 16);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_EPOCHS, 2);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_BATCH_SIZE, 4);
        s.addDouble(PropertyPredictorLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.25);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_SEED, seed);
        s.addString(PropertyPredictorLearnerNodeModel.CFG_DEVICE, "cpu");
        return s;
    }

    @Test
    public void settingsRoundTripThroughValidateAndLoad() throws Exception {
        NodeSettings defaults = node().saveModelSettings();
        assertEquals(0, defaults.getStringArray(PropertyPredictorLearnerNodeModel.CFG_TARGET_COLUMNS).length);
        assertEquals(12, defaults.getInt(PropertyPredictorLearnerNodeModel.CFG_LAYERS));
        assertEquals(6e-4, defaults.getDouble(PropertyPredictorLearnerNodeModel.CFG_LEARNING_RATE), 0);
        assertSettingsRoundTrip(node(), tiny(3, "HMO_LUMO_eV", "HMO_GAP_eV"));
    }

    @Test
    public void invalidSettingsAreRejectedWithTheReason() {
        assertInvalid(node(), tiny(0, "HMO_GAP_eV", "HMO_GAP_eV"), "target 'HMO_GAP_eV' is named twice");
        NodeSettings device = tiny(0, "HMO_GAP_eV");
        device.addString(PropertyPredictorLearnerNodeModel.CFG_DEVICE, "GPU0");
        assertInvalid(node(), device, "Unknown device \"GPU0\"");
        NodeSettings batch = tiny(0, "HMO_GAP_eV");
        batch.addInt(PropertyPredictorLearnerNodeModel.CFG_BATCH_SIZE, 0);
        assertInvalid(node(), batch, "[1...65536]");
    }

    @Test
    public void configureChecksTargetsAndColumnsEarly() throws Exception {
        DataTableSpec spec = molecules.getDataTableSpec();
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        assertConfigureFails(n, "No target columns selected", spec, null);
        n.loadModelSettings(tiny(0, "HMO_GAP_eV", "GAP_eV"));
        assertConfigureFails(n, "The target column \"GAP_eV\" is not in the input table", spec, null);
        n.loadModelSettings(tiny(0, "SMILES"));
        assertConfigureFails(n, "The target column \"SMILES\" holds", spec, null);
        n.loadModelSettings(tiny(0, "HMO_GAP_eV"));
        PortObjectSpec[] out = n.configure(spec, edm.getSpec());
        assertNull("normalisation and figures are known after training", out[0]);
        assertEquals(PredictorMetricsTable.spec(), out[1]);
        assertEquals(PredictorMetricsTable.spec(), n.configure(spec, null)[1]);
    }

    @Test
    public void executeWithEdmGivesItsStateSpaceAndHonestMetrics() throws Exception {
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        n.loadModelSettings(tiny(9, "HMO_GAP_eV", "HMO_LUMO_eV"));
        PortObjectSpec[] specs = n.configure(molecules.getDataTableSpec(), edm.getSpec());
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), molecules, edm);
        PredictorPortObject predictorPort = (PredictorPortObject) out[0];
        BufferedDataTable metrics = (BufferedDataTable) out[1];
        assertTrue(metrics.getDataTableSpec().equalStructure((DataTableSpec) specs[1]));
        assertNull(n.getWarningMessage());

        ModelInfo info = predictorPort.getModelInfo();
        assertEquals(PredictorPortObjectSpec.KIND, info.kind());
        assertEquals(List.of("HMO_GAP_eV", "HMO_LUMO_eV"), info.targetNames());
        assertEquals("eV", info.targets().get(0).unit());
        assertEquals(edm.getModelInfo().vocabulary(), info.vocabulary());
        assertEquals(edm.getModelInfo().timesteps(), info.timesteps());
        assertEquals(edm.getModelInfo().maxRings(), info.maxRings());

        // the validation molecules are those of the seeded split; recompute their MAE with the saved predictor
        PredictorPortObject loaded = NodeFixtures.roundTrip(predictorPort);
        assertEquals(predictorPort.getSpec(), loaded.getSpec());
        List<GraphOfRings> all = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (DataRow r : molecules) {
            all.add(GorText.parse(((StringValue) r.getCell(5)).getStringValue()));
            y.add(new double[] {((DoubleValue) r.getCell(3)).getDoubleValue(),
                ((DoubleValue) r.getCell(4)).getDoubleValue()});
        }
        int[] val = DataSplit.random(all.size(), 0.25, 0, 9).validation();
        assertEquals(2, val.length);
        List<GraphOfRings> valGraphs = new ArrayList<>();
        for (int i : val) {
            valGraphs.add(all.get(i));
        }
        double[] mae = new double[2];
        try (PropertyPredictor p = PropertyPredictor.fromArchive(loaded.readArchive(), Device.cpu());
                PropertyPredictor q = PropertyPredictor.fromArchive(predictorPort.readArchive(), Device.cpu())) {
            double[][] pred = p.predict(valGraphs, 0);
            assertArrayEquals("the saved predictor predicts exactly like the trained one", pred[0],
                    q.predict(valGraphs, 0)[0], 0);
            for (int k = 0; k < val.length; k++) {
                for (int j = 0; j < 2; j++) {
                    mae[j] += Math.abs(pred[k][j] - y.get(val[k])[j]) / val.length;
                }
            }
        }
        Iterator<DataRow> rows = metrics.iterator();
        for (int j = 0; j < 2; j++) {
            DataRow r = rows.next();
            String target = List.of("HMO_GAP_eV", "HMO_LUMO_eV").get(j);
            assertEquals(target, r.getKey().getString());
            assertEquals(target, ((StringValue) r.getCell(0)).getStringValue());
            assertEquals("eV", ((StringValue) r.getCell(1)).getStringValue());
            double tableMae = ((DoubleValue) r.getCell(2)).getDoubleValue();
            assertEquals(mae[j], tableMae, 1e-4 * Math.max(1, mae[j]));
            assertTrue(((DoubleValue) r.getCell(3)).getDoubleValue() > 0);
            assertEquals(2, ((IntValue) r.getCell(4)).getIntValue());
            assertEquals(tableMae, info.metrics().get(ModelInfos.MAE_PREFIX + target), 1e-12);
        }
    }

    @Test
    public void withoutEdmTheDataDecideTheStateSpace() throws Exception {
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        NodeSettings s = tiny(2, "HMO_GAP_eV");
        s.addDouble(PropertyPredictorLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.0);
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_EPOCHS, 1);
        n.loadModelSettings(s);
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), molecules, null);
        ModelInfo info = ((PredictorPortObject) out[0]).getModelInfo();
        assertEquals(List.of("Bn"), info.vocabulary());
        assertEquals("largest ring count of the data", 4, info.maxRings());
        assertTrue(n.getWarningMessage(), n.getWarningMessage().contains("no validation molecules"));
        DataRow row = ((BufferedDataTable) out[1]).iterator().next();
        assertTrue("no validation part: no error", row.getCell(2).isMissing());
    }

    @Test
    public void moleculesBeyondTheEdmsCapacityAreLeftOutAndCounted() throws Exception {
        EdmPortObject small = NodeFixtures.tinyEdm(NodeFixtures.embeddedMolecules(1, 3, "HMO_GAP_eV"), 2);
        assertEquals(3, small.getModelInfo().maxRings());
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        NodeSettings s = tiny(2, "HMO_GAP_eV");
        s.addInt(PropertyPredictorLearnerNodeModel.CFG_EPOCHS, 1);
        n.loadModelSettings(s);
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), molecules, small);
        assertEquals("5 molecules have more rings than the EDM's capacity of 3 and were left out.",
                n.getWarningMessage());
        assertEquals(3, ((PredictorPortObject) out[0]).getModelInfo().maxRings());
        DataRow row = ((BufferedDataTable) out[1]).iterator().next();
        assertEquals("4 molecules, validation fraction 0.25", 1, ((IntValue) row.getCell(4)).getIntValue());
    }

    @Test
    public void cancelStopsTrainingWithoutOutput() throws Exception {
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        n.loadModelSettings(tiny(0, "HMO_GAP_eV"));
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        try {
            n.execute(NodeDriver.newExecutionContext(mon), molecules, edm);
            fail("cancelled node produced output");
        } catch (CanceledExecutionException expected) {
            // KNIME's cancellation
        }
    }

    @Test
    public void dialogOffersNumericColumnsAndPreselectsAProperty() throws Exception {
        NodeDriver<PropertyPredictorLearnerNodeModel> n = node();
        PortObjectSpec[] specs = {molecules.getDataTableSpec(), null};
        NodeDialogPane dialog = n.createNodeDialogPane();
        NodeDriver.loadDialogSettings(dialog, n.saveModelSettings(), specs);
        assertEquals(List.of("n_rings", "HMO_GAP_eV", "HMO_LUMO_eV"),
                DialogContents.choices(dialog, PropertyPredictorLearnerNodeDialog.LABEL_TARGETS));
        NodeSettings fromDialog = NodeDriver.saveDialogSettings(dialog);
        assertArrayEquals(new String[] {"HMO_GAP_eV"},
                fromDialog.getStringArray(PropertyPredictorLearnerNodeModel.CFG_TARGET_COLUMNS));
        // an existing choice is kept (in column order) and written back exactly as the model saves it
        NodeSettings custom = tiny(4, "HMO_GAP_eV", "HMO_LUMO_eV");
        n.loadModelSettings(custom);
        NodeDriver.loadDialogSettings(dialog, n.saveModelSettings(), specs);
        assertEquals(custom, NodeDriver.saveDialogSettings(dialog));
    }
}
