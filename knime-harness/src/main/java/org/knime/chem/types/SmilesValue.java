package org.knime.chem.types;

import org.knime.core.data.DataValue;

/** Harness stand-in for {@code org.knime.chem.types.SmilesValue}. */
public interface SmilesValue extends DataValue {

    String getSmilesValue();
}
