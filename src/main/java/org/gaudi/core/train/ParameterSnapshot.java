package org.gaudi.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * A host-memory copy of a block's parameter values, keyed by the stable names of {@code Block.getParameters()}.
 * Used for the best checkpoint, EMA weights and resume. Restoring copies values into the existing parameter
 * arrays in place, so gradient flags and array identity are kept (unlike {@code Block.loadParameters}).
 */
public final class ParameterSnapshot {
    private static final int MAGIC = 0x47505253; // "GPRS"
    private final Map<String, byte[]> encoded;

    private ParameterSnapshot(Map<String, byte[]> encoded) {
        this.encoded = encoded;
    }

    /** Copies all (initialised) parameters of the block. */
    public static ParameterSnapshot capture(Block block) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            m.put(p.getKey(), p.getValue().getArray().encode());
        }
        return new ParameterSnapshot(m);
    }

    /** Copies the given named arrays (e.g. EMA shadows). */
    static ParameterSnapshot of(Map<String, NDArray> arrays) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            m.put(e.getKey(), e.getValue().encode());
        }
        return new ParameterSnapshot(m);
    }

    /** Parameter names in block order. */
    public java.util.Set<String> names() {
        return Collections.unmodifiableSet(encoded.keySet());
    }

    /**
     * Copies the values into the block's parameters in place.
     *
     * @throws IllegalArgumentException if the names, shapes or data types do not match the block
     */
    public void restoreInto(Block block) {
        Map<String, NDArray> targets = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            targets.put(p.getKey(), p.getValue().getArray());
        }
        restoreInto(targets);
    }

    /** Copies the values into the given named arrays in place (same checks as {@link #restoreInto(Block)}). */
    void restoreInto(Map<String, NDArray> targets) {
        if (!targets.keySet().equals(encoded.keySet())) {
            throw new IllegalArgumentException("parameter names differ: snapshot has " + encoded.keySet()
                    + ", target has " + targets.keySet());
        }
        NDArray any = targets.values().iterator().next();
        try (NDManager tmp = any.getManager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : targets.entrySet()) {
                NDArray src = tmp.decode(encoded.get(e.getKey()));
                NDArray dst = e.getValue();
                if (!src.getShape().equals(dst.getShape()) || src.getDataType() != dst.getDataType()) {
                    throw new IllegalArgumentException("parameter " + e.getKey() + ": snapshot has "
                            + src.getDataType() + src.getShape() + ", target has " + dst.getDataType()
                            + dst.getShape());
                }
                // index_put_ under no-grad, not NDArray.set(Buffer): DJL's native set() uses PyTorch's deprecated
                // AutoNonVariableTypeMode, which prints a C++ warning on stderr that a user cannot silence
                try (GradMode.Scope s = GradMode.disabled()) {
                    dst.set(new NDIndex("..."), src);
                }
            }
        }
    }

    /** Decodes one value onto {@code manager} (the caller owns the result). */
    NDArray decode(String name, NDManager manager) {
        byte[] b = encoded.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no parameter " + name + " in snapshot");
        }
        return manager.decode(b);
    }

    /** Bytes held (for reports). */
    public long sizeInBytes() {
        long s = 0;
        for (byte[] b : encoded.values()) {
            s += b.length;
        }
        return s;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(encoded.size());
        for (Map.Entry<String, byte[]> e : encoded.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
    }

    /** Reads what {@link #write} wrote. */
    public static ParameterSnapshot read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a parameter snapshot (bad magic number)");
        }
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("damaged parameter snapshot (count " + n + ")");
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int len = in.readInt();
            if (len < 0 || len > Integer.MAX_VALUE - 16) {
                throw new IOException("damaged parameter snapshot (length " + len + " for " + name + ")");
            }
            byte[] b = new byte[len];
            in.readFully(b);
            m.put(name, b);
        }
        return new ParameterSnapshot(m);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParameterSnapshot s) || !s.encoded.keySet().equals(encoded.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : encoded.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), s.encoded.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return encoded.keySet().hashCode();
    }
}
