package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

// Mirrors org.knime.core.node.config.base.ConfigBaseRO, KNIME 5.5.0 (knime-shared analytics-platform/5.5.0, bundle
// org.knime.core.util).
/** Harness stand-in: read access to a config tree. */
public interface ConfigBaseRO extends Iterable<String> {

    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    void saveToXML(OutputStream os) throws IOException;

    void copyTo(ConfigBaseWO config);

    String getKey();

    int getInt(String key) throws InvalidSettingsException;

    double getDouble(String key) throws InvalidSettingsException;

    char getChar(String key) throws InvalidSettingsException;

    short getShort(String key) throws InvalidSettingsException;

    long getLong(String key) throws InvalidSettingsException;

    byte getByte(String key) throws InvalidSettingsException;

    String getString(String key) throws InvalidSettingsException;

    Set<String> keySet();

    boolean containsKey(String key);

    boolean getBoolean(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    int[] getIntArray(String key) throws InvalidSettingsException;

    int[] getIntArray(String key, int... def);

    double getDouble(String key, double def);

    double[] getDoubleArray(String key) throws InvalidSettingsException;

    double[] getDoubleArray(String key, double... def);

    float getFloat(String key) throws InvalidSettingsException;

    float getFloat(String key, float def);

    float[] getFloatArray(String key) throws InvalidSettingsException;

    float[] getFloatArray(String key, float... def);

    char getChar(String key, char def);

    char[] getCharArray(String key) throws InvalidSettingsException;

    byte[] getByteArray(String key, byte... def);

    byte[] getByteArray(String key) throws InvalidSettingsException;

    byte getByte(String key, byte def);

    short[] getShortArray(String key) throws InvalidSettingsException;

    short[] getShortArray(String key, short... def);

    long[] getLongArray(String key) throws InvalidSettingsException;

    long[] getLongArray(String key, long... def);

    short getShort(String key, short def);

    long getLong(String key, long def);

    char[] getCharArray(String key, char... def);

    boolean getBoolean(String key, boolean def);

    boolean[] getBooleanArray(String key) throws InvalidSettingsException;

    boolean[] getBooleanArray(String key, boolean... def);

    String getString(String key, String def);

    String[] getStringArray(String key) throws InvalidSettingsException;

    String[] getStringArray(String key, String... def);

    @Override
    Iterator<String> iterator();

    String getPassword(String key, String encryptionKey) throws InvalidSettingsException;

    String getPassword(String key, String encryptionKey, String def);

    String getTransientString(String key);
}
