package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Harness stand-in for {@code org.knime.core.node.ModelContentWO}. */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);

    void addModelContent(ModelContent modelContent);
}
