package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelInteger, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a integer settings model. */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String configName;
    private int value;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelInteger createClone() {
        return new SettingsModelInteger(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setIntValue(final int newValue) {
        boolean notify = value != newValue;
        value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public int getIntValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        try {
            setIntValue(settings.getInt(configName, value));
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
        validateValue(settings.getInt(configName));
    }

    /** Hook for derived classes to reject values. */
    protected void validateValue(final int v) throws InvalidSettingsException {
        // no constraint
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setIntValue(settings.getInt(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(configName, value);
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getIntValue());
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setIntValue(Integer.parseInt(newValueStr));
    }

    @Override
    public String getKey() {
        return configName;
    }

    @Override
    public FlowVariable.Type getFlowVariableType() {
        return FlowVariable.Type.INTEGER;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }
}
