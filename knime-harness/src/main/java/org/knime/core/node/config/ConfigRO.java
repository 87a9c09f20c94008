package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Harness stand-in for KNIME's {@code ConfigRO} (subset). */
public interface ConfigRO extends ConfigBaseRO, Iterable<String> {

    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
