package org.gaudi.knime.port;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;

/**
 * Base of GaUDI's binary model ports: the model file exactly as the core wrote it (a {@link ModelArchive} zip, opaque
 * to the node layer and read back with {@link #readArchive()}), plus its {@link ModelPortObjectSpec}. Saved as two zip entries, the file and its SHA-256 digest, so a
 * damaged workflow is reported on load instead of producing a broken model.
 */
public abstract class ModelPortObject extends AbstractPortObject {

    static final String ENTRY_MODEL = "gaudi-model.bin";
    static final String ENTRY_DIGEST = "gaudi-model.sha256";

    private ModelPortObjectSpec spec;
    private byte[] modelFile;

    /** For the serializer only; {@link #load} fills the object. */
    protected ModelPortObject() {
    }

    protected ModelPortObject(final ModelPortObjectSpec spec, final byte[] modelFile) {
        if (spec == null || modelFile == null) {
            throw new NullPointerException("spec and model file are required");
        }
        if (!specClass().isInstance(spec)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a " + specClass()
                    .getSimpleName() + ", got " + spec.getClass().getSimpleName());
        }
        if (modelFile.length == 0) {
            throw new IllegalArgumentException("model file is empty");
        }
        this.spec = spec;
        this.modelFile = modelFile.clone();
    }

    /** Model bytes of an archive, after checking it is of this port's kind. */
    static byte[] archiveBytes(final ModelArchive archive, final String expectedKind) {
        if (!expectedKind.equals(archive.header().kind())) {
            throw new IllegalArgumentException("a model file of kind '" + archive.header().kind()
                    + "' cannot travel on a port for '" + expectedKind + "' models");
        }
        return archive.toBytes();
    }

    /** The spec class this port object belongs to. */
    protected abstract Class<? extends ModelPortObjectSpec> specClass();

    /** The {@link ModelArchive} kind of the model file this port carries, e.g. "gaudi-edm". */
    protected abstract String archiveKind();

    /**
     * Opens the model file with the core (checking format, version and kind).
     *
     * @throws ModelFormatException naming this port if the file is damaged or of another kind
     */
    public ModelArchive readArchive() throws ModelFormatException {
        return ModelArchive.fromBytes(modelFile, "GaUDI " + getModelInfo().kind() + " port", archiveKind());
    }

    @Override
    public ModelPortObjectSpec getSpec() {
        return spec;
    }

    /** What the model is (shortcut for {@code getSpec().getModelInfo()}). */
    public ModelInfo getModelInfo() {
        return spec.getModelInfo();
    }

    /** A copy of the model file bytes. */
    public byte[] getModelFile() {
        return modelFile.clone();
    }

    /** Reads the model file without copying it. */
    public InputStream openModelFile() {
        return new ByteArrayInputStream(modelFile);
    }

    public int getModelFileSize() {
        return modelFile.length;
    }

    @Override
    public String getSummary() {
        return spec.getModelInfo().summary();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ModelSummaryView.create("Model", spec.getModelInfo(), modelFile.length)};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        out.putNextEntry(new ZipEntry(ENTRY_MODEL));
        out.write(modelFile);
        out.closeEntry();
        out.putNextEntry(new ZipEntry(ENTRY_DIGEST));
        out.write(digestLine(modelFile).getBytes(StandardCharsets.US_ASCII));
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec loadedSpec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        if (!specClass().isInstance(loadedSpec)) {
            throw new IOException(getClass().getSimpleName() + " expects a " + specClass().getSimpleName()
                    + " but the workflow holds " + (loadedSpec == null ? "no spec" : loadedSpec.getClass()
                            .getSimpleName()));
        }
        byte[] bytes = readEntry(in, ENTRY_MODEL);
        exec.checkCanceled();
        String digest = new String(readEntry(in, ENTRY_DIGEST), StandardCharsets.US_ASCII);
        if (!digest.equals(digestLine(bytes))) {
            throw new IOException("GaUDI model file in the workflow is damaged: SHA-256/size " + digestLine(bytes)
                    .trim() + " does not match the stored " + digest.trim());
        }
        this.spec = (ModelPortObjectSpec) loadedSpec;
        this.modelFile = bytes;
    }

    private static byte[] readEntry(PortObjectZipInputStream in, String name) throws IOException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !name.equals(e.getName())) {
            throw new IOException("GaUDI model port: expected zip entry " + name + ", found "
                    + (e == null ? "end of stream" : e.getName()));
        }
        return in.readAllBytes();
    }

    static String digestLine(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d) + " " + bytes.length + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
