package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Harness stand-in for {@code org.knime.core.node.ModelContentRO}. */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
