package org.knime.core.data;

// Mirrors org.knime.core.data.ComplexNumberValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset (the UTILITY factory left out).
/** Harness stand-in: a value readable as a complex number. */
public interface ComplexNumberValue extends DataValue {

    double getRealValue();

    double getImaginaryValue();
}
