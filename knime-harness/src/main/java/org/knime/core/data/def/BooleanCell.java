package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

// Mirrors org.knime.core.data.def.BooleanCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: use {@link #TRUE} and {@link #FALSE}. */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
        ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    private final boolean value;

    private BooleanCell(final boolean b) {
        value = b;
    }

    @Override
    public boolean getBooleanValue() {
        return value;
    }

    @Override
    public int getIntValue() {
        return value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
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
        return ((BooleanCell) dc).value == value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value);
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
