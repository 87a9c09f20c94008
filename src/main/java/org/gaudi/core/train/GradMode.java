package org.gaudi.core.train;

import org.gaudi.core.djl.Djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches gradient recording of the current thread on or off.
 *
 * <p>Why this exists: PyTorch's grad mode is thread-local and on by default; DJL switches it off only on the
 * thread that loads the engine, and a {@code GradientCollector} leaves it on when it was on before. On any other
 * thread (a KNIME executor, a CLI worker) forward passes would then record graphs, and in-place optimiser updates
 * of parameters fail with "a leaf Variable that requires grad is being used in an in-place operation". Wrap
 * inference and parameter updates in {@code try (GradMode.Scope s = GradMode.disabled()) {...}}.
 */
public final class GradMode {
    private GradMode() {
    }

    /** Restores the previous grad mode on close. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;
        private boolean closed;

        private Scope(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                set(previous);
            }
        }
    }

    /** Switches recording off for this thread until the returned scope is closed. */
    public static Scope disabled() {
        return new Scope(set(false));
    }

    /** Switches recording on for this thread until the returned scope is closed. */
    public static Scope enabled() {
        return new Scope(set(true));
    }

    /**
     * Sets gradient recording for this thread.
     *
     * @return the previous setting (true for engines other than PyTorch, where this is a no-op)
     */
    public static boolean set(boolean enabled) {
        if (!isPyTorch()) {
            return true;
        }
        boolean previous = JniUtils.isGradMode();
        if (previous != enabled) {
            JniUtils.setGradMode(enabled);
        }
        return previous;
    }

    /** Whether this thread currently records gradients. */
    public static boolean isEnabled() {
        return !isPyTorch() || JniUtils.isGradMode();
    }

    /** Zeroes the accumulated gradient of a parameter array in place. */
    static void zeroGradient(NDArray parameter, NDArray gradient) {
        if (parameter instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            gradient.subi(gradient);
        }
    }

    private static volatile Boolean pyTorch;

    private static boolean isPyTorch() {
        Boolean p = pyTorch;
        if (p == null) {
            p = "PyTorch".equals(Djl.engine().getEngineName());
            pyTorch = p;
        }
        return p;
    }
}
