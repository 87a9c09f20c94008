package org.knime.core.data;

// Mirrors org.knime.core.data.RowKeyValue, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in (KNIME 5.5.0, org.knime.core). */
public interface RowKeyValue {

    String getString();

    default RowKey materializeRowKey() {
        return new RowKey(getString());
    }
}
