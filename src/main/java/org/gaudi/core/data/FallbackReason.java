package org.gaudi.core.data;

/**
 * Why a record that was loaded got its geometry from the benzenoid lattice (its graph alone) instead of the
 * coordinates the user pointed to. Such records are kept, but every one is counted and listed: the user asked for
 * computed geometries and must see where they were not used.
 */
public enum FallbackReason {
    NO_XYZ_FILE("no <molecule>.xyz in the xyz source; lattice geometry used"),
    SDF_2D_COORDINATES("SD record has 2D coordinates only; lattice geometry used"),
    SDF_NO_COORDINATES("SD record's coordinates are all zero; lattice geometry used");

    private final String description;

    FallbackReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
