package org.gaudi.core.diffusion;

/** How a graph of rings is laid out as padded nodes (GaUDI §3.3). */
public enum NodeLayout {
    /** Cata-condensed: one node per ring, rings 0..n-1 real, fully connected among real rings. */
    RINGS,
    /**
     * Hetero: ring i at index i and its orientation node at index maxRings + i (N_pad = 2·maxRings); ring-ring
     * edges among real rings, ring i ↔ orientation node i, no orientation-orientation edges.
     */
    RINGS_WITH_ORIENTATION
}
