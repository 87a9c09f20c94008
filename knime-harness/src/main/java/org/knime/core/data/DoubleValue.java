package org.knime.core.data;

// Mirrors org.knime.core.data.DoubleValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
