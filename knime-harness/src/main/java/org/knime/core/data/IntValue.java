package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.IntValue}. */
public interface IntValue extends DataValue {

    int getIntValue();
}
