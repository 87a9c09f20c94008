package org.gaudi.core.huckel;

/** A molecule for which no Hückel (HMO) calculation is possible, with the reason in the message. */
public final class HuckelException extends Exception {
    private static final long serialVersionUID = 1L;

    public HuckelException(String message) {
        super(message);
    }

    public HuckelException(String message, Throwable cause) {
        super(message, cause);
    }
}
