package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

// Mirrors org.knime.core.node.ModelContentRO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
