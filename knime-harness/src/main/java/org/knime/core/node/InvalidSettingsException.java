package org.knime.core.node;

// Mirrors org.knime.core.node.InvalidSettingsException, KNIME 5.5.0 (knime-shared analytics-platform/5.5.0, bundle
// org.knime.core.util): compile-only subset.
/** Harness stand-in. */
public class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String s) {
        super(s);
    }

    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
