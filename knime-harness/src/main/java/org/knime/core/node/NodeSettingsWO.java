package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Harness stand-in for {@code org.knime.core.node.NodeSettingsWO}. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);
}
