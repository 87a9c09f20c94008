package org.gaudi.core.gor;

/** GaUDI's geometric "stability" checks, in the order they run (§4.2). */
public enum GeometryCheck {
    /** Hetero only: orientation nodes typed '.', ring nodes never '.'. */
    ORIENTATION_NODES,
    /** No two ring nodes closer than the smallest fused distance × 0.9. */
    DIST_STABLE,
    /** The fused-ring adjacency is connected. */
    CONNECTED,
    /** Every ring-triplet angle lies in a window of its centre ring type. */
    ANGLES3,
    /** Cata only: every ring-quad dihedral is near 0° or 180° (planarity). */
    ANGLES4
}
