package org.knime.core.data;

// Mirrors org.knime.core.data.DataValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: marker for the value interfaces a cell implements. */
public interface DataValue {
}
