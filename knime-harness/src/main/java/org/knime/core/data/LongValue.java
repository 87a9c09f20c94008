package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.LongValue}. */
public interface LongValue extends DataValue {

    long getLongValue();
}
