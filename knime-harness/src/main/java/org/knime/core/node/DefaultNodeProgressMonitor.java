package org.knime.core.node;

/** Harness stand-in for {@code org.knime.core.node.DefaultNodeProgressMonitor}: records progress and cancel. */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile boolean canceled;
    private volatile Double progress;
    private volatile String message;

    public DefaultNodeProgressMonitor() {
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (canceled) {
            throw new CanceledExecutionException("ProgressMonitor has been canceled.");
        }
    }

    @Override
    public void setProgress(final double prog) {
        progress = Math.max(0, Math.min(1, prog));
    }

    @Override
    public Double getProgress() {
        return progress;
    }

    @Override
    public void setMessage(final String msg) {
        message = msg;
    }

    @Override
    public void setProgress(final double prog, final String msg) {
        setProgress(prog);
        setMessage(msg);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public void reset() {
        canceled = false;
        progress = null;
        message = null;
    }

    @Override
    public void setExecuteCanceled() {
        canceled = true;
    }
}
