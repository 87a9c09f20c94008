package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

// Mirrors org.knime.core.node.BufferedDataContainer, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/** Harness stand-in: a data container created by {@link ExecutionContext}, yielding a {@link BufferedDataTable}. */
public class BufferedDataContainer extends DataContainer {

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    @Override
    public BufferedDataTable getTable() {
        List<DataRow> rows = new ArrayList<>();
        for (DataRow row : super.getTable()) {
            rows.add(row);
        }
        return new BufferedDataTable(getTableSpec(), rows);
    }
}
