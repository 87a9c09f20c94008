package org.knime.core.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.node.workflow.NodeProgressListener;

// Mirrors org.knime.core.node.DefaultNodeProgressMonitor, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): subset.
/** Harness stand-in: records progress, message and cancel; keeps listeners but fires no events. */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile boolean canceled;
    private volatile Double progress;
    private volatile String message;
    private final List<NodeProgressListener> listeners = new CopyOnWriteArrayList<>();

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

    @Override
    public void setProgress(final String msg) {
        setMessage(msg);
    }

    @Override
    public void addProgressListener(final NodeProgressListener l) {
        if (!listeners.contains(l)) {
            listeners.add(l);
        }
    }

    @Override
    public void removeProgressListener(final NodeProgressListener l) {
        listeners.remove(l);
    }

    @Override
    public void removeAllProgressListener() {
        listeners.clear();
    }
}
