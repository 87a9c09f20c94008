package org.gaudi.knime.nodes.clm;

import static org.gaudi.knime.nodes.NodeFixtures.assertConfigureFails;
import static org.gaudi.knime.nodes.NodeFixtures.assertInvalid;
import static org.gaudi.knime.nodes.NodeFixtures.assertSettingsRoundTrip;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gaudi.core.clm.ClmModel;
import org.gaudi.knime.nodes.NodeFixtures;
import org.gaudi.knime.nodes.clmlearner.ClmLearnerNodeFactory;
import org.gaudi.knime.nodes.clmlearner.ClmLearnerNodeModel;
import org.gaudi.knime.nodes.clmsampler.ClmSamplerNodeFactory;
import org.gaudi.knime.nodes.clmsampler.ClmSamplerNodeModel;
import org.gaudi.knime.port.ClmPortObject;
import org.gaudi.knime.port.ClmPortObjectSpec;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.table.ClmDesignTable;
import org.gaudi.knime.table.ClmStatisticsTable;
import org.gaudi.knime.table.DesignTable;
import org.gaudi.core.objective.Objective;
import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

import ai.djl.Device;

/** The two language-model nodes through KNIME's life cycle: a tiny GPT-2 on the embedded benzenoids with 1-4 rings. */
public class ClmNodesTest {

    private static BufferedDataTable molecules;
    private static ClmPortObject model;

    @BeforeClass
    public static void trainTinyModel() throws Exception {
        molecules = NodeFixtures.embeddedMolecules(1, 4, "HMO_GAP_eV");
        NodeDriver<ClmLearnerNodeModel> n = learner();
        n.loadModelSettings(tiny(3));
        n.configure(molecules.getDataTableSpec());
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), molecules);
        model = (ClmPortObject) out[0];
        BufferedDataTable stats = (BufferedDataTable) out[1];
        assertEquals(3, stats.size());
        assertTrue(stats.getDataTableSpec().equalStructure(ClmStatisticsTable.spec()));
        for (DataRow r : stats) {
            double perplexity = ((DoubleValue) r.getCell(2)).getDoubleValue();
            assertTrue("perplexity " + perplexity, perplexity > 1 && perplexity < 30);
        }
    }

    private static NodeDriver<ClmLearnerNodeModel> learner() {
        return new NodeDriver<>(new ClmLearnerNodeFactory());
    }

    private static NodeDriver<ClmSamplerNodeModel> sampler() {
        return new NodeDriver<>(new ClmSamplerNodeFactory());
    }

    /** 1 layer x 16, 3 epochs, batch 4, CPU. */
    static NodeSettings tiny(int epochs) {
        NodeSettings s = learner().saveModelSettings();
        s.addInt(ClmLearnerNodeModel.CFG_LAYERS, 1);
        s.addInt(ClmLearnerNodeModel.CFG_WIDTH, 16);
        s.addInt(ClmLearnerNodeModel.CFG_HEADS, 2);
        s.addInt(ClmLearnerNodeModel.CFG_CONTEXT, 32);
        s.addInt(ClmLearnerNodeModel.CFG_EPOCHS, epochs);
        s.addInt(ClmLearnerNodeModel.CFG_BATCH_SIZE, 4);
        s.addInt(ClmLearnerNodeModel.CFG_WARMUP, 2);
        s.addDouble(ClmLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.25);
        s.addInt(ClmLearnerNodeModel.CFG_SEED, 5);
        s.addString(ClmLearnerNodeModel.CFG_DEVICE, "cpu");
        return s;
    }

    @Test
    public void learnerSettingsRoundTripAndInvalidOnesAreRejected() throws Exception {
        NodeSettings defaults = learner().saveModelSettings();
        assertEquals("SMILES", defaults.getString(ClmLearnerNodeModel.CFG_SMILES_COLUMN));
        assertEquals(4, defaults.getInt(ClmLearnerNodeModel.CFG_LAYERS));
        NodeSettings custom = tiny(2);
        custom.addInt(ClmLearnerNodeModel.CFG_RANDOMISED, 3);
        assertSettingsRoundTrip(learner(), custom);
        NodeSettings heads = tiny(2);
        heads.addInt(ClmLearnerNodeModel.CFG_HEADS, 3);
        assertInvalid(learner(), heads, "the width 16 must be a multiple of the heads 3");
        NodeSettings device = tiny(2);
        device.addString(ClmLearnerNodeModel.CFG_DEVICE, "tpu");
        assertInvalid(learner(), device, "Unknown device \"tpu\"");
    }

    @Test
    public void learnerConfigureChecksTheSmilesColumn() throws Exception {
        NodeDriver<ClmLearnerNodeModel> n = learner();
        n.loadModelSettings(tiny(1));
        assertConfigureFails(n, "The input table has no column \"SMILES\"", new DataTableSpec(new String[] {"x"},
                new DataType[] {StringCell.TYPE}));
        assertConfigureFails(n, "holds", new DataTableSpec(new String[] {"SMILES"}, new DataType[] {DoubleCell.TYPE}));
        PortObjectSpec[] out = n.configure(molecules.getDataTableSpec());
        assertNull("the vocabulary is only known after training", out[0]);
    }

    @Test
    public void theModelPortSurvivesSavingAndHoldsTheTrainedModel() throws Exception {
        ClmPortObject back = NodeFixtures.roundTrip(model);
        assertArrayEquals(model.getModelFile(), back.getModelFile());
        assertEquals(model.getSpec(), back.getSpec());
        assertEquals(ClmPortObjectSpec.KIND, back.getModelInfo().kind());
        assertTrue(back.getModelInfo().vocabulary().contains("c"));
        try (ClmModel m = ClmModel.fromArchive(back.readArchive(), Device.cpu())) {
            assertEquals(16, m.config().width());
            assertEquals(m.vocabulary().tokens(), back.getModelInfo().vocabulary());
            assertTrue(m.trainingInchiKeys().size() > 0);
        }
    }

    @Test
    public void samplerNeedsAPredictorForAnObjectiveAndGivesTheGuidedSamplerTable() throws Exception {
        NodeDriver<ClmSamplerNodeModel> n = sampler();
        NodeSettings s = n.saveModelSettings();
        s.addInt(ClmSamplerNodeModel.CFG_MOLECULES, 40);
        s.addInt(ClmSamplerNodeModel.CFG_SEED, 3);
        s.addInt(ClmSamplerNodeModel.CFG_BATCH_SIZE, 16);
        s.addString(ClmSamplerNodeModel.CFG_DEVICE, "cpu");
        assertSettingsRoundTrip(n, s);
        assertConfigureFails(n, "needs a property predictor", model.getSpec(), null,
                new ObjectivePortObjectSpec(Objective.parse("maximize HMO_GAP_eV", List.of("HMO_GAP_eV"))));
        PortObjectSpec[] specs = n.configure(model.getSpec(), null, null);
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), model, null, null);
        BufferedDataTable table = (BufferedDataTable) out[0];
        BufferedDataTable summary = (BufferedDataTable) out[1];
        assertTrue(table.getDataTableSpec().equalStructure((DataTableSpec) specs[0]));
        assertTrue(summary.getDataTableSpec().equalStructure((DataTableSpec) specs[1]));
        assertEquals(40, table.size());
        assertTrue("the Guided Sampler's columns come first", table.getDataTableSpec().getColumnSpec(0).getName()
                .equals(DesignTable.COL_ID) && table.getDataTableSpec().containsName(DesignTable.COL_HUCKEL_EV));
        int sampled = table.getDataTableSpec().findColumnIndex(ClmDesignTable.COL_SAMPLED);
        List<String> texts = new java.util.ArrayList<>();
        int reason = table.getDataTableSpec().findColumnIndex(DesignTable.COL_REASON);
        int valid = table.getDataTableSpec().findColumnIndex(DesignTable.COL_VALID);
        for (DataRow r : table) {
            texts.add(r.getCell(sampled).toString());
            assertEquals(r.getCell(valid).toString().equals("true"), r.getCell(reason).isMissing());
        }
        DataRow first = summary.iterator().next();
        assertEquals("40", first.getCell(0).toString());
        NodeDriver<ClmSamplerNodeModel> other = sampler();
        other.loadModelSettings(s);
        List<String> again = new java.util.ArrayList<>();
        for (DataRow r : (BufferedDataTable) other.execute(NodeDriver.newExecutionContext(), model, null, null)[0]) {
            again.add(r.getCell(sampled).toString());
        }
        assertEquals("the seed fixes the molecules", texts, again);
    }
}
