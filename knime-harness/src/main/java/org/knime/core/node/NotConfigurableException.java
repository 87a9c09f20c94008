package org.knime.core.node;

// Mirrors org.knime.core.node.NotConfigurableException, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/** Harness stand-in (dialog cannot open). */
public class NotConfigurableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String message) {
        super(message);
    }

    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
