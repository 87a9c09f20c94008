package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelFlowVariableCompatible, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0).
/** Harness stand-in: a settings model whose value a flow variable can set. */
public interface SettingsModelFlowVariableCompatible {

    String getKey();

    FlowVariable.Type getFlowVariableType();
}
