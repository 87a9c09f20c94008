package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

// Mirrors org.knime.core.node.config.Config, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: a config tree that also holds KNIME's data types. Row keys are stored as strings; data cells and
 * data types are not supported by the harness (the node layer stores neither).
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config) c;
    }

    @Override
    public final Config addConfig(final String key) {
        return (Config) addConfigBase(key);
    }

    private static UnsupportedOperationException unsupported(final String what) {
        return new UnsupportedOperationException("The KNIME API harness does not store " + what + " in settings");
    }

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        throw unsupported("data cells");
    }

    @Override
    public void addDataType(final String key, final DataType type) {
        throw unsupported("data types");
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        throw unsupported("data cells");
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        throw unsupported("data types");
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        throw unsupported("data cells");
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        throw unsupported("data types");
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        throw unsupported("data cells");
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        throw unsupported("data cells");
    }

    @Override
    public RowKey getRowKey(final String key) throws InvalidSettingsException {
        String s = getString(key);
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey getRowKey(final String key, final RowKey def) {
        try {
            return getRowKey(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addRowKey(final String key, final RowKey rowKey) {
        addString(key, rowKey == null ? null : rowKey.getString());
    }

    @Override
    public RowKey[] getRowKeyArray(final String key) throws InvalidSettingsException {
        String[] s = getStringArray(key);
        RowKey[] keys = new RowKey[s.length];
        for (int i = 0; i < s.length; i++) {
            keys[i] = s[i] == null ? null : new RowKey(s[i]);
        }
        return keys;
    }

    @Override
    public RowKey[] getRowKeyArray(final String key, final RowKey... def) {
        try {
            return getRowKeyArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addRowKeyArray(final String key, final RowKey... rowKey) {
        String[] s = new String[rowKey.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = rowKey[i] == null ? null : rowKey[i].getString();
        }
        addStringArray(key, s);
    }

    @Override
    public DataType[] getDataTypeArray(final String key) throws InvalidSettingsException {
        throw unsupported("data types");
    }

    @Override
    public DataType[] getDataTypeArray(final String key, final DataType... v) {
        throw unsupported("data types");
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... values) {
        throw unsupported("data cells");
    }

    @Override
    public void addDataTypeArray(final String key, final DataType... values) {
        throw unsupported("data types");
    }
}
