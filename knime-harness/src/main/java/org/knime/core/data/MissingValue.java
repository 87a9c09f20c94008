package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.MissingValue}: implemented by missing cells only. */
public interface MissingValue extends DataValue {

    String getError();
}
