package org.knime.core.node;

import org.knime.core.internal.MessageAwareException;
import org.knime.core.node.message.Message;

// Mirrors org.knime.core.node.CanceledExecutionException, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in: thrown when the user cancels a node's execution. */
public class CanceledExecutionException extends Exception implements MessageAwareException {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }

    @Override
    public Message getKNIMEMessage() {
        return Message.fromSummary(getMessage() == null ? "Execution canceled" : getMessage());
    }
}
