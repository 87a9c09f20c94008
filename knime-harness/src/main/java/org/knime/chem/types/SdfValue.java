package org.knime.chem.types;

import org.knime.core.data.DataValue;

// Mirrors org.knime.chem.types.SdfValue, KNIME Base Chemistry Types 5.5 (knime-chemistry, bundle org.knime.chem.types;
// its source is not available here): compile-only subset.
/** Harness stand-in. */
public interface SdfValue extends DataValue {

    String getSdfValue();
}
