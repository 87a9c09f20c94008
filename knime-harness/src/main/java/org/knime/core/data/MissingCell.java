package org.knime.core.data;

import java.util.Objects;

// Mirrors org.knime.core.data.MissingCell, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a missing value, optionally with an error. */
public final class MissingCell extends DataCell implements MissingValue {
    private static final long serialVersionUID = 1L;

    private final String error;

    public MissingCell(final String error) {
        this.error = error;
    }

    @Override
    public String getError() {
        return error;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(null);
    }

    @Override
    public String toString() {
        return "?";
    }
}
