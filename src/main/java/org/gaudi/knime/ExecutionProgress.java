package org.gaudi.knime;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Adapts a KNIME {@link ExecutionMonitor} to the plain Java callbacks the core accepts for progress and cancel
 * ({@link BooleanSupplier} "is cancelled?", {@link DoubleConsumer} fraction done, fraction + message), so core
 * classes stay free of KNIME. Fractions are clamped to [0, 1]; NaN is ignored rather than reported.
 */
public final class ExecutionProgress {

    private final ExecutionMonitor exec;

    public ExecutionProgress(final ExecutionMonitor exec) {
        if (exec == null) {
            throw new NullPointerException("execution monitor");
        }
        this.exec = exec;
    }

    /** The adapted monitor. */
    public ExecutionMonitor monitor() {
        return exec;
    }

    /** True once the user cancelled the node. */
    public boolean isCancelled() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** The cancel check to hand to a core loop. */
    public BooleanSupplier cancelCheck() {
        return this::isCancelled;
    }

    /** Reports the fraction done (clamped to [0, 1]). */
    public void progress(final double fraction) {
        if (!Double.isNaN(fraction)) {
            exec.setProgress(clamp(fraction));
        }
    }

    /** Reports the fraction done and what is happening. */
    public void progress(final double fraction, final String message) {
        if (Double.isNaN(fraction)) {
            exec.setMessage(message);
        } else {
            exec.setProgress(clamp(fraction), message);
        }
    }

    /** The fraction callback to hand to a core loop. */
    public DoubleConsumer fractionSink() {
        return this::progress;
    }

    /**
     * Reports "{@code done} of {@code total} {@code what}" (total &lt;= 0: unknown) and, once the node is cancelled,
     * throws {@link CancellationException}: the way the core's loops (dataset readers, generators) are stopped. Use
     * it as their progress callback inside {@link CoreCalls#call(ExecutionMonitor, CoreCalls.Body)}, which reports
     * the stop as KNIME's cancellation.
     */
    public void count(final long done, final long total, final String what) {
        if (isCancelled()) {
            throw new CancellationException("cancelled by the user");
        }
        if (total > 0) {
            progress((double) done / total, done + " of " + total + " " + what);
        } else {
            exec.setMessage(done + " " + what);
        }
    }

    /** {@link #count} as an {@code int} counter callback for a known total. */
    public IntConsumer countSink(final long total, final String what) {
        return done -> count(done, total, what);
    }

    /** An adapter for the part {@code [done, done + share]} of this monitor's progress, for multi-stage work. */
    public ExecutionProgress subProgress(final double share) {
        return new ExecutionProgress(exec.createSubProgress(clamp(share)));
    }

    private static double clamp(double f) {
        return Math.max(0, Math.min(1, f));
    }
}
