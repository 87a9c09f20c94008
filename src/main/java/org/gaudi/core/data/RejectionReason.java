package org.gaudi.core.data;

/** Why a dataset record was rejected. */
public enum RejectionReason {
    BAD_SMILES("SMILES could not be parsed"),
    MISSING_PROPERTY("property value missing or not a number"),
    TOO_MANY_RINGS("more rings than the model's limit"),
    UNKNOWN_RING_TYPE("ring type not in GaUDI's ring table"),
    MALFORMED_XYZ("xyz geometry malformed"),
    NO_GEOMETRY("no geometry: not a benzenoid and no xyz/3D coordinates given"),
    UNSUPPORTED_STRUCTURE("structure cannot be encoded as a graph of rings"),
    DUPLICATE_ID("molecule id seen before"),
    MALFORMED_RECORD("record malformed or unreadable"),
    BAD_GEOMETRY("coordinates present but unusable"),
    BAD_ENCODING("text is not valid UTF-8");

    private final String description;

    RejectionReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
