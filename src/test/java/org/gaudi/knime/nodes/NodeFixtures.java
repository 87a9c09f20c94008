package org.gaudi.knime.nodes;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.gaudi.knime.nodes.reader.GorDatasetReaderNodeFactory;
import org.gaudi.knime.nodes.reader.GorDatasetReaderNodeModel;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;

/** Shared inputs and checks of the node tests: molecule tables from the real reader node, port round trips. */
public final class NodeFixtures {

    private NodeFixtures() {
    }

    /** The GOR Dataset Reader's molecule table of the embedded benzenoids with min..max rings. */
    public static BufferedDataTable embeddedMolecules(int minRings, int maxRings, String properties)
            throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> reader = new NodeDriver<>(new GorDatasetReaderNodeFactory());
        NodeSettings s = reader.saveModelSettings();
        s.addInt(GorDatasetReaderNodeModel.CFG_MIN_RINGS, minRings);
        s.addInt(GorDatasetReaderNodeModel.CFG_MAX_RINGS, maxRings);
        s.addString(GorDatasetReaderNodeModel.CFG_PROPERTIES, properties);
        reader.loadModelSettings(s);
        reader.configure();
        return (BufferedDataTable) reader.execute(NodeDriver.newExecutionContext())[0];
    }

    /**
     * A tiny EDM (2 layers x 16, 1 epoch, CPU) trained by the EDM Learner node on {@code molecules}; its ring capacity
     * is the largest ring count in the table.
     */
    public static org.gaudi.knime.port.EdmPortObject tinyEdm(BufferedDataTable molecules, int seed)
            throws Exception {
        NodeDriver<org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel> edm = new NodeDriver<>(
                new org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeFactory());
        NodeSettings s = edm.saveModelSettings();
        s.addInt(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_LAYERS, 2);
        s.addInt(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_HIDDEN, 16);
        s.addInt(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_EPOCHS, 1);
        s.addInt(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_BATCH_SIZE, 8);
        s.addInt(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_SEED, seed);
        s.addString(org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel.CFG_DEVICE, "cpu");
        edm.loadModelSettings(s);
        edm.configure(molecules.getDataTableSpec());
        return (org.gaudi.knime.port.EdmPortObject) edm.execute(NodeDriver.newExecutionContext(), molecules)[0];
    }

    /** Settings, validated and loaded into a fresh node, then saved again must be unchanged. */
    public static <T extends NodeModel> void assertSettingsRoundTrip(NodeDriver<T> node, NodeSettings settings)
            throws Exception {
        node.loadModelSettings(settings);
        NodeSettings saved = node.saveModelSettings();
        org.junit.Assert.assertEquals(settings, saved);
        // and through KNIME's settings.xml format
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        saved.saveToXML(xml);
        NodeSettings reread = (NodeSettings) NodeSettings.loadFromXML(new ByteArrayInputStream(xml.toByteArray()));
        NodeDriver<T> fresh = new NodeDriver<>(node.getFactory());
        fresh.validateModelSettings(reread);
        fresh.loadModelSettings(reread);
        org.junit.Assert.assertEquals(saved, fresh.saveModelSettings());
    }

    /** Loading {@code settings} must fail with a message containing {@code message} and change nothing. */
    public static <T extends NodeModel> void assertInvalid(NodeDriver<T> node, NodeSettings settings,
            String message) {
        NodeSettings before = node.saveModelSettings();
        try {
            node.loadModelSettings(settings);
            fail("accepted invalid settings (" + message + ")");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage() + " should contain " + message, e.getMessage().contains(message));
        }
        org.junit.Assert.assertEquals("rejected settings must not be applied", before, node.saveModelSettings());
    }

    /** configure() must fail with a message containing {@code message}. */
    public static void assertConfigureFails(NodeDriver<?> node, String message, PortObjectSpec... specs) {
        try {
            node.configure(specs);
            fail("configure accepted bad input (" + message + ")");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage() + " should contain " + message, e.getMessage().contains(message));
        }
    }

    /** A port object saved and loaded through the serializers registered in plugin.xml (as KNIME stores it). */
    @SuppressWarnings("unchecked")
    public static <P extends PortObject> P roundTrip(P object) throws Exception {
        PortObjectSpec spec = roundTripSpec(object.getSpec());
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(object.getClass())
                .orElseThrow(() -> new AssertionError("no serializer registered for " + object.getClass()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            ser.savePortObject(object, out, new ExecutionMonitor());
        }
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (P) ser.loadPortObject(in, spec, new ExecutionMonitor());
        }
    }

    /** A spec saved and loaded through the serializer registered in plugin.xml. */
    @SuppressWarnings("unchecked")
    public static <S extends PortObjectSpec> S roundTripSpec(S spec) throws Exception {
        PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance().getSpecSerializer(spec.getClass())
                .orElseThrow(() -> new AssertionError("no spec serializer registered for " + spec.getClass()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            ser.savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in = PortUtil.getPortObjectSpecZipInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (S) ser.loadPortObjectSpec(in);
        }
    }
}
