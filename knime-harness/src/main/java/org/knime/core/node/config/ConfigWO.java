package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Harness stand-in for KNIME's {@code ConfigWO} (subset). */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);
}
