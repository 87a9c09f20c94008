package org.gaudi.knime.port;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.junit.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.ModelContent;
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

/**
 * Model ports survive KNIME's save → load (through the serializers registered in plugin.xml, as the framework
 * copies and stores port objects) with identical model bytes and spec, and a damaged model file is reported.
 */
public class ModelPortRoundTripTest {

    static ModelInfo edmInfo() {
        return ModelInfo.builder(EdmPortObjectSpec.KIND).vocabulary(List.of("Bn", "Pl", "Th"))
                .schedule("polynomial_2", 1000).maxRings(11).hyperParameter("layers", 9)
                .hyperParameter("hidden", 192).metric("validation loss", 0.1234567).build();
    }

    static ModelInfo predictorInfo() {
        return ModelInfo.builder(PredictorPortObjectSpec.KIND).vocabulary(List.of("Bn"))
                .target("HMO_GAP_eV", "eV").target("HMO_GAP_beta", "|beta|").schedule("polynomial_2", 1000)
                .maxRings(8).hyperParameter("layers", 12).metric("MAE HMO_GAP_eV", 0.05).build();
    }

    static byte[] modelBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @SuppressWarnings("unchecked")
    static <S extends PortObjectSpec> S roundTripSpec(S spec) throws IOException {
        PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance()
                .getSpecSerializer(spec.getClass()).orElseThrow(() -> new AssertionError(
                        "no spec serializer registered in plugin.xml for " + spec.getClass()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            ser.savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in = PortUtil.getPortObjectSpecZipInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (S) ser.loadPortObjectSpec(in);
        }
    }

    @SuppressWarnings("unchecked")
    static <P extends PortObject> byte[] save(P object) throws Exception {
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(object.getClass())
                .orElseThrow(() -> new AssertionError("no serializer registered for " + object.getClass()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            ser.savePortObject(object, out, new ExecutionMonitor());
        }
        return bytes.toByteArray();
    }

    static <P extends PortObject> P load(Class<P> cls, byte[] saved, PortObjectSpec spec) throws Exception {
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(cls).orElseThrow();
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(saved))) {
            return cls.cast(ser.loadPortObject(in, spec, new ExecutionMonitor()));
        }
    }

    @Test
    public void edmPortRoundTrip() throws Exception {
        byte[] model = modelBytes(200_000, 1);
        EdmPortObject po = new EdmPortObject(new EdmPortObjectSpec(edmInfo()), model);
        EdmPortObjectSpec spec = roundTripSpec(po.getSpec());
        assertNotSame(po.getSpec(), spec);
        assertEquals(po.getSpec(), spec);
        assertEquals(edmInfo(), spec.getModelInfo());
        EdmPortObject loaded = load(EdmPortObject.class, save(po), spec);
        assertArrayEquals(model, loaded.getModelFile());
        assertArrayEquals(model, loaded.openModelFile().readAllBytes());
        assertEquals(po.getSummary(), loaded.getSummary());
        assertEquals(spec, loaded.getSpec());
    }

    @Test
    public void predictorPortRoundTripKeepsTargetsInOrder() throws Exception {
        byte[] model = modelBytes(1234, 2);
        PredictorPortObject po = new PredictorPortObject(new PredictorPortObjectSpec(predictorInfo()), model);
        PredictorPortObjectSpec spec = roundTripSpec(po.getSpec());
        assertEquals(List.of("HMO_GAP_eV", "HMO_GAP_beta"), spec.getModelInfo().targetNames());
        assertEquals("|beta|", spec.getModelInfo().targets().get(1).unit());
        assertEquals(0.05, spec.getModelInfo().metrics().get("MAE HMO_GAP_eV"), 0);
        PredictorPortObject loaded = load(PredictorPortObject.class, save(po), spec);
        assertArrayEquals(model, loaded.getModelFile());
        assertTrue(loaded.getSummary(), loaded.getSummary().contains("HMO_GAP_eV [eV]"));
    }

    @Test
    public void coreModelArchiveSurvivesThePort() throws Exception {
        byte[] parameters = modelBytes(50_000, 7);
        ModelHeader header = new ModelHeader(PredictorPortObject.ARCHIVE_KIND).hyperParameter("layers", 12)
                .metadata("targets", List.of("HMO_GAP_eV"));
        ModelArchive archive = ModelArchive.of(header, parameters);
        PredictorPortObject po = new PredictorPortObject(new PredictorPortObjectSpec(predictorInfo()), archive);
        PredictorPortObject loaded = load(PredictorPortObject.class, save(po), roundTripSpec(po.getSpec()));
        ModelArchive back = loaded.readArchive();
        assertEquals(PredictorPortObject.ARCHIVE_KIND, back.header().kind());
        assertEquals(12, (int) back.header().hyperParameter("layers", Integer.class));
        assertArrayEquals(parameters, back.parameterBytes());
        assertArrayEquals(archive.toBytes(), loaded.getModelFile());
        try {
            new EdmPortObject(new EdmPortObjectSpec(edmInfo()), archive);
            fail("predictor file accepted on an EDM port");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("gaudi-predictor"));
        }
        try {
            new EdmPortObject(new EdmPortObjectSpec(edmInfo()), modelBytes(100, 8)).readArchive();
            fail("random bytes read as a model file");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("GaUDI edm port"));
        }
    }

    @Test
    public void modelFileIsCopiedNotShared() {
        byte[] model = modelBytes(10, 3);
        EdmPortObject po = new EdmPortObject(new EdmPortObjectSpec(edmInfo()), model);
        model[0]++;
        assertEquals((byte) (model[0] - 1), po.getModelFile()[0]);
        // a caller changing the returned bytes must not change the port's copy (the old check compared the getter
        // with itself and could not fail)
        byte before = po.getModelFile()[1];
        po.getModelFile()[1]++;
        assertEquals(before, po.getModelFile()[1]);
    }

    @Test
    public void damagedModelFileIsReported() throws Exception {
        byte[] model = modelBytes(5000, 4);
        // a port zip as the serializer writes it, but with the digest of different bytes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("meta.xml"));
            ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", EdmPortObject.class.getName());
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            meta.saveToXML(xml);
            out.write(xml.toByteArray());
            out.putNextEntry(new ZipEntry(ModelPortObject.ENTRY_MODEL));
            out.write(model);
            out.putNextEntry(new ZipEntry(ModelPortObject.ENTRY_DIGEST));
            model[17] ^= 1;
            out.write(ModelPortObject.digestLine(model).getBytes(StandardCharsets.US_ASCII));
        }
        try {
            load(EdmPortObject.class, bytes.toByteArray(), new EdmPortObjectSpec(edmInfo()));
            fail("damaged model file accepted");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("damaged"));
        }
    }

    @Test
    public void wrongSpecKindIsRejectedOnLoad() throws Exception {
        EdmPortObject po = new EdmPortObject(new EdmPortObjectSpec(edmInfo()), modelBytes(10, 5));
        try {
            load(EdmPortObject.class, save(po), new PredictorPortObjectSpec(predictorInfo()));
            fail("EDM loaded with a predictor spec");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("EdmPortObjectSpec"));
        }
        try {
            new PredictorPortObjectSpec(edmInfo());
            fail("predictor spec accepted an EDM description");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'predictor'"));
        }
    }

    @Test
    public void specsCheckWhatDownstreamNodesNeed() {
        try {
            new PredictorPortObjectSpec(ModelInfo.builder(PredictorPortObjectSpec.KIND).vocabulary(List.of("Bn"))
                    .build());
            fail("predictor without targets accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("target"));
        }
        try {
            new EdmPortObjectSpec(ModelInfo.builder(EdmPortObjectSpec.KIND).vocabulary(List.of("Bn")).build());
            fail("EDM without diffusion steps accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("diffusion steps"));
        }
    }

    @Test
    public void viewsShowTheModelDescription() {
        EdmPortObject po = new EdmPortObject(new EdmPortObjectSpec(edmInfo()), modelBytes(321, 6));
        JComponent[] views = po.getViews();
        assertEquals(1, views.length);
        assertEquals("Model", views[0].getName());
        String html = ModelSummaryView.html(edmInfo(), 321);
        assertTrue(html, html.contains("polynomial_2, T = 1000") && html.contains("321 bytes")
                && html.contains("<b>hidden</b></td><td>192"));
        assertEquals(1, po.getSpec().getViews().length);
    }
}
