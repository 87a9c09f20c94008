package org.gaudi.core.xtb;

/** xtb finished but its output does not say what we need (no final gap, a non-finite number, no convergence). */
public final class XtbOutputException extends Exception {
    private static final long serialVersionUID = 1L;

    public XtbOutputException(String message) {
        super(message);
    }
}
