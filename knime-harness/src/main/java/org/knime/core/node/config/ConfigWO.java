package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.config.base.ConfigBaseWO;

// Mirrors org.knime.core.node.config.ConfigWO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: write access to a config tree, including KNIME's data types. */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);

    void addDataCell(String key, DataCell cell);

    void addRowKey(String key, RowKey rowKey);

    void addRowKeyArray(String key, RowKey... rowKey);

    void addDataType(String key, DataType type);

    void addDataCellArray(String key, DataCell... values);

    void addDataTypeArray(String key, DataType... values);
}
