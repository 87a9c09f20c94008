package org.gaudi.core.xtb;

/**
 * The result of one molecule: a gap, or why there is none.
 *
 * @param status   what happened
 * @param gapEv    HOMO–LUMO gap in eV when {@link Status#OK}, else null
 * @param energyEh total energy in Hartree when {@link Status#OK}, else null
 * @param message  for a failure, what went wrong (xtb's error line, the exit code, the time limit); null when OK
 * @param seconds  wall-clock time of the run
 */
public record XtbOutcome(Status status, Double gapEv, Double energyEh, String message, double seconds) {

    /** Outcomes, each counted separately. */
    public enum Status {
        OK("ok"),
        /** Killed at the time limit. */
        TIMEOUT("timeout"),
        /** xtb exited with a non-zero code. */
        EXIT_CODE("exit-code"),
        /** xtb exited with 0 but its output lacks the gap, or the optimisation did not converge. */
        UNPARSEABLE("unparseable"),
        /** The process could not be started, or its files not written or read. */
        IO_ERROR("io-error"),
        /** The molecule could not be turned into xtb input (no 3-D point, implicit H). */
        BAD_INPUT("bad-input");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        /** Lower-case name for {@code key: value} lines and tables. */
        public String key() {
            return key;
        }
    }

    static XtbOutcome ok(XtbOutput o, double seconds) {
        return new XtbOutcome(Status.OK, o.gapEv(), o.totalEnergyEh(), null, seconds);
    }

    static XtbOutcome failed(Status s, String message, double seconds) {
        if (s == Status.OK) {
            throw new IllegalArgumentException("a failure needs a failure status");
        }
        return new XtbOutcome(s, null, null, message, seconds);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** "status: message" for a table cell; null when OK. */
    public String error() {
        return ok() ? null : status.key() + ": " + message;
    }
}
