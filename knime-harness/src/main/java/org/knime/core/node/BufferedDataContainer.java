package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Harness stand-in for {@code org.knime.core.node.BufferedDataContainer}; created by {@link ExecutionContext}. */
public class BufferedDataContainer extends DataContainer {

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    @Override
    public BufferedDataTable getTable() {
        checkClosed();
        return new BufferedDataTable(getTableSpec(), rows());
    }
}
