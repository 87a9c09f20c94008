package org.gaudi.testutil;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a DJL block tree under dotted paths of the child names as our code gives them (DJL's two-digit
 * child-order prefix removed), e.g. {@code e_block_0.gcl_0.edge_mlp.linear0.weight}; used to load GaUDI's recorded
 * weights into our layers.
 */
public final class BlockPaths {
    private BlockPaths() {
    }

    /** Every parameter of {@code block} and its descendants by dotted path, in the tree's order. */
    public static Map<String, Parameter> parameters(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Pair<String, Block> c : block.getChildren()) {
            collect(c.getValue(), prefix + stripOrder(c.getKey()) + ".", out);
        }
    }

    /** DJL names children "01embedding", "02e_block_0", ...: drop the order prefix. */
    private static String stripOrder(String name) {
        return name.length() > 2 && Character.isDigit(name.charAt(0)) && Character.isDigit(name.charAt(1))
                ? name.substring(2) : name;
    }

    /** Copies {@code values} (row-major, PyTorch layout) into an initialised parameter of the same shape. */
    public static void set(Parameter p, String source, long[] shape, float[] values) {
        long[] ours = p.getArray().getShape().getShape();
        if (!Arrays.equals(ours, shape)) {
            throw new IllegalArgumentException(source + " has shape " + Arrays.toString(shape) + " but our "
                    + p.getName() + " has " + Arrays.toString(ours));
        }
        p.getArray().set(FloatBuffer.wrap(values));
    }
}
