package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Harness stand-in for {@code org.knime.core.node.NodeSettingsRO}. */
public interface NodeSettingsRO extends ConfigRO {

    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
