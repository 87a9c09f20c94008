package org.gaudi.core.xtb;

/** The user cancelled while xtb ran; the process was killed and its files removed. */
public final class XtbCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XtbCancelledException(String message) {
        super(message);
    }
}
