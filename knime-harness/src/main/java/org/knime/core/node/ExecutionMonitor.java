package org.knime.core.node;

import java.util.function.Supplier;

import org.knime.core.node.workflow.NodeProgressListener;

// Mirrors org.knime.core.node.ExecutionMonitor, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: progress in [0,1], messages, cancel checks,
 * and sub-progress monitors that map their [0,1] onto a fraction of the parent's progress.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor monitor;

    public ExecutionMonitor() {
        this(new DefaultNodeProgressMonitor());
    }

    public ExecutionMonitor(final NodeProgressMonitor progMon) {
        if (progMon == null) {
            throw new NullPointerException("Progress monitor can't be null.");
        }
        monitor = progMon;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return monitor;
    }

    public void checkCanceled() throws CanceledExecutionException {
        monitor.checkCanceled();
    }

    public void setProgress(final double progress) {
        monitor.setProgress(progress);
    }

    public void setProgress(final double progress, final String message) {
        monitor.setProgress(progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        monitor.setProgress(progress, messageSupplier == null ? null : messageSupplier.get());
    }

    public void setProgress(final String message) {
        monitor.setMessage(message);
    }

    public void setMessage(final String message) {
        monitor.setMessage(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgress(monitor, maxProg, true));
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgress(monitor, maxProg, false));
    }

    /** Adds the increments of its own [0,1] progress, scaled by {@code maxProg}, to the parent's progress. */
    static final class SubProgress implements NodeProgressMonitor {
        private final NodeProgressMonitor parent;
        private final double maxProg;
        private final boolean forwardMessages;
        private double last;
        private String message;

        SubProgress(NodeProgressMonitor parent, double maxProg, boolean forwardMessages) {
            if (maxProg < 0 || maxProg > 1) {
                throw new IllegalArgumentException("Invalid sub progress fraction: " + maxProg);
            }
            this.parent = parent;
            this.maxProg = maxProg;
            this.forwardMessages = forwardMessages;
        }

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            parent.checkCanceled();
        }

        @Override
        public synchronized void setProgress(double progress) {
            double p = Math.max(0, Math.min(1, progress));
            double delta = (p - last) * maxProg;
            last = p;
            Double base = parent.getProgress();
            parent.setProgress((base == null ? 0 : base) + delta);
        }

        @Override
        public Double getProgress() {
            return last;
        }

        @Override
        public void setMessage(String msg) {
            message = msg;
            if (forwardMessages) {
                parent.setMessage(msg);
            }
        }

        @Override
        public void setProgress(double progress, String msg) {
            setProgress(progress);
            setMessage(msg);
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public void reset() {
            last = 0;
            message = null;
        }

        @Override
        public void setProgress(String msg) {
            setMessage(msg);
        }

        @Override
        public void setExecuteCanceled() {
            parent.setExecuteCanceled();
        }

        @Override
        public void addProgressListener(NodeProgressListener l) {
            throw new UnsupportedOperationException("Sub-progress monitors have no listeners");
        }

        @Override
        public void removeProgressListener(NodeProgressListener l) {
            // none registered
        }

        @Override
        public void removeAllProgressListener() {
            // none registered
        }
    }
}
