package org.knime.core.node.workflow;

// Mirrors org.knime.core.node.workflow.FlowObject, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset (KNIME's package-private base of FlowVariable; here without members).
abstract class FlowObject implements Cloneable {
}
