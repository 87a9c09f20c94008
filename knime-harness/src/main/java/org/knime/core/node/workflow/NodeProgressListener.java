package org.knime.core.node.workflow;

import java.util.EventListener;

// Mirrors org.knime.core.node.workflow.NodeProgressListener, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: receives a node's progress events (the harness never fires any). */
public interface NodeProgressListener extends EventListener {

    void progressChanged(NodeProgressEvent pe);
}
