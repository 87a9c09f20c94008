package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.StringValue}. */
public interface StringValue extends DataValue {

    String getStringValue();
}
