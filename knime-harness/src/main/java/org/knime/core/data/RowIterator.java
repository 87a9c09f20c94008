package org.knime.core.data;

import java.util.Iterator;

// Mirrors org.knime.core.data.RowIterator, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();
}
