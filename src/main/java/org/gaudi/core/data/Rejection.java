package org.gaudi.core.data;

import java.util.Objects;

/** A record that was not loaded, with where it was and why. Nothing is dropped silently. */
public final class Rejection {
    private final String source;
    private final long line;
    private final String id;
    private final RejectionReason reason;
    private final String detail;

    /**
     * @param source file (or archive entry) the record came from
     * @param line   1-based line (CSV) or record number (SDF); 0 if not applicable
     * @param id     the record's molecule id, or "" if unknown
     */
    public Rejection(String source, long line, String id, RejectionReason reason, String detail) {
        this.source = Objects.requireNonNull(source);
        this.line = line;
        this.id = id == null ? "" : id;
        this.reason = Objects.requireNonNull(reason);
        this.detail = detail == null ? "" : detail;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String id() {
        return id;
    }

    public RejectionReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (id.isEmpty() ? "" : " [" + id + "]") + ": "
                + reason.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
