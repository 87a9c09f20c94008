package org.knime.core.data;

/** Harness stand-in for {@code org.knime.core.data.DataTable}. */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
