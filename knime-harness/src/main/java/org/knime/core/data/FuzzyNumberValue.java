package org.knime.core.data;

// Mirrors org.knime.core.data.FuzzyNumberValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset
// (the UTILITY factory left out).
/** Harness stand-in: a value readable as a fuzzy number. */
public interface FuzzyNumberValue extends DataValue {

    double getMinSupport();

    double getCore();

    double getMaxSupport();
}
