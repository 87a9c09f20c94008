package org.gaudi.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Exponential moving average of parameter values: shadow ← decay·shadow + (1 − decay)·weight after every step, the
 * shadow starting as a copy of the initial weights (as the reference's unused {@code EMA} class does). Shadows live
 * on the parameters' device in a manager owned by this object; close it when done.
 */
public final class ExponentialMovingAverage implements AutoCloseable {
    private final double decay;
    private final Map<String, NDArray> shadows = new LinkedHashMap<>();
    private final NDManager manager;

    /**
     * @param decay in (0, 1), e.g. 0.999
     * @param weights the named parameter arrays to follow; shadows start as copies of them
     */
    public ExponentialMovingAverage(double decay, Map<String, NDArray> weights) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in (0, 1), got " + decay);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("EMA needs at least one parameter");
        }
        this.decay = decay;
        NDArray any = weights.values().iterator().next();
        this.manager = any.getManager().newSubManager(any.getDevice());
        for (Map.Entry<String, NDArray> e : weights.entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.attach(manager);
            shadows.put(e.getKey(), copy);
        }
    }

    public double decay() {
        return decay;
    }

    /** Folds the current weights into the shadows. */
    public void update(Map<String, NDArray> weights) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : shadows.entrySet()) {
                NDArray w = weights.get(e.getKey());
                if (w == null) {
                    throw new IllegalArgumentException("EMA: no weight named " + e.getKey());
                }
                e.getValue().muli((float) decay).addi(w.mul((float) (1 - decay)));
            }
        }
    }

    /** A host copy of the averaged weights. */
    public ParameterSnapshot snapshot() {
        return ParameterSnapshot.of(shadows);
    }

    /** Replaces the shadows with saved values (resume). */
    public void restore(ParameterSnapshot saved) {
        saved.restoreInto(shadows);
    }

    @Override
    public void close() {
        shadows.clear();
        manager.close();
    }
}
