package org.gaudi.core.djl;

/** A tensor that must be finite holds NaN or Inf (numerical divergence, bad input). */
public class NonFiniteValueException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public NonFiniteValueException(String message) {
        super(message);
    }
}
