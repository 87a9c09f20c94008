package org.gaudi.core.gor;

/**
 * Why a decoded graph of rings is not a valid molecule, in the order the checks run: input, then GaUDI's
 * geometric checks (§4.2), then decoding to atoms (§4.3), then chemistry (§4.4).
 */
public enum InvalidReason {
    NON_FINITE_COORDINATES(Stage.INPUT, "a node coordinate is NaN or infinite"),
    NO_RINGS(Stage.INPUT, "the graph has no ring"),
    ORIENTATION_NODES(Stage.GEOMETRY, "orientation nodes mistyped"),
    TOO_CLOSE(Stage.GEOMETRY, "two rings closer than the minimum distance"),
    DISCONNECTED(Stage.GEOMETRY, "rings not all fused into one system"),
    BAD_ANGLE(Stage.GEOMETRY, "ring-triplet angle outside the allowed windows"),
    NON_PLANAR(Stage.GEOMETRY, "ring-quad dihedral not planar"),
    UNDECODABLE_RING_TYPE(Stage.DECODING, "a ring node has no template (orientation type '.')"),
    MISSING_ORIENTATION_NODE(Stage.DECODING, "a hetero ring has no orientation node"),
    ISOLATED_RING(Stage.DECODING, "a Bn/Cbd ring has no fused neighbour to orient it"),
    FRAGMENTED(Stage.CHEMISTRY, "the decoded atoms form more than one fragment"),
    NO_ALLOWED_VALENCE(Stage.CHEMISTRY, "an atom has more neighbours than any allowed valence"),
    TOO_MANY_VALENCE_COMBINATIONS(Stage.CHEMISTRY, "too many valence combinations to try"),
    NET_CHARGE(Stage.CHEMISTRY, "no bond-order assignment gives a neutral molecule"),
    CHARGED_ATOMS(Stage.CHEMISTRY, "the bond-order assignment leaves charged atoms"),
    NOT_A_RING_SYSTEM(Stage.CHEMISTRY, "the decoded atoms are not a system of GaUDI ring types (RingSystemRule)"),
    INTERNAL_ERROR(Stage.CHEMISTRY, "unexpected error while decoding");

    /** Which phase a reason belongs to. */
    public enum Stage {
        INPUT, GEOMETRY, DECODING, CHEMISTRY
    }

    private final Stage stage;
    private final String description;

    InvalidReason(Stage stage, String description) {
        this.stage = stage;
        this.description = description;
    }

    public Stage stage() {
        return stage;
    }

    /** A short human-readable description. */
    public String description() {
        return description;
    }

    /** The reason for a failed geometric check. */
    public static InvalidReason of(GeometryCheck check) {
        switch (check) {
        case ORIENTATION_NODES: return ORIENTATION_NODES;
        case DIST_STABLE: return TOO_CLOSE;
        case CONNECTED: return DISCONNECTED;
        case ANGLES3: return BAD_ANGLE;
        case ANGLES4: return NON_PLANAR;
        default: throw new IllegalArgumentException(String.valueOf(check));
        }
    }
}
