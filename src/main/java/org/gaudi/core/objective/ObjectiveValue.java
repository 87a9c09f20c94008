package org.gaudi.core.objective;

/**
 * The exact value of an objective for one property vector, or why it is undefined there (e.g. log of a
 * non-positive number). An undefined result has value NaN and a non-null reason.
 *
 * @param value the objective value (NaN when undefined)
 * @param undefinedReason {@code null} when defined; otherwise which sub-expression failed and why
 */
public record ObjectiveValue(double value, String undefinedReason) {

    /** @return whether the objective is defined (finite) for these properties */
    public boolean isDefined() {
        return undefinedReason == null;
    }

    @Override
    public String toString() {
        return isDefined() ? Double.toString(value) : "objective undefined: " + undefinedReason;
    }
}
