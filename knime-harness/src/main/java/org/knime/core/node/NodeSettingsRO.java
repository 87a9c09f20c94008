package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

// Mirrors org.knime.core.node.NodeSettingsRO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: read access to a node's settings. */
public interface NodeSettingsRO extends ConfigRO {

    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    void copyTo(ConfigWO dest);
}
