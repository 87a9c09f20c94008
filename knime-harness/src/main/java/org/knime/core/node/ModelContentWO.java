package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

// Mirrors org.knime.core.node.ModelContentWO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);

    void addModelContent(ModelContent modelContent);
}
