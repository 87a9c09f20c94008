package org.knime.core.node;

import java.util.EventListener;

import org.knime.core.node.message.Message;

// Mirrors org.knime.core.node.NodeModelWarningListener, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: told when a node model's warning changes. */
public interface NodeModelWarningListener extends EventListener {

    void warningChanged(Message warning);
}
