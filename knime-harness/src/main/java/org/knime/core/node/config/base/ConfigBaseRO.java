package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/** Harness stand-in: read access to a config tree (subset of KNIME's {@code ConfigBaseRO}). */
public interface ConfigBaseRO extends Iterable<String> {

    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    void saveToXML(OutputStream os) throws IOException;

    void copyTo(ConfigBaseWO config);

    String getKey();

    int getInt(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    long getLong(String key) throws InvalidSettingsException;

    long getLong(String key, long def);

    double getDouble(String key) throws InvalidSettingsException;

    double getDouble(String key, double def);

    boolean getBoolean(String key) throws InvalidSettingsException;

    boolean getBoolean(String key, boolean def);

    String getString(String key) throws InvalidSettingsException;

    String getString(String key, String def);

    int[] getIntArray(String key) throws InvalidSettingsException;

    int[] getIntArray(String key, int... def);

    long[] getLongArray(String key) throws InvalidSettingsException;

    long[] getLongArray(String key, long... def);

    double[] getDoubleArray(String key) throws InvalidSettingsException;

    double[] getDoubleArray(String key, double... def);

    byte[] getByteArray(String key) throws InvalidSettingsException;

    byte[] getByteArray(String key, byte... def);

    String[] getStringArray(String key) throws InvalidSettingsException;

    String[] getStringArray(String key, String... def);

    Set<String> keySet();

    boolean containsKey(String key);

    @Override
    Iterator<String> iterator();
}
