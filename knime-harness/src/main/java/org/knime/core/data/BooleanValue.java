package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.BooleanValue}. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
