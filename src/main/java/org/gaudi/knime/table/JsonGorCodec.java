package org.gaudi.knime.table;

import java.util.Arrays;

import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Graph of rings as one line of JSON: {@code {"types":["Bn","Bn"],"centroids":[[x,y,z],...]}} plus
 * {@code "orientation"} (one [x,y,z] per ring) for hetero systems. Coordinates in Å at full double precision, so a
 * table round trip is exact. Readable, and parseable by any tool downstream in KNIME.
 */
public final class JsonGorCodec implements GorTextCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(final GraphOfRings gor) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode types = root.putArray("types");
        for (RingType t : gor.types()) {
            types.add(t.name());
        }
        putPoints(root.putArray("centroids"), gor.centroids());
        if (gor.hasOrientationNodes()) {
            putPoints(root.putArray("orientation"), gor.orientationNodes());
        }
        return root.toString();
    }

    private static void putPoints(ArrayNode array, double[][] points) {
        for (double[] p : points) {
            ArrayNode a = array.addArray();
            for (double v : p) {
                a.add(v);
            }
        }
    }

    @Override
    public GraphOfRings parse(final String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"types\" and \"centroids\"");
        }
        JsonNode types = root.get("types");
        if (types == null || !types.isArray() || types.size() == 0) {
            throw new IllegalArgumentException("\"types\" must be a non-empty array of ring types");
        }
        RingType[] t = new RingType[types.size()];
        for (int i = 0; i < t.length; i++) {
            String key = types.get(i).asText();
            try {
                t[i] = RingType.valueOf(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ring " + i + ": unknown ring type \"" + key + "\" (known: "
                        + Arrays.toString(RingType.values()) + ")");
            }
        }
        double[][] centroids = points(root.get("centroids"), "centroids", t.length);
        JsonNode o = root.get("orientation");
        double[][] orientation = o == null || o.isNull() ? null : points(o, "orientation", t.length);
        return new GraphOfRings(t, centroids, orientation);
    }

    private static double[][] points(JsonNode node, String name, int rings) {
        if (node == null || !node.isArray() || node.size() != rings) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array of " + rings + " points");
        }
        double[][] p = new double[rings][];
        for (int i = 0; i < rings; i++) {
            JsonNode a = node.get(i);
            if (!a.isArray() || a.size() != 3) {
                throw new IllegalArgumentException("\"" + name + "\"[" + i + "] must be [x, y, z]");
            }
            p[i] = new double[3];
            for (int k = 0; k < 3; k++) {
                if (!a.get(k).isNumber()) {
                    throw new IllegalArgumentException("\"" + name + "\"[" + i + "][" + k + "] is not a number");
                }
                p[i][k] = a.get(k).doubleValue();
            }
        }
        return p;
    }
}
