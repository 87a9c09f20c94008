package org.knime.core.node;

/** Harness stand-in for {@code org.knime.core.node.NodeProgressMonitor} (subset). */
public interface NodeProgressMonitor {

    void checkCanceled() throws CanceledExecutionException;

    void setProgress(double progress);

    Double getProgress();

    void setMessage(String message);

    void setProgress(double progress, String message);

    String getMessage();

    void reset();

    void setExecuteCanceled();
}
