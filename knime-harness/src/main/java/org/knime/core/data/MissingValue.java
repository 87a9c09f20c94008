package org.knime.core.data;

// Mirrors org.knime.core.data.MissingValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: implemented by missing cells only. */
public interface MissingValue extends DataValue {

    String getError();
}
