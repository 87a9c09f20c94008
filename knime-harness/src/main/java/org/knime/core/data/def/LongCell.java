package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.LongValue;

// Mirrors org.knime.core.data.def.LongCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: (also a double value, as in KNIME). */
public class LongCell extends DataCell implements LongValue, DoubleValue, ComplexNumberValue,
        FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long value;

    public LongCell(final long l) {
        value = l;
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
        return ((LongCell) dc).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
