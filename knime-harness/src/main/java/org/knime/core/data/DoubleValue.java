package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.DoubleValue}. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
