package org.gaudi.knime.nodes.objective;

import static org.gaudi.knime.nodes.NodeFixtures.assertConfigureFails;
import static org.gaudi.knime.nodes.NodeFixtures.assertInvalid;
import static org.gaudi.knime.nodes.NodeFixtures.assertSettingsRoundTrip;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.objective.Objective;
import org.gaudi.knime.nodes.NodeFixtures;
import org.gaudi.knime.port.ModelInfo;
import org.gaudi.knime.port.ObjectivePortObject;
import org.gaudi.knime.port.ObjectivePortObjectSpec;
import org.gaudi.knime.port.PredictorPortObject;
import org.gaudi.knime.port.PredictorPortObjectSpec;
import org.junit.Test;
import org.knime.core.node.ExecutionMonitor;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;

/** The Objective node and its port through KNIME's node life cycle. */
public class ObjectiveNodeModelTest {

    private static final List<String> TARGETS = List.of("HMO_GAP_eV", "HMO_LUMO_eV");

    private static NodeDriver<ObjectiveNodeModel> node() {
        return new NodeDriver<>(new ObjectiveNodeFactory());
    }

    private static NodeSettings settings(String text) {
        NodeSettings s = node().saveModelSettings();
        s.addString(ObjectiveNodeModel.CFG_OBJECTIVE, text);
        return s;
    }

    /** A predictor spec as the Property Predictor Learner describes its model (the node reads only this). */
    static PredictorPortObjectSpec predictorSpec() {
        ModelInfo.Builder b = ModelInfo.builder(PredictorPortObjectSpec.KIND).vocabulary(List.of("Bn"))
                .schedule("polynomial_2", 1000).maxRings(6);
        for (String t : TARGETS) {
            b.target(t, "eV");
        }
        return new PredictorPortObjectSpec(b.build());
    }

    @Test
    public void settingsRoundTripAndSyntaxIsCheckedWhenApplied() throws Exception {
        assertEquals("", node().saveModelSettings().getString(ObjectiveNodeModel.CFG_OBJECTIVE));
        assertSettingsRoundTrip(node(), settings("minimize abs(HMO_GAP_eV - 2.5)"));
        assertInvalid(node(), settings("maximize HMO_GAP_eV +"), "column 22: expected an expression but the text ends");
        assertInvalid(node(), settings("HMO_GAP_eV"), "column 1");
        assertInvalid(node(), settings("minimize HMO_GAP_eV / 0"), "division by zero");
    }

    @Test
    public void configureBindsToThePredictorsTargetsWithPositionedErrors() throws Exception {
        NodeDriver<ObjectiveNodeModel> n = node();
        assertConfigureFails(n, "No objective entered: write e.g. 'maximize HMO_GAP_eV'", predictorSpec());
        n.loadModelSettings(settings("maximize 2*HMO_GAP_ev"));
        assertConfigureFails(n, "column 12: unknown property 'HMO_GAP_ev'; did you mean 'HMO_GAP_eV'?",
                predictorSpec());
        n.loadModelSettings(settings("MAXIMIZE   HMO_GAP_eV"));
        ObjectivePortObjectSpec spec = (ObjectivePortObjectSpec) n.configure(predictorSpec())[0];
        assertEquals("maximize HMO_GAP_eV", spec.getObjectiveText());
        assertEquals(Direction.MAXIMIZE, spec.getDirection());
        assertEquals(TARGETS, spec.getTargetNames());
        assertEquals(Map.of(ObjectiveNodeModel.FLOW_VARIABLE, "maximize HMO_GAP_eV"), n.getPushedFlowVariables());
    }

    @Test
    public void executeGivesWhatConfigurePromisedAndThePortSurvivesSaving() throws Exception {
        NodeDriver<ObjectiveNodeModel> n = node();
        n.loadModelSettings(settings("minimize (HMO_GAP_eV - 3)^2 + 0.1*HMO_LUMO_eV"));
        PortObjectSpec spec = n.configure(predictorSpec())[0];
        PredictorPortObject predictor = new PredictorPortObject(predictorSpec(), new byte[] {1, 2, 3});
        PortObject[] out = n.execute(NodeDriver.newExecutionContext(), predictor);
        ObjectivePortObject objective = (ObjectivePortObject) out[0];
        assertEquals(spec, objective.getSpec());
        assertEquals(Objective.parse("minimize (HMO_GAP_eV - 3)^2 + 0.1*HMO_LUMO_eV", TARGETS),
                objective.getObjective());
        assertEquals(objective.getSpec().getObjectiveText(), n.getPushedFlowVariables()
                .get(ObjectiveNodeModel.FLOW_VARIABLE));
        // the objective evaluates the same before and after KNIME stores the port
        ObjectivePortObject loaded = NodeFixtures.roundTrip(objective);
        assertNotSame(objective, loaded);
        assertEquals(objective, loaded);
        double[] props = {2.5, -1.0};
        assertEquals(objective.getObjective().value(props), loaded.getObjective().value(props), 0);
        assertEquals(0.25 - 0.1, loaded.getObjective().value(props), 1e-12);
        assertEquals(objective.getSummary(), loaded.getSummary());
        assertEquals(1, loaded.getViews().length);
    }

    @Test
    public void aPortWhoseContentDisagreesWithItsSpecIsRejected() throws Exception {
        ObjectivePortObject o = new ObjectivePortObject(new ObjectivePortObjectSpec(
                Objective.parse("maximize HMO_GAP_eV", TARGETS)));
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance()
                .getObjectSerializer(ObjectivePortObject.class).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            ser.savePortObject(o, out, new ExecutionMonitor());
        }
        ObjectivePortObjectSpec other = new ObjectivePortObjectSpec(Objective.parse("minimize HMO_GAP_eV", TARGETS));
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            ser.loadPortObject(in, other, new ExecutionMonitor());
            fail("content and spec disagree");
        } catch (java.io.IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("differs from its spec"));
        }
        try {
            new ObjectivePortObjectSpec(Objective.parse("maximize x"));
            fail("unbound objective accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("not bound"));
        }
    }

    @Test
    public void dialogWritesExactlyWhatTheModelSaves() throws Exception {
        NodeDriver<ObjectiveNodeModel> n = node();
        n.loadModelSettings(settings("maximize HMO_GAP_eV"));
        NodeDialogPane d = n.createNodeDialogPane();
        NodeDriver.loadDialogSettings(d, n.saveModelSettings(), new PortObjectSpec[] {predictorSpec()});
        assertEquals(n.saveModelSettings(), NodeDriver.saveDialogSettings(d));
    }
}
