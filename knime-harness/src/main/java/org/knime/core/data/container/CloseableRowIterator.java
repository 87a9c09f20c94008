package org.knime.core.data.container;

import org.knime.core.data.RowIterator;

/** Harness stand-in for {@code org.knime.core.data.container.CloseableRowIterator}. */
public abstract class CloseableRowIterator extends RowIterator implements AutoCloseable {

    @Override
    public abstract void close();
}
