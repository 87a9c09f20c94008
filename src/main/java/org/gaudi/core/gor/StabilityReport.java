package org.gaudi.core.gor;

import java.util.EnumSet;
import java.util.Set;

/**
 * Outcome of GaUDI's geometric checks on a graph of rings: one flag per {@link GeometryCheck} with the reference's
 * semantics (a check after an early failure stays false, except that ANGLES3 and ANGLES4 are both evaluated once
 * the GOR is connected), the first failed check and a message naming rings and values.
 */
public final class StabilityReport {
    private final Set<GeometryCheck> passed;
    private final GeometryCheck firstFailure;
    private final String message;

    StabilityReport(Set<GeometryCheck> passed, GeometryCheck firstFailure, String message) {
        this.passed = passed.isEmpty() ? EnumSet.noneOf(GeometryCheck.class) : EnumSet.copyOf(passed);
        this.firstFailure = firstFailure;
        this.message = message;
    }

    /** True iff all five checks passed (GaUDI's {@code mol_stable}). */
    public boolean stable() {
        return firstFailure == null;
    }

    /** The flag of one check as GaUDI reports it. */
    public boolean passed(GeometryCheck check) {
        return passed.contains(check);
    }

    /** The first failed check in run order, or null when stable. */
    public GeometryCheck firstFailure() {
        return firstFailure;
    }

    /** What failed first, with ring indices (0-based) and values; empty when stable. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return stable() ? "stable" : firstFailure + ": " + message;
    }
}
