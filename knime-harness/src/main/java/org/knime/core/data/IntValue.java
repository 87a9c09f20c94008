package org.knime.core.data;

// Mirrors org.knime.core.data.IntValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface IntValue extends DataValue {

    int getIntValue();
}
