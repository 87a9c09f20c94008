package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.data.convert.map.IdentifiableType;

// Mirrors org.knime.core.data.DataType, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: a column type given by a cell class and the
 * {@link DataValue} interfaces it implements. A type is compatible with a value class if its cells implement it, and
 * a super type of another if its cell class is assignable from the other's.
 */
public final class DataType implements IdentifiableType {

    private static final Map<Class<? extends DataCell>, DataType> CACHE = new ConcurrentHashMap<>();
    private static final DataCell MISSING = new MissingCell(null);

    private final Class<? extends DataCell> cellClass;
    private final List<Class<? extends DataValue>> valueClasses;

    private DataType(Class<? extends DataCell> cellClass) {
        this.cellClass = cellClass;
        Set<Class<? extends DataValue>> v = new LinkedHashSet<>();
        collectValueClasses(cellClass, v);
        this.valueClasses = Collections.unmodifiableList(new java.util.ArrayList<>(v));
    }

    @SuppressWarnings("unchecked")
    private static void collectValueClasses(Class<?> c, Set<Class<? extends DataValue>> out) {
        if (c == null) {
            return;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && i != DataValue.class) {
                out.add((Class<? extends DataValue>) i);
            }
            collectValueClasses(i, out);
        }
        collectValueClasses(c.getSuperclass(), out);
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        return CACHE.computeIfAbsent(cell, DataType::new);
    }

    public static DataCell getMissingCell() {
        return MISSING;
    }

    public Class<? extends DataCell> getCellClass() {
        return cellClass;
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(cellClass);
    }

    public boolean isASuperTypeOf(final DataType type) {
        return type != null && cellClass.isAssignableFrom(type.cellClass);
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return valueClasses;
    }

    @Override
    public String getIdentifier() {
        return cellClass.getName();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataType && ((DataType) o).cellClass == cellClass;
    }

    @Override
    public int hashCode() {
        return cellClass.hashCode();
    }

    @Override
    public String toString() {
        return cellClass.getSimpleName().replaceFirst("Cell$", "");
    }
}
