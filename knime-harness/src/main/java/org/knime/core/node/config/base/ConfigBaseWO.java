package org.knime.core.node.config.base;

/** Harness stand-in: write access to a config tree (subset of KNIME's {@code ConfigBaseWO}). */
public interface ConfigBaseWO {

    ConfigBase addConfigBase(String key);

    String getKey();

    void addInt(String key, int value);

    void addLong(String key, long value);

    void addDouble(String key, double value);

    void addBoolean(String key, boolean value);

    void addString(String key, String value);

    void addIntArray(String key, int... values);

    void addLongArray(String key, long... values);

    void addDoubleArray(String key, double... values);

    void addByteArray(String key, byte... values);

    void addStringArray(String key, String... values);
}
