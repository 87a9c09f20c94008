package org.gaudi.core.data;

/** Internal signal of the readers: this record is rejected for a reason, with a detail for the report. */
final class RecordRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectionReason reason;

    RecordRejectedException(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectionReason reason() {
        return reason;
    }
}
