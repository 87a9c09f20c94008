package org.gaudi.knime;

import org.gaudi.core.djl.Djl;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Runs calls into {@code org.gaudi.core} the way the node layer must: with the thread context class loader set to
 * the library bundle's class loader (DJL finds its engine and natives, JNA the InChI library, through it; KNIME's
 * worker threads carry another loader, and the node bundle's own loader sees only exported packages), restoring the
 * previous loader afterwards. When the node was cancelled while the call failed, the failure
 * is reported as the cancellation it is.
 */
public final class CoreCalls {

    /** A call into the core; may throw. */
    @FunctionalInterface
    public interface Body<T> {
        T call() throws Exception;
    }

    /** A call into the core without result. */
    @FunctionalInterface
    public interface VoidBody {
        void run() throws Exception;
    }

    private CoreCalls() {
    }

    /** The loader that sees the core and its libraries (in OSGi: org.gaudi.core with its native fragment). */
    static final ClassLoader CORE_LOADER = Djl.class.getClassLoader();

    /** Runs {@code body} with the core library's class loader as thread context class loader. */
    public static <T> T call(final Body<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CORE_LOADER);
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Like {@link #call(Body)}, without result. */
    public static void run(final VoidBody body) throws Exception {
        call(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Like {@link #call(Body)}; if the body fails after {@code exec} was cancelled, throws
     * {@link CanceledExecutionException} (with the failure as suppressed cause) instead of the failure.
     */
    public static <T> T call(final ExecutionMonitor exec, final Body<T> body) throws Exception {
        try {
            return call(body);
        } catch (Exception e) {
            try {
                exec.checkCanceled();
            } catch (CanceledExecutionException cancelled) {
                if (cancelled != e) {
                    cancelled.addSuppressed(e);
                }
                throw cancelled;
            }
            throw e;
        }
    }
}
