package org.gaudi.knime.nodes.sampler;

import static org.gaudi.knime.nodes.NodeFixtures.assertConfigureFails;
import static org.gaudi.knime.nodes.NodeFixtures.assertInvalid;
import static org.gaudi.knime.nodes.NodeFixtures.assertSettingsRoundTrip;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.gor.GorText;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.pah.CataBenzenoidEnumerator;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.knime.nodes.NodeFixtures;
import org.gaudi.knime.nodes.objective.ObjectiveNodeFactory;
import org.gaudi.knime.nodes.objective.ObjectiveNodeModel;
import org.gaudi.knime.nodes.predictorlearner.PropertyPredictorLearnerNodeFactory;
import org.gaudi.knime.nodes.predictorlearner.PropertyPredictorLearnerNodeModel;
import org.gaudi.knime.port.EdmPortObject;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.port.ObjectivePortObject;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.gaudi.knime.table.DesignSummaryTable;
import org.gaudi.knime.table.DesignTable;
import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.chem.types.SdfValue;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

import ai.djl.Device;

/**
 * The Guided Sampler through KNIME's node life cycle, on a tiny EDM and predictor trained by the learner nodes on the
 * embedded benzenoids with 1-4 rings, sampling few molecules with 20 respaced steps.
 */
public class GuidedSamplerNodeModelTest {

    private static EdmPortObject edm;
    private static PredictorPortObject predictor;
    private static ObjectivePortObject objective;

    @BeforeClass
    public static void models() throws Exception {
        BufferedDataTable molecules = NodeFixtures.embeddedMolecules(1, 4, "HMO_GAP_eV,HMO_LUMO_eV");
        edm = NodeFixtures.tinyEdm(molecules, 3);
        NodeDriver<PropertyPredictorLearnerNodeModel> p = new NodeDriver<>(
                new PropertyPredictorLearnerNodeFactory());
        NodeSettings ps = p.saveModelSettings();
        ps.addStringArray(PropertyPredictorLearnerNodeModel.CFG_TARGET_COLUMNS, "HMO_GAP_eV", "HMO_LUMO_eV");
        ps.addInt(PropertyPredictorLearnerNodeModel.CFG_LAYERS, 2);
        ps.addInt(PropertyPredictorLearnerNodeModel.CFG_HIDDEN, 16);
        ps.addInt(PropertyPredictorLearnerNodeModel.CFG_EPOCHS, 1);
        ps.addString(PropertyPredictorLearnerNodeModel.CFG_DEVICE, "cpu");
        p.loadModelSettings(ps);
        predictor = (PredictorPortObject) p.execute(NodeDriver.newExecutionContext(), molecules, edm)[0];
        NodeDriver<ObjectiveNodeModel> o = new NodeDriver<>(new ObjectiveNodeFactory());
        NodeSettings os = o.saveModelSettings();
        os.addString(ObjectiveNodeModel.CFG_OBJECTIVE, "maximize HMO_GAP_eV");
        o.loadModelSettings(os);
        objective = (ObjectivePortObject) o.execute(NodeDriver.newExecutionContext(), predictor)[0];
    }

    private static NodeDriver<GuidedSamplerNodeModel> node() {
        return new NodeDriver<>(new GuidedSamplerNodeFactory());
    }

    static NodeSettings small(int seed) {
        NodeSettings s = node().saveModelSettings();
        s.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 6);
        s.addInt(GuidedSamplerNodeModel.CFG_BATCH_SIZE, 4);
        s.addInt(GuidedSamplerNodeModel.CFG_STEPS, 20);
        s.addInt(GuidedSamplerNodeModel.CFG_SEED, seed);
        s.addString(GuidedSamplerNodeModel.CFG_DEVICE, "cpu");
        return s;
    }

    @Test
    public void settingsRoundTripThroughValidateAndLoad() throws Exception {
        NodeSettings defaults = node().saveModelSettings();
        assertEquals(0.6, defaults.getDouble(GuidedSamplerNodeModel.CFG_SCALE), 0);
        assertEquals(10.0, defaults.getDouble(GuidedSamplerNodeModel.CFG_CLIP), 0);
        assertEquals(0, defaults.getInt(GuidedSamplerNodeModel.CFG_RINGS));
        NodeSettings custom = small(5);
        custom.addDouble(GuidedSamplerNodeModel.CFG_SCALE, 2.5);
        custom.addInt(GuidedSamplerNodeModel.CFG_RINGS, 3);
        custom.addDouble(GuidedSamplerNodeModel.CFG_INITIAL_NOISE_STD, 0.8);
        assertSettingsRoundTrip(node(), custom);
        assertEquals(GuidanceSettings.DEFAULT_SAMPLER.id(), defaults.getString(GuidedSamplerNodeModel.CFG_SAMPLER));
        for (GuidanceMethod m : GuidanceMethod.values()) {
            NodeSettings chosen = small(1);
            chosen.addString(GuidedSamplerNodeModel.CFG_SAMPLER, m.id());
            assertSettingsRoundTrip(node(), chosen);
        }
    }

    /** A workflow saved before the sampler choice existed loads with GaUDI's update and saves it explicitly. */
    @Test
    public void settingsWithoutSamplerLoadAsGaudi() throws Exception {
        NodeSettings old = new NodeSettings("model");
        old.addDouble(GuidedSamplerNodeModel.CFG_SCALE, 0.6);
        old.addDouble(GuidedSamplerNodeModel.CFG_CLIP, 10);
        old.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 6);
        old.addInt(GuidedSamplerNodeModel.CFG_RINGS, 0);
        old.addInt(GuidedSamplerNodeModel.CFG_STEPS, 20);
        old.addDouble(GuidedSamplerNodeModel.CFG_INITIAL_NOISE_STD, 0);
        old.addInt(GuidedSamplerNodeModel.CFG_SEED, 2);
        old.addInt(GuidedSamplerNodeModel.CFG_BATCH_SIZE, 4);
        old.addString(GuidedSamplerNodeModel.CFG_DEVICE, "cpu");
        assertFalse(old.containsKey(GuidedSamplerNodeModel.CFG_SAMPLER));
        NodeDriver<GuidedSamplerNodeModel> n = node();
        n.validateModelSettings(old);
        n.loadModelSettings(old);
        assertEquals("gaudi", n.saveModelSettings().getString(GuidedSamplerNodeModel.CFG_SAMPLER));
    }

    @Test
    public void invalidSettingsAreRejectedWithTheReason() {
        NodeSettings device = small(0);
        device.addString(GuidedSamplerNodeModel.CFG_DEVICE, "cuda:1");
        assertInvalid(node(), device, "Unknown device \"cuda:1\"");
        NodeSettings scale = small(0);
        scale.addDouble(GuidedSamplerNodeModel.CFG_SCALE, -1);
        assertInvalid(node(), scale, "value (=-1.0) must be within the range");
        NodeSettings n = small(0);
        n.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 0);
        assertInvalid(node(), n, "[1...1000000]");
        NodeSettings sampler = small(0);
        sampler.addString(GuidedSamplerNodeModel.CFG_SAMPLER, "langevin");
        assertInvalid(node(), sampler, "unknown sampler 'langevin'; expected one of gaudi, resample");
    }

    private static PredictorPortObjectSpec predictorSpec(List<String> vocabulary, String schedule, int maxRings) {
        ModelInfo p = predictor.getModelInfo();
        ModelInfo.Builder b = ModelInfo.builder(PredictorPortObjectSpec.KIND).vocabulary(vocabulary)
                .schedule(schedule, p.timesteps()).maxRings(maxRings);
        p.targets().forEach(t -> b.target(t.name(), t.unit()));
        return new PredictorPortObjectSpec(b.build());
    }

    @Test
    public void configureChecksThatTheModelsFitTogether() throws Exception {
        NodeDriver<GuidedSamplerNodeModel> n = node();
        n.loadModelSettings(small(0));
        PortObjectSpec[] out = n.configure(edm.getSpec(), predictor.getSpec(), objective.getSpec());
        List<String> targets = List.of("HMO_GAP_eV", "HMO_LUMO_eV");
        assertEquals(DesignTable.spec(targets), out[0]);
        assertEquals(DesignSummaryTable.spec(targets), out[1]);
        assertEquals(out[0], n.configure(edm.getSpec(), predictor.getSpec(), null)[0]);

        assertConfigureFails(n, "The property predictor reads ring types [Bn, Pl]", edm.getSpec(),
                predictorSpec(List.of("Bn", "Pl"), "polynomial_2", 4), null);
        assertConfigureFails(n, "noise schedule polynomial_3", edm.getSpec(),
                predictorSpec(List.of("Bn"), "polynomial_3", 4), null);
        ObjectivePortObjectSpec foreign = new ObjectivePortObjectSpec(Objective.parse("minimize GAP_eV",
                List.of("GAP_eV")));
        assertConfigureFails(n, "reads GAP_eV, which the property predictor does not predict", edm.getSpec(),
                predictor.getSpec(), foreign);
        NodeSettings tooMany = small(0);
        tooMany.addInt(GuidedSamplerNodeModel.CFG_RINGS, 5);
        n.loadModelSettings(tooMany);
        assertConfigureFails(n, "exceeds the EDM's capacity of 4 rings", edm.getSpec(), predictor.getSpec(), null);
        NodeSettings three = small(0);
        three.addInt(GuidedSamplerNodeModel.CFG_RINGS, 4);
        n.loadModelSettings(three);
        assertConfigureFails(n, "exceeds the 3 rings the property predictor was trained on", edm.getSpec(),
                predictorSpec(List.of("Bn"), "polynomial_2", 3), null);
        NodeSettings steps = small(0);
        steps.addInt(GuidedSamplerNodeModel.CFG_STEPS, 1001);
        n.loadModelSettings(steps);
        assertConfigureFails(n, "exceeds the EDM's 1000 diffusion steps", edm.getSpec(), predictor.getSpec(), null);
    }

    @Test
    public void guidedRunGivesWhatConfigurePromisedReportsTheDeviceAndIsReproducible() throws Exception {
        NodeDriver<GuidedSamplerNodeModel> n = node();
        n.loadModelSettings(small(7));
        PortObjectSpec[] specs = n.configure(edm.getSpec(), predictor.getSpec(), objective.getSpec());
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), edm, predictor, objective);
        BufferedDataTable table = (BufferedDataTable) out[0];
        BufferedDataTable summary = (BufferedDataTable) out[1];
        assertTrue(table.getDataTableSpec().equalStructure((DataTableSpec) specs[0]));
        assertTrue(summary.getDataTableSpec().equalStructure((DataTableSpec) specs[1]));
        assertEquals(6, table.size());
        assertEquals(1, summary.size());
        assertEquals("cpu", n.getPushedFlowVariables().get(GuidedSamplerNodeModel.FLOW_DEVICE));

        DataTableSpec ts = table.getDataTableSpec();
        int gorCol = ts.findColumnIndex(DesignTable.COL_GOR);
        int gapCol = ts.findColumnIndex(DesignTable.PREDICTED_PREFIX + "HMO_GAP_eV");
        int objCol = ts.findColumnIndex(DesignTable.COL_OBJECTIVE);
        int validCol = ts.findColumnIndex(DesignTable.COL_VALID);
        int sdfCol = ts.findColumnIndex(DesignTable.COL_SDF);
        int huckelCol = ts.findColumnIndex(DesignTable.COL_HUCKEL_EV);
        int exactCol = ts.findColumnIndex(DesignTable.COL_EXACT_OBJECTIVE);
        int rankCol = ts.findColumnIndex(DesignTable.COL_EXACT_RANK);
        int ofCol = ts.findColumnIndex(DesignTable.COL_EXACT_RANK_OF);
        int ringsCol = ts.findColumnIndex(DesignTable.COL_RINGS);
        int valid = 0;
        List<GraphOfRings> graphs = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (DataRow r : table) {
            graphs.add(GorText.parse(((StringValue) r.getCell(gorCol)).getStringValue()));
            double gap = ((DoubleValue) r.getCell(gapCol)).getDoubleValue();
            predicted.add(gap);
            // maximize HMO_GAP_eV: the objective value is the predicted gap
            assertEquals(gap, ((DoubleValue) r.getCell(objCol)).getDoubleValue(), 1e-12);
            boolean v = ((BooleanValue) r.getCell(validCol)).getBooleanValue();
            valid += v ? 1 : 0;
            assertEquals("an SDF record exactly for valid molecules", v, !r.getCell(sdfCol).isMissing());
            if (v) {
                assertTrue(((SdfValue) r.getCell(sdfCol)).getSdfValue().endsWith("$$$$\n"));
                // the exact oracle's objective is the Hückel gap the table computed from the decoded molecule, and the
                // rank is among every cata-condensed benzenoid with that many rings
                assertEquals(((DoubleValue) r.getCell(huckelCol)).getDoubleValue(),
                        ((DoubleValue) r.getCell(exactCol)).getDoubleValue(), 1e-9);
                int rings = ((IntValue) r.getCell(ringsCol)).getIntValue();
                int of = ((IntValue) r.getCell(ofCol)).getIntValue();
                assertEquals(CataBenzenoidEnumerator.enumerate(rings).size(), of);
                int rank = ((IntValue) r.getCell(rankCol)).getIntValue();
                assertTrue(rank >= 1 && rank <= of);
            } else {
                assertTrue(r.getCell(exactCol).isMissing() && r.getCell(rankCol).isMissing());
            }
            rows.add(withoutSdfTimestamp(r.toString()));
        }
        // the table's predictions are the predictor's at t = 0 on the sampled graphs (GOR text is 4-decimal)
        try (PropertyPredictor p = PropertyPredictor.fromArchive(predictor.readArchive(), Device.cpu())) {
            double[][] again = p.predict(graphs, 0);
            for (int i = 0; i < again.length; i++) {
                assertEquals(predicted.get(i), again[i][0], 1e-2);
            }
        }
        DataRow s = summary.iterator().next();
        DataTableSpec ss = summary.getDataTableSpec();
        assertEquals("cpu", ((StringValue) s.getCell(ss.findColumnIndex(DesignSummaryTable.COL_DEVICE)))
                .getStringValue());
        assertTrue(((BooleanValue) s.getCell(ss.findColumnIndex(DesignSummaryTable.COL_GUIDED))).getBooleanValue());
        assertEquals(valid / 6.0, ((DoubleValue) s.getCell(ss.findColumnIndex(
                DesignSummaryTable.COL_VALID_FRACTION))).getDoubleValue(), 1e-12);
        assertEquals("maximize HMO_GAP_eV", s.getCell(ss.findColumnIndex(DesignSummaryTable.COL_OBJECTIVE))
                .toString());

        NodeDriver<GuidedSamplerNodeModel> again = node();
        again.loadModelSettings(small(7));
        BufferedDataTable second = (BufferedDataTable) again.execute(NodeDriver.newExecutionContext(), edm,
                predictor, objective)[0];
        List<String> rows2 = new ArrayList<>();
        second.forEach(r -> rows2.add(withoutSdfTimestamp(r.toString())));
        assertEquals("same models, settings and seed: same molecules", rows, rows2);
    }

    /** The SDF header's program line carries the minute it was written (MDL format), which two runs may straddle. */
    private static String withoutSdfTimestamp(String row) {
        return row.replaceAll("(?m)^  CDK     \\d{10}", "  CDK     ##########");
    }

    @Test
    public void withoutObjectiveTheRunIsUnguided() throws Exception {
        NodeDriver<GuidedSamplerNodeModel> n = node();
        NodeSettings s = small(1);
        s.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 3);
        s.addInt(GuidedSamplerNodeModel.CFG_RINGS, 2);
        n.loadModelSettings(s);
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), edm, predictor, null);
        BufferedDataTable table = (BufferedDataTable) out[0];
        int objCol = table.getDataTableSpec().findColumnIndex(DesignTable.COL_OBJECTIVE);
        int gapCol = table.getDataTableSpec().findColumnIndex(DesignTable.PREDICTED_PREFIX + "HMO_GAP_eV");
        int ringsCol = table.getDataTableSpec().findColumnIndex(DesignTable.COL_RINGS);
        for (DataRow r : table) {
            assertTrue("no objective, no objective value", r.getCell(objCol).isMissing());
            assertFalse("still scored by the predictor", r.getCell(gapCol).isMissing());
            assertEquals("2", r.getCell(ringsCol).toString());
        }
        DataRow summary = ((BufferedDataTable) out[1]).iterator().next();
        DataTableSpec ss = ((BufferedDataTable) out[1]).getDataTableSpec();
        assertFalse(((BooleanValue) summary.getCell(ss.findColumnIndex(DesignSummaryTable.COL_GUIDED)))
                .getBooleanValue());
        assertEquals(0.7, ((DoubleValue) summary.getCell(ss.findColumnIndex(DesignSummaryTable.COL_STD)))
                .getDoubleValue(), 0);
    }

    @Test
    public void cancelStopsSamplingWithoutOutput() throws Exception {
        NodeDriver<GuidedSamplerNodeModel> n = node();
        n.loadModelSettings(small(0));
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        try {
            n.execute(NodeDriver.newExecutionContext(mon), edm, predictor, objective);
            fail("cancelled node produced output");
        } catch (CanceledExecutionException expected) {
            // KNIME's cancellation
        }
    }

    /** The xTB setting: off by default, and with it on but xtb missing the columns exist, empty, with a warning. */
    @Test
    public void xtbRequestedButMissingWarnsAndLeavesTheColumnsEmpty() throws Exception {
        assertFalse(node().saveModelSettings().getBoolean(GuidedSamplerNodeModel.CFG_XTB));
        NodeDriver<GuidedSamplerNodeModel> n = node();
        NodeSettings s = small(1);
        s.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 3);
        s.addBoolean(GuidedSamplerNodeModel.CFG_XTB, true);
        s.addString(GuidedSamplerNodeModel.CFG_XTB_PATH, "/nonexistent/xtb");
        s.addInt(GuidedSamplerNodeModel.CFG_XTB_TIME_LIMIT, 5);
        assertSettingsRoundTrip(node(), s);
        n.loadModelSettings(s);
        DataTableSpec spec = (DataTableSpec) n.configure(edm.getSpec(), predictor.getSpec(), null)[0];
        assertTrue(spec.containsName(DesignTable.COL_XTB_GAP) && spec.containsName(DesignTable.COL_XTB_ERROR));
        assertTrue(n.getWarningMessage(), n.getWarningMessage().contains("/nonexistent/xtb does not exist"));
        BufferedDataTable table = (BufferedDataTable) n.execute(NodeDriver.newExecutionContext(), edm, predictor,
                null)[0];
        assertEquals(spec, table.getDataTableSpec());
        int gap = spec.findColumnIndex(DesignTable.COL_XTB_GAP);
        for (DataRow r : table) {
            assertTrue(r.getCell(gap).isMissing());
        }
        assertTrue(n.getWarningMessage(), n.getWarningMessage().contains("xTB gap requested but")
                && n.getWarningMessage().contains("apt-get install xtb"));
    }

    /** With an xtb (here a script that replays a recorded xtb output) every valid design gets a gap, no other. */
    @Test
    public void xtbGapsFillTheValidRows() throws Exception {
        org.junit.Assume.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fake-xtb");
        try {
            java.nio.file.Path out = dir.resolve("recorded.out");
            try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(
                    "org/gaudi/core/xtb/benzene-gfn2-opt.out")) {
                java.nio.file.Files.copy(in, out);
            }
            java.nio.file.Path exe = dir.resolve("xtb");
            java.nio.file.Files.writeString(exe, "#!/bin/sh\ncat '" + out + "'\n");
            java.nio.file.Files.setPosixFilePermissions(exe,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            NodeDriver<GuidedSamplerNodeModel> n = node();
            NodeSettings s = small(2);
            s.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 4);
            s.addInt(GuidedSamplerNodeModel.CFG_RINGS, 1);
            s.addBoolean(GuidedSamplerNodeModel.CFG_XTB, true);
            s.addString(GuidedSamplerNodeModel.CFG_XTB_PATH, exe.toString());
            n.loadModelSettings(s);
            BufferedDataTable table = (BufferedDataTable) n.execute(NodeDriver.newExecutionContext(), edm, predictor,
                    objective)[0];
            DataTableSpec spec = table.getDataTableSpec();
            int gap = spec.findColumnIndex(DesignTable.COL_XTB_GAP);
            int valid = spec.findColumnIndex(DesignTable.COL_VALID);
            int sdf = spec.findColumnIndex(DesignTable.COL_SDF);
            int validRows = 0;
            for (DataRow r : table) {
                boolean v = ((BooleanValue) r.getCell(valid)).getBooleanValue();
                assertEquals(v, !r.getCell(gap).isMissing());
                if (v) {
                    validRows++;
                    assertEquals(4.934327543534, ((DoubleValue) r.getCell(gap)).getDoubleValue(), 1e-12);
                    assertTrue(((SdfValue) r.getCell(sdf)).getSdfValue().contains("> <xtb_gap_eV>\n4.9343\n"));
                }
            }
            assertTrue("the one-ring designs of the fixture EDM should include valid ones", validRows > 0);
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
