package org.gaudi.core.model;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON header of a model file: format version, model kind, creation time, the hyper-parameters needed to
 * rebuild the network, and free metadata the model fills (feature vocabulary, normalisation, ring-count
 * distribution, training-set InChIKeys, seed, data summary, split, metrics...). Values are any Jackson-serialisable
 * objects (maps, lists, arrays, records, POJOs) and are read back with a target type.
 *
 * <pre>{@code
 * ModelHeader h = new ModelHeader("gaudi-edm").hyperParameter("hidden", 192).metadata("normalisation", norm);
 * int hidden = h.hyperParameter("hidden", Integer.class);
 * Norm norm = h.metadata("normalisation", Norm.class);
 * }</pre>
 */
public final class ModelHeader {
    /** Value of the "format" field of every GaUDI model file. */
    public static final String FORMAT = "gaudi-model";
    /** The format version this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final String kind;
    private final int formatVersion;
    private final Instant created;
    private final ObjectNode hyperParameters;
    private final ObjectNode metadata;
    private String source = "(in memory)";

    /** A new header of the current format version, created now. */
    public ModelHeader(String kind) {
        this(kind, FORMAT_VERSION, Instant.now(), JSON.createObjectNode(), JSON.createObjectNode());
    }

    private ModelHeader(String kind, int formatVersion, Instant created, ObjectNode hyper, ObjectNode meta) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("model kind must not be empty");
        }
        this.kind = kind;
        this.formatVersion = formatVersion;
        this.created = created;
        this.hyperParameters = hyper;
        this.metadata = meta;
    }

    /** The model kind, e.g. "gaudi-edm" or "gaudi-predictor". */
    public String kind() {
        return kind;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public Instant created() {
        return created;
    }

    /** The file or stream this header was read from (for messages). */
    public String source() {
        return source;
    }

    /** Sets a hyper-parameter (replacing an earlier value); returns this header. */
    public ModelHeader hyperParameter(String key, Object value) {
        hyperParameters.set(Objects.requireNonNull(key, "key"), JSON.valueToTree(value));
        return this;
    }

    /**
     * Reads a hyper-parameter.
     *
     * @throws IllegalStateException naming the file and key if it is missing or has the wrong type
     */
    public <V> V hyperParameter(String key, Class<V> type) {
        return convert(hyperParameters, "hyper-parameter", key, JSON.getTypeFactory().constructType(type));
    }

    public boolean hasHyperParameter(String key) {
        return hyperParameters.has(key);
    }

    /** Sets a metadata entry (replacing an earlier value); returns this header. */
    public ModelHeader metadata(String key, Object value) {
        metadata.set(Objects.requireNonNull(key, "key"), JSON.valueToTree(value));
        return this;
    }

    /** Reads a metadata entry; same errors as {@link #hyperParameter(String, Class)}. */
    public <V> V metadata(String key, Class<V> type) {
        return convert(metadata, "metadata entry", key, JSON.getTypeFactory().constructType(type));
    }

    /** Reads a generic metadata entry, e.g. {@code new TypeReference<List<String>>() {}}. */
    public <V> V metadata(String key, TypeReference<V> type) {
        return convert(metadata, "metadata entry", key, JSON.getTypeFactory().constructType(type));
    }

    public boolean hasMetadata(String key) {
        return metadata.has(key);
    }

    /** Names of the hyper-parameters, in insertion order. */
    public List<String> hyperParameterNames() {
        return names(hyperParameters);
    }

    /** Names of the metadata entries, in insertion order. */
    public List<String> metadataNames() {
        return names(metadata);
    }

    /** The hyper-parameters as a read-only JSON tree (for display). */
    public JsonNode hyperParameters() {
        return hyperParameters.deepCopy();
    }

    /** The metadata as a read-only JSON tree (for display). */
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    private static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    private <V> V convert(ObjectNode node, String what, String key,
            com.fasterxml.jackson.databind.JavaType type) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalStateException("model file " + source + " (" + kind + ") has no " + what + " '" + key
                    + "'");
        }
        try {
            return JSON.treeToValue(v, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("model file " + source + ": " + what + " '" + key + "' is not a "
                    + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** The header as UTF-8 JSON. */
    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", formatVersion);
        root.put("kind", kind);
        root.put("created", created.toString());
        root.set("hyperParameters", hyperParameters);
        root.set("metadata", metadata);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise model header", e);
        }
    }

    /** Parses and checks a header. */
    static ModelHeader fromJson(byte[] json, String source) throws ModelFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ModelFormatException(source, "header.json is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(source, "header.json is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ModelFormatException(source, "header.json is not a GaUDI model header (format field is "
                    + root.path("format") + ", expected \"" + FORMAT + "\")");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.canConvertToInt()) {
            throw new ModelFormatException(source, "header.json has no valid formatVersion");
        }
        int version = v.intValue();
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(source, "was written by a newer GaUDI version (format version " + version
                    + "; this version reads up to " + FORMAT_VERSION + "); update the GaUDI extension");
        }
        if (version < 1) {
            throw new ModelFormatException(source, "has an invalid format version " + version);
        }
        String kind = root.path("kind").asText("");
        if (kind.isBlank()) {
            throw new ModelFormatException(source, "header.json names no model kind");
        }
        Instant created;
        try {
            created = Instant.parse(root.path("created").asText(""));
        } catch (RuntimeException e) {
            throw new ModelFormatException(source, "header.json has an invalid creation time "
                    + root.path("created"));
        }
        JsonNode hyper = root.get("hyperParameters");
        JsonNode meta = root.get("metadata");
        if (hyper != null && !hyper.isObject() || meta != null && !meta.isObject()) {
            throw new ModelFormatException(source, "header.json: hyperParameters and metadata must be objects");
        }
        ModelHeader h = new ModelHeader(kind, version, created,
                hyper == null ? JSON.createObjectNode() : (ObjectNode) hyper,
                meta == null ? JSON.createObjectNode() : (ObjectNode) meta);
        h.source = source;
        return h;
    }

    ModelHeader withSource(String s) {
        this.source = s;
        return this;
    }
}
