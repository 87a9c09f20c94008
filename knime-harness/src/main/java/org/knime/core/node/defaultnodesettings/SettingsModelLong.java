package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelLong, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in. */
public class SettingsModelLong extends SettingsModelNumber {

    private final String configName;
    private long value;

    public SettingsModelLong(final String configName, final long defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelLong createClone() {
        return new SettingsModelLong(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_long";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setLongValue(final long newValue) {
        boolean notify = value != newValue;
        value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public long getLongValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        try {
            setLongValue(settings.getLong(configName, value));
        } catch (IllegalArgumentException e) {
            // keep the current value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getLong(configName));
    }

    /** Hook for derived classes to reject values. */
    protected void validateValue(final long v) throws InvalidSettingsException {
        // no constraint
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setLongValue(settings.getLong(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(configName, value);
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getLongValue());
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setLongValue(Long.parseLong(newValueStr));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }
}
