package org.knime.core.node.config;

import java.util.Iterator;

import javax.swing.tree.TreeNode;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

// Mirrors org.knime.core.node.config.ConfigRO, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: read access to a config tree, including KNIME's data types. */
public interface ConfigRO extends ConfigBaseRO, TreeNode, Iterable<String> {

    Config getConfig(String key) throws InvalidSettingsException;

    DataCell getDataCell(String key) throws InvalidSettingsException;

    RowKey getRowKey(String key) throws InvalidSettingsException;

    RowKey[] getRowKeyArray(String key) throws InvalidSettingsException;

    DataType getDataType(String key) throws InvalidSettingsException;

    DataCell getDataCell(String key, DataCell def);

    RowKey getRowKey(String key, RowKey def);

    RowKey[] getRowKeyArray(String key, RowKey... def);

    DataType getDataType(String key, DataType def);

    DataCell[] getDataCellArray(String key) throws InvalidSettingsException;

    DataCell[] getDataCellArray(String key, DataCell... def);

    DataType[] getDataTypeArray(String key) throws InvalidSettingsException;

    DataType[] getDataTypeArray(String key, DataType... v);

    @Override
    Iterator<String> iterator();
}
