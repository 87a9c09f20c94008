package org.knime.core.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.data.DataTableSpec, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: named, uniquely named, typed columns. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private final String name;
    private final DataColumnSpec[] columns;
    private final Map<String, Integer> index = new HashMap<>();

    public DataTableSpec() {
        this(DEFAULT_NAME);
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        this.name = name;
        this.columns = colSpecs.clone();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                throw new NullPointerException("Column spec at index " + i + " must not be null.");
            }
            Integer previous = index.put(columns[i].getName(), i);
            if (previous != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + columns[i].getName()
                        + "\" at positions " + previous + " and " + i + ".");
            }
        }
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, create(names, types));
    }

    private static DataColumnSpec[] create(String[] names, DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Names and types must have the same length.");
        }
        DataColumnSpec[] c = new DataColumnSpec[names.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return c;
    }

    public String getName() {
        return name;
    }

    public int getNumColumns() {
        return columns.length;
    }

    public DataColumnSpec getColumnSpec(final int i) {
        return columns[i];
    }

    /** The column with that name, or null. */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : columns[i];
    }

    /** Index of the column with that name, or -1. */
    public int findColumnIndex(final String column) {
        Integer i = column == null ? null : index.get(column);
        return i == null ? -1 : i;
    }

    public boolean containsName(final String column) {
        return findColumnIndex(column) >= 0;
    }

    public final String[] getColumnNames() {
        return Arrays.stream(columns).map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /** Same column names and types in the same order. */
    public boolean equalStructure(final DataTableSpec spec) {
        return spec != null && Arrays.equals(columns, spec.columns);
    }

    /** {@code name} if unused in {@code spec}, else {@code name (#1)}, {@code name (#2)}, ... */
    public static String getUniqueColumnName(final DataTableSpec spec, final String name) {
        if (spec == null || !spec.containsName(name)) {
            return name;
        }
        int i = 1;
        while (spec.containsName(name + " (#" + i + ")")) {
            i++;
        }
        return name + " (#" + i + ")";
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return List.of(columns).iterator();
    }

    @Override
    public JComponent[] getViews() {
        throw new UnsupportedOperationException("harness: DataTableSpec views are not available");
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataTableSpec && ((DataTableSpec) o).name.equals(name) && equalStructure(
                (DataTableSpec) o);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "name=" + name + ",columns=" + Arrays.toString(columns);
    }
}
