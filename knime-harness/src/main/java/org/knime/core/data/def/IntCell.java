package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

// Mirrors org.knime.core.data.def.IntCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: (also a long and a double value, as in KNIME). */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue, ComplexNumberValue,
        FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int value;

    public IntCell(final int i) {
        value = i;
    }

    @Override
    public int getIntValue() {
        return value;
    }

    @Override
    public long getLongValue() {
        return value;
    }

    @Override
    public double getDoubleValue() {
        return value;
    }

    @Override
    public double getCore() {
        return getDoubleValue();
    }

    @Override
    public double getMaxSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMinSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMaxCore() {
        return getDoubleValue();
    }

    @Override
    public double getMinCore() {
        return getDoubleValue();
    }

    @Override
    public double getCenterOfGravity() {
        return getDoubleValue();
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getRealValue() {
        return getDoubleValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell) dc).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
