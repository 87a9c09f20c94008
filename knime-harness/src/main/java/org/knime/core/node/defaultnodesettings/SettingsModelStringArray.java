package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.HashSet;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelStringArray, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: a string array
 * saved under its config name. Listeners are told when the set of strings changes (as in KNIME, a mere reordering
 * does not notify).
 */
public class SettingsModelStringArray extends SettingsModel {

    private final String configName;
    private String[] value;

    public SettingsModelStringArray(final String configName, final String[] defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelStringArray createClone() {
        return new SettingsModelStringArray(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_stringarray";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    /** Stores a copy of {@code newValue}. */
    public void setStringArrayValue(final String[] newValue) {
        boolean same;
        if (newValue == null || value == null) {
            same = newValue == value;
        } else {
            same = newValue.length == value.length && new HashSet<>(Arrays.asList(value)).containsAll(Arrays.asList(
                    newValue));
        }
        value = newValue == null ? null : newValue.clone();
        if (!same) {
            notifyChangeListeners();
        }
    }

    /** A copy of the stored strings (null if none were set). */
    public String[] getStringArrayValue() {
        return value == null ? null : value.clone();
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        setStringArrayValue(settings.getStringArray(configName, value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getStringArray(configName);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        setStringArrayValue(settings.getStringArray(configName));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addStringArray(configName, getStringArrayValue());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }
}
