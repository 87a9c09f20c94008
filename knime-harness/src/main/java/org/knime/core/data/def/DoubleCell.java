package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;

// Mirrors org.knime.core.data.def.DoubleCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: . */
public final class DoubleCell extends DataCell implements DoubleValue, ComplexNumberValue,
        FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double value;

    public DoubleCell(final double d) {
        value = d;
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
        return Double.compare(((DoubleCell) dc).value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
