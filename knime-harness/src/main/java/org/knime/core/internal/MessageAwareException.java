package org.knime.core.internal;

import org.knime.core.node.message.Message;

// Mirrors org.knime.core.internal.MessageAwareException, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: an exception that carries a {@link Message}. */
public interface MessageAwareException {

    Message getKNIMEMessage();
}
