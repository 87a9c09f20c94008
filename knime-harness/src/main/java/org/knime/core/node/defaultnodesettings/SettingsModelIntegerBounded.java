package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: value in [min, max]. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int minValue;
    private final int maxValue;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
            final int maxValue) {
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
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), minValue, maxValue);
    }

    public int getLowerBound() {
        return minValue;
    }

    public int getUpperBound() {
        return maxValue;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        super.validateValue(value);
        if (value < minValue || value > maxValue) {
            throw new InvalidSettingsException("value (=" + value + ") must be within the range [" + minValue
                    + "..." + maxValue + "].");
        }
    }

    @Override
    public void setIntValue(final int newValue) {
        if (newValue < minValue || newValue > maxValue) {
            throw new IllegalArgumentException("value (=" + newValue + ") must be within the range [" + minValue
                    + "..." + maxValue + "].");
        }
        super.setIntValue(newValue);
    }
}
