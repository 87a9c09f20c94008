package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelString, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a string settings model. */
public class SettingsModelString extends SettingsModel implements SettingsModelFlowVariableCompatible {

    private final String configName;
    private String value;

    public SettingsModelString(final String configName, final String defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelString createClone() {
        return new SettingsModelString(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_string";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setStringValue(final String newValue) {
        boolean notify = !Objects.equals(value, newValue);
        value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public String getStringValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        setStringValue(settings.getString(configName, value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(configName);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        setStringValue(settings.getString(configName));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addString(configName, value);
    }

    @Override
    public String getKey() {
        return configName;
    }

    @Override
    public FlowVariable.Type getFlowVariableType() {
        return FlowVariable.Type.STRING;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }
}
