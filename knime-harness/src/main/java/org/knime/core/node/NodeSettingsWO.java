package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

// Mirrors org.knime.core.node.NodeSettingsWO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: write access to a node's settings. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);

    @Override
    void addPassword(String key, String encryptionKey, String value);
}
