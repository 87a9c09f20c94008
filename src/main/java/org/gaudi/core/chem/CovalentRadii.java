package org.gaudi.core.chem;

/**
 * Single-bond covalent radii of Alvarez (Dalton Trans. 2008), in Å, as used by GaUDI's bond perception
 * (bond if d ≤ 1.3 × (r_i + r_j)). Only elements that occur in aromatic ring systems are tabulated.
 */
public final class CovalentRadii {
    /** GaUDI's bond-perception factor. */
    public static final double BOND_FACTOR = 1.3;

    private static final double[] RADIUS = new double[54];

    static {
        java.util.Arrays.fill(RADIUS, Double.NaN);
        RADIUS[1] = 0.31; // H
        RADIUS[5] = 0.84; // B
        RADIUS[6] = 0.76; // C (sp3 value, as in GaUDI)
        RADIUS[7] = 0.71; // N
        RADIUS[8] = 0.66; // O
        RADIUS[9] = 0.57; // F
        RADIUS[14] = 1.11; // Si
        RADIUS[15] = 1.07; // P
        RADIUS[16] = 1.05; // S
        RADIUS[17] = 1.02; // Cl
        RADIUS[34] = 1.20; // Se
        RADIUS[35] = 1.20; // Br
        RADIUS[53] = 1.39; // I
    }

    private CovalentRadii() {
    }

    /** Radius in Å, or NaN when the element is not tabulated. */
    public static double of(int atomicNumber) {
        return atomicNumber > 0 && atomicNumber < RADIUS.length ? RADIUS[atomicNumber] : Double.NaN;
    }

    /** Whether two atoms at distance {@code d} (Å) are bonded under GaUDI's rule. */
    public static boolean bonded(int z1, int z2, double d) {
        return d <= BOND_FACTOR * (of(z1) + of(z2));
    }
}
