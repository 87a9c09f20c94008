package org.gaudi.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file of {@code ../shared/golden/}: outputs of GaUDI's own PyTorch code for small networks with recorded weights
 * and inputs (see that folder's README). Every tensor is {@code {"shape": [...], "values": [...]}}, row-major, batch
 * axis first; parameters are listed under GaUDI's {@code state_dict} names with PyTorch's Linear layout (out, in).
 */
public final class GoldenData {
    /** A tensor: its shape and row-major values. */
    public record Tensor(long[] shape, float[] values) {
        public float get(int i) {
            return values[i];
        }
    }

    private final Path file;
    private final JsonNode root;
    private final Map<String, Tensor> params = new LinkedHashMap<>();

    private GoldenData(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
        for (JsonNode p : root.path("params")) {
            params.put(p.get("name").asText(), tensor(p));
        }
    }

    /** Loads {@code name} from the shared golden folder, or skips the calling test when it is absent. */
    public static GoldenData load(String name) {
        Path p = SharedData.golden(name);
        try {
            return new GoldenData(p, new ObjectMapper().readTree(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + p, e);
        }
    }

    /** GaUDI's parameters by state_dict name, in file order. */
    public Map<String, Tensor> params() {
        return params;
    }

    /** The tensor at a slash-separated path, e.g. {@code inputs/x} or {@code diffusion/z_t}. */
    public Tensor tensor(String path) {
        JsonNode n = root;
        for (String part : path.split("/")) {
            n = n.path(part);
        }
        if (n.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no tensor " + path);
        }
        return tensor(n);
    }

    private static Tensor tensor(JsonNode n) {
        JsonNode s = n.get("shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong();
        }
        JsonNode v = n.get("values");
        float[] values = new float[v.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) v.get(i).asDouble();
        }
        return new Tensor(shape, values);
    }

    /**
     * The largest relative deviation of {@code actual} from {@code expected}: max_i |a_i − e_i| / max(|e_i|, floor),
     * with floor = 1e-3·max_j |e_j| so that entries that are zero (padding) or nearly so are judged on the
     * tensor's own scale rather than divided by ~0.
     */
    public static double maxRelativeError(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("length " + actual.length + " != expected " + expected.length);
        }
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double floor = Math.max(1e-3 * scale, 1e-30);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double err = Math.abs((double) actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
            if (!(err <= worst)) {
                worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
            }
        }
        return worst;
    }
}
