package org.knime.core.data;

// Mirrors org.knime.core.data.FuzzyIntervalValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset (the UTILITY factory left out).
/** Harness stand-in: a value readable as a fuzzy interval. */
public interface FuzzyIntervalValue extends DataValue {

    double getMinSupport();

    double getMinCore();

    double getMaxCore();

    double getMaxSupport();

    double getCenterOfGravity();
}
