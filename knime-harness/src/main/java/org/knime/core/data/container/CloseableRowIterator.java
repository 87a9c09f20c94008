package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

// Mirrors org.knime.core.data.container.CloseableRowIterator, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();
}
