package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of the positions generated so far, per layer, so that sampling runs one position per step instead
 * of the whole prefix (linear instead of quadratic in the length). The arrays live on the cache's own manager; the
 * per-step temporaries can be freed after every step.
 */
final class KeyValueCache implements AutoCloseable {
    private final NDManager manager;
    private final List<Layer> layers = new ArrayList<>();

    KeyValueCache(NDManager parent, int layerCount) {
        this.manager = parent.newSubManager();
        for (int i = 0; i < layerCount; i++) {
            layers.add(new Layer());
        }
    }

    Layer layer(int i) {
        return layers.get(i);
    }

    /** Positions cached so far. */
    long length() {
        NDArray k = layers.get(0).arrays[0];
        return k == null ? 0 : k.getShape().get(2);
    }

    /** One layer's keys (slot 0) and values (slot 1), each (B, heads, positions, head width). */
    final class Layer {
        private final NDArray[] arrays = new NDArray[2];

        /** Appends the new position along the position axis and returns the whole cached tensor. */
        NDArray append(NDArray fresh, int slot) {
            NDArray old = arrays[slot];
            NDArray now = old == null ? fresh.duplicate() : old.concat(fresh, 2);
            now.attach(manager);
            if (old != null) {
                old.close();
            }
            arrays[slot] = now;
            return now;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
