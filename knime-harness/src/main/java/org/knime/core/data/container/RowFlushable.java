package org.knime.core.data.container;

// Mirrors org.knime.core.data.container.RowFlushable, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: a row sink whose buffered rows can be flushed. */
public interface RowFlushable {

    void flushRows();
}
