package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: value in [min, max]. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double minValue;
    private final double maxValue;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
            final double maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        this.minValue = minValue;
        this.maxValue = maxValue;
        if (defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("InitialValue (=" + defaultValue + ") must be within the range ["
                    + minValue + "..." + maxValue + "].");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), minValue, maxValue);
    }

    public double getLowerBound() {
        return minValue;
    }

    public double getUpperBound() {
        return maxValue;
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        super.validateValue(value);
        if (value < minValue || value > maxValue) {
            throw new InvalidSettingsException("value (=" + value + ") must be within the range [" + minValue
                    + "..." + maxValue + "].");
        }
    }

    @Override
    public void setDoubleValue(final double newValue) {
        if (newValue < minValue || newValue > maxValue) {
            throw new IllegalArgumentException("value (=" + newValue + ") must be within the range [" + minValue
                    + "..." + maxValue + "].");
        }
        super.setDoubleValue(newValue);
    }
}
