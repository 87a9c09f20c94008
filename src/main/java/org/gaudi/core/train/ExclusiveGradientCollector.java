package org.gaudi.core.train;

import java.util.concurrent.locks.ReentrantLock;

import org.gaudi.core.djl.Djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * A DJL {@link GradientCollector} that at most one thread of the JVM holds at a time.
 *
 * <p>DJL's PyTorch collector refuses a second collector anywhere in the JVM ("Only one can be collecting at a
 * time"), so two KNIME nodes training or guiding in parallel would fail at random. Every gradient computation in
 * GaUDI opens its collector through this class; the others wait. Keep the section short (one forward and
 * backward pass). Closing restores the thread's previous grad mode.
 */
public final class ExclusiveGradientCollector implements AutoCloseable {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private final GradientCollector collector;
    private final boolean previousGradMode;
    private boolean closed;

    private ExclusiveGradientCollector() {
        LOCK.lock();
        boolean prev = true;
        GradientCollector c = null;
        try {
            prev = GradMode.isEnabled();
            c = Djl.engine().newGradientCollector();
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
        this.previousGradMode = prev;
        this.collector = c;
    }

    /** Waits for the lock, then starts recording gradients on this thread. */
    public static ExclusiveGradientCollector open() {
        return new ExclusiveGradientCollector();
    }

    /** Back-propagates from {@code target} (usually a scalar loss), accumulating into the parameters' gradients. */
    public void backward(NDArray target) {
        collector.backward(target);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            collector.close();
            GradMode.set(previousGradMode);
        } finally {
            LOCK.unlock();
        }
    }
}
