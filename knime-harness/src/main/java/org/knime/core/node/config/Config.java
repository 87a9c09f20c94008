package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Harness stand-in for KNIME's abstract {@code Config}. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    protected Config(String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config getConfig(String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config) c;
    }

    @Override
    public final Config addConfig(String key) {
        return (Config) addConfigBase(key);
    }
}
