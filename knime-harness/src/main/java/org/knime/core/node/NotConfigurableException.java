package org.knime.core.node;

/** Harness stand-in for {@code org.knime.core.node.NotConfigurableException} (dialog cannot open). */
public class NotConfigurableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String message) {
        super(message);
    }

    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
