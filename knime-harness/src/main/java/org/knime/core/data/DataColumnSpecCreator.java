package org.knime.core.data;

// Mirrors org.knime.core.data.DataColumnSpecCreator, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/** Harness stand-in. */
public final class DataColumnSpecCreator {

    private String name;
    private DataType type;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public void setName(final String name) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("Column name must not be null or empty.");
        }
        this.name = name;
    }

    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Column type must not be null.");
        }
        this.type = type;
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(name, type);
    }
}
