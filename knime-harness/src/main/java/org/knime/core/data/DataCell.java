package org.knime.core.data;

import java.io.Serializable;

// Mirrors org.knime.core.data.DataCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: an immutable cell; its {@link DataType} is derived from
 * its class, equality requires the same class and {@link #equalsDataCell(DataCell)}.
 */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    public DataCell() {
    }

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return this instanceof MissingValue;
    }

    @Override
    public final boolean equals(final Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof DataCell) || o.getClass() != getClass()) {
            return false;
        }
        return equalsDataCell((DataCell) o);
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
