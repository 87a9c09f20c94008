package org.knime.core.data;

// Mirrors org.knime.core.data.LongValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface LongValue extends DataValue {

    long getLongValue();
}
