package org.gaudi.core.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.io.StagedFile;
import org.gaudi.core.train.TrainingCheckpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * A model file: one zip holding {@code header.json} ({@link ModelHeader}), {@code parameters.bin} (DJL's
 * {@code Block.saveParameters} format) and, for resumable files, {@code optimizer.bin} (a serialised
 * {@link TrainingCheckpoint}: optimiser moments, clipping queue, epoch, ...). Immutable.
 *
 * <p>Writing to a path is atomic (temporary file in the same folder, then a move), so a failure or cancellation
 * never leaves a half-written model file. Reading checks the zip, the header (format, version, kind) and names the
 * file and the problem in every error. Byte-array and stream variants serve KNIME port objects.
 *
 * <pre>{@code
 * ModelArchive.of(header, block).write(path);                       // after training
 * ModelArchive a = ModelArchive.read(path, "gaudi-edm");            // later
 * Block b = buildFrom(a.header()); b.initialize(manager, FLOAT32, shapes); a.loadParametersInto(b);
 * }</pre>
 */
public final class ModelArchive {
    public static final String HEADER_ENTRY = "header.json";
    public static final String PARAMETERS_ENTRY = "parameters.bin";
    public static final String TRAINING_STATE_ENTRY = "optimizer.bin";

    private final ModelHeader header;
    private final byte[] parameters;
    private final byte[] trainingState;
    private final String source;

    private ModelArchive(ModelHeader header, byte[] parameters, byte[] trainingState, String source) {
        this.header = Objects.requireNonNull(header, "header");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.trainingState = trainingState;
        this.source = source;
    }

    /**
     * An archive of the block's current parameters.
     *
     * @throws IllegalStateException if the block is not initialised
     */
    public static ModelArchive of(ModelHeader header, Block block) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the network parameters", e);
        }
        return new ModelArchive(header, bos.toByteArray(), null, "(in memory)");
    }

    /** An archive from already serialised parameters ({@code Block.saveParameters} format). */
    public static ModelArchive of(ModelHeader header, byte[] parameters) {
        return new ModelArchive(header, parameters.clone(), null, "(in memory)");
    }

    /** This archive plus a training checkpoint (stored as {@code optimizer.bin}) to resume from. */
    public ModelArchive withTrainingState(TrainingCheckpoint checkpoint) {
        return new ModelArchive(header, parameters, checkpoint.toBytes(), source);
    }

    /** This archive without training state (smaller; for deployment). */
    public ModelArchive withoutTrainingState() {
        return new ModelArchive(header, parameters, null, source);
    }

    public ModelHeader header() {
        return header;
    }

    /** Where the archive was read from (a path or a name given by the caller), for messages. */
    public String source() {
        return source;
    }

    /** The serialised parameters (a copy). */
    public byte[] parameterBytes() {
        return parameters.clone();
    }

    public boolean hasTrainingState() {
        return trainingState != null;
    }

    /**
     * The stored training checkpoint, if any.
     *
     * @throws ModelFormatException if {@code optimizer.bin} is damaged
     */
    public Optional<TrainingCheckpoint> trainingCheckpoint() throws ModelFormatException {
        if (trainingState == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrainingCheckpoint.fromBytes(trainingState));
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source, TRAINING_STATE_ENTRY + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the stored parameters into {@code block}, which must be built with the header's hyper-parameters and
     * initialised. New arrays live in the manager of the block's current parameters; the old arrays are freed and
     * trainable parameters keep requiring gradients (so training can continue).
     *
     * @throws ModelFormatException if the parameters do not fit the block (names, shapes, count) or are damaged;
     *         the block's parameters are then undefined and the block should be discarded
     */
    public void loadParametersInto(Block block) throws ModelFormatException {
        Djl.run(() -> load(block));
    }

    private void load(Block block) throws ModelFormatException {
        List<Parameter> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                throw new IllegalStateException("initialise the network before loading parameters into it ("
                        + p.getKey() + " is not initialised)");
            }
            params.add(p.getValue());
            names.add(p.getKey());
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException("the network has no parameters");
        }
        List<NDArray> old = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Parameter p : params) {
            old.add(p.getArray());
            shapes.add(p.getArray().getShape());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(old.get(0).getManager(), in);
            int extra = in.available();
            if (extra > 0) {
                throw new ModelFormatException(source, PARAMETERS_ENTRY + " holds " + extra + " more bytes than the "
                        + "network has parameters for; the network does not match the file");
            }
        } catch (MalformedModelException e) {
            throw new ModelFormatException(source, PARAMETERS_ENTRY + " does not fit the network: "
                    + e.getMessage(), e);
        } catch (EOFException e) {
            throw new ModelFormatException(source, PARAMETERS_ENTRY + " ends early: truncated, or the network is "
                    + "larger than the stored one", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source, PARAMETERS_ENTRY + " cannot be read into the network: "
                    + e.getMessage(), e);
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            NDArray now = p.getArray();
            if (!now.getShape().equals(shapes.get(i))) {
                throw new ModelFormatException(source, "parameter " + names.get(i) + " has shape " + now.getShape()
                        + " in the file but " + shapes.get(i) + " in the network; the hyper-parameters differ");
            }
            if (now != old.get(i)) {
                old.get(i).close();
                if (p.requiresGradient()) {
                    now.setRequiresGradient(true);
                }
            }
        }
    }

    /**
     * Fixed zip entry time (2020-01-01 UTC): the same model always serialises to the same bytes, whenever it is
     * written (the header records when it was trained).
     */
    private static final long ENTRY_TIME = 1_577_836_800_000L;

    /** The archive as zip bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(parameters.length + 4096);
        try {
            writeTo(bos);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    /** Writes the zip to a stream (not closed). */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        ZipEntry h = new ZipEntry(HEADER_ENTRY);
        h.setTime(ENTRY_TIME);
        zip.putNextEntry(h);
        zip.write(header.toJson());
        zip.closeEntry();
        putStored(zip, PARAMETERS_ENTRY, parameters);
        if (trainingState != null) {
            putStored(zip, TRAINING_STATE_ENTRY, trainingState);
        }
        zip.finish();
        zip.flush();
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        // Stored, not deflated: float32 weights barely compress and deflating large models costs seconds.
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Writes the archive to {@code file} atomically: the content goes to a temporary file in the same folder,
     * is flushed to disk and then moved over the target. On any failure the target is untouched and the temporary
     * file removed.
     */
    public void write(Path file) throws IOException {
        StagedFile.write(file, this::writeTo);
    }

    /**
     * Reads a model file of any kind.
     *
     * @throws ModelFormatException naming the file if it is not a model, damaged, truncated or too new
     * @throws NoSuchFileException if it does not exist
     */
    public static ModelArchive read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads a model file and checks its kind.
     *
     * @param expectedKind e.g. "gaudi-edm"; null accepts any kind
     */
    public static ModelArchive read(Path file, String expectedKind) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "model file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(file.toString(), "is a folder, not a model file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return readFrom(in, file.toString(), expectedKind);
        }
    }

    /** Reads model zip bytes; {@code sourceName} names the origin in error messages. */
    public static ModelArchive fromBytes(byte[] bytes, String sourceName, String expectedKind)
            throws ModelFormatException {
        try {
            return readFrom(new ByteArrayInputStream(bytes), sourceName, expectedKind);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(sourceName, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a model zip from a stream (read to its end, not closed). */
    public static ModelArchive readFrom(InputStream in, String sourceName, String expectedKind) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        try {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
                zip.closeEntry();
            }
        } catch (EOFException e) {
            throw new ModelFormatException(sourceName, "is truncated (the file ends inside an entry)", e);
        } catch (ZipException e) {
            throw new ModelFormatException(sourceName, "is truncated or damaged (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new ModelFormatException(sourceName, "is not a GaUDI model file (not a zip archive, or empty)");
        }
        byte[] h = entries.get(HEADER_ENTRY);
        if (h == null) {
            throw new ModelFormatException(sourceName, "is not a GaUDI model file (no " + HEADER_ENTRY + " in the "
                    + "zip; entries: " + entries.keySet() + ")");
        }
        ModelHeader header = ModelHeader.fromJson(h, sourceName);
        if (expectedKind != null && !expectedKind.equals(header.kind())) {
            throw new ModelFormatException(sourceName, "holds a '" + header.kind() + "' model, but a '"
                    + expectedKind + "' model is needed");
        }
        byte[] p = entries.get(PARAMETERS_ENTRY);
        if (p == null) {
            throw new ModelFormatException(sourceName, "has no " + PARAMETERS_ENTRY + " (incomplete file?)");
        }
        return new ModelArchive(header, p, entries.get(TRAINING_STATE_ENTRY), sourceName);
    }
}
