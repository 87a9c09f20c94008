package org.knime.core.data;

// Mirrors org.knime.core.data.RowKey, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public final class RowKey implements RowKeyValue {

    private final String key;

    public RowKey(final String key) {
        if (key == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        this.key = key;
    }

    /** The row key KNIME generates for row index {@code rowIndex}: "Row" + index. */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    public String getString() {
        return key;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RowKey && ((RowKey) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
