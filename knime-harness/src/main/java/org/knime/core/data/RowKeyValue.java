package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.RowKeyValue} (KNIME 5.5.0, org.knime.core). */
public interface RowKeyValue {

    String getString();

    default RowKey materializeRowKey() {
        return new RowKey(getString());
    }
}
