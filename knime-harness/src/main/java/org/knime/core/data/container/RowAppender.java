package org.knime.core.data.container;

import org.knime.core.data.DataRow;

// Mirrors org.knime.core.data.container.RowAppender, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: something rows can be added to. */
public interface RowAppender {

    void addRowToTable(DataRow row);
}
