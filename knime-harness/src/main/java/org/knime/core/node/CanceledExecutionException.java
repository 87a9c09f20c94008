package org.knime.core.node;

/** Harness stand-in for {@code org.knime.core.node.CanceledExecutionException}. */
public class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
