package org.knime.chem.types;

import org.knime.core.data.DataValue;

/** Harness stand-in for {@code org.knime.chem.types.SdfValue}. */
public interface SdfValue extends DataValue {

    String getSdfValue();
}
