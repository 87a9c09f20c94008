package org.knime.core.data;

// Mirrors org.knime.core.data.BoundedValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset (the
// UTILITY factory left out).
/** Harness stand-in: marks values with a natural order and bounds. */
public interface BoundedValue extends DataValue {
}
