package org.gaudi.core.xtb;

/** No usable xtb executable: not on PATH, or the path given is not an executable file. */
public final class XtbUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public XtbUnavailableException(String message) {
        super(message);
    }
}
