package org.knime.core.node.workflow;

import java.util.EventObject;

// Mirrors org.knime.core.node.workflow.NodeProgressEvent, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset (no members; KNIME's constructor takes types the harness does not have).
/** Harness stand-in: the type listeners are declared with; the harness creates none. */
public class NodeProgressEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    private NodeProgressEvent(final Object source) {
        super(source);
    }
}
