package org.knime.core.node.message;

import java.util.Objects;

// Mirrors org.knime.core.node.message.Message, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset
// (a summary only; no issue details, resolutions or builder).
/** Harness stand-in: a message shown to the user for a node's warning or error. */
public final class Message {

    private final String summary;

    private Message(final String summary) {
        this.summary = summary;
    }

    public static Message fromSummary(final String summary) {
        return new Message(Objects.requireNonNull(summary, "summary"));
    }

    public String getSummary() {
        return summary;
    }

    @Override
    public String toString() {
        return summary;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof Message && ((Message) obj).summary.equals(summary);
    }

    @Override
    public int hashCode() {
        return summary.hashCode();
    }
}
