package org.knime.core.data;

// Mirrors org.knime.core.data.DataColumnSpec, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a column's name and type. */
public final class DataColumnSpec {

    private final String name;
    private final DataType type;

    DataColumnSpec(final String name, final DataType type) {
        this.name = name;
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public DataType getType() {
        return type;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataColumnSpec && ((DataColumnSpec) o).name.equals(name)
                && ((DataColumnSpec) o).type.equals(type);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
