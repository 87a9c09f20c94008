package org.knime.core.node;

import org.knime.core.node.workflow.NodeProgressListener;

// Mirrors org.knime.core.node.NodeProgressMonitor, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): subset (every
// abstract method; the default methods left out).
/** Harness stand-in: progress and cancellation of a running node. */
public interface NodeProgressMonitor {

    void checkCanceled() throws CanceledExecutionException;

    void setProgress(double progress);

    Double getProgress();

    void setMessage(String message);

    void setProgress(double progress, String message);

    String getMessage();

    void reset();

    void setProgress(String message);

    void setExecuteCanceled();

    void addProgressListener(NodeProgressListener l);

    void removeProgressListener(NodeProgressListener l);

    void removeAllProgressListener();
}
