package org.gaudi.core.gor;

/** A molecule that cannot be turned into a graph of rings, with a machine-readable reason. */
public final class GorEncodingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why encoding failed. */
    public enum Reason {
        /** No ring in the molecule. */
        NO_RINGS,
        /** A ring whose element pattern is not one of GaUDI's ring types. */
        UNKNOWN_RING_TYPE,
        /** Atoms outside rings or rings that are not ortho-fused as GaUDI expects. */
        UNSUPPORTED_TOPOLOGY,
        /** No 3D coordinates and no lattice embedding possible (e.g. a non-benzenoid given only as SMILES). */
        NO_GEOMETRY,
        /** Coordinates present but unusable (missing, non-finite, or bonds not perceivable). */
        BAD_GEOMETRY
    }

    private final Reason reason;

    public GorEncodingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
