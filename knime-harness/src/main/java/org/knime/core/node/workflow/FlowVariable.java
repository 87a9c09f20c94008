package org.knime.core.node.workflow;

// Mirrors org.knime.core.node.workflow.FlowVariable, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset (only the legacy Type enum the settings models report; no variables are created in the harness).
/** Harness stand-in: a flow variable; here only its type enum is used. */
public final class FlowVariable extends FlowObject {

    /** The legacy variable types. */
    public enum Type {
        DOUBLE, INTEGER, STRING, CREDENTIALS, OTHER
    }

    private FlowVariable() {
    }
}
