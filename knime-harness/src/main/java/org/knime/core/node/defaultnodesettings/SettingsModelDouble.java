package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelDouble, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a double settings model. */
public class SettingsModelDouble extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String configName;
    private double value;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelDouble createClone() {
        return new SettingsModelDouble(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setDoubleValue(final double newValue) {
        boolean notify = value != newValue;
        value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public double getDoubleValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        try {
            setDoubleValue(settings.getDouble(configName, value));
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
        validateValue(settings.getDouble(configName));
    }

    /** Hook for derived classes to reject values. */
    protected void validateValue(final double v) throws InvalidSettingsException {
        // no constraint
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setDoubleValue(settings.getDouble(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(configName, value);
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getDoubleValue());
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setDoubleValue(Double.parseDouble(newValueStr));
    }

    @Override
    public String getKey() {
        return configName;
    }

    @Override
    public FlowVariable.Type getFlowVariableType() {
        return FlowVariable.Type.DOUBLE;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }
}
