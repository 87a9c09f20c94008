package org.knime.core.data;

// Mirrors org.knime.core.data.NominalValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset (the
// UTILITY factory left out).
/** Harness stand-in: marks values drawn from a finite set of possible values. */
public interface NominalValue extends DataValue {
}
