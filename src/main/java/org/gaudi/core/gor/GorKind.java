package org.gaudi.core.gor;

/**
 * Which GaUDI dataset flavour a graph of rings belongs to; it selects the distance and angle tables (§4.1–4.2).
 * {@link #CATA}: cata-condensed benzenoids, only {@link RingType#Bn}, no orientation nodes. {@link #HETERO}: the
 * PASs ring types with one orientation node per ring.
 */
public enum GorKind {
    CATA,
    HETERO;

    /** HETERO when the GOR has orientation nodes or any ring that is not Bn, else CATA. */
    public static GorKind of(GraphOfRings gor) {
        if (gor.hasOrientationNodes()) {
            return HETERO;
        }
        for (RingType t : gor.types()) {
            if (t != RingType.Bn) {
                return HETERO;
            }
        }
        return CATA;
    }
}
