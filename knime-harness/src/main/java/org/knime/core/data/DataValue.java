package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.DataValue}: marker for the value interfaces a cell implements. */
public interface DataValue {
}
