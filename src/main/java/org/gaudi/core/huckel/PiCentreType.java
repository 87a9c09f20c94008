package org.gaudi.core.huckel;

/**
 * Kinds of π centre with their Hückel parameters, in the usual heteroatom convention α_X = α + h·β and
 * β_CX = k·β (β &lt; 0).
 *
 * <p>Source: F. A. Van-Catledge, "A Pariser-Parr-Pople-based set of Hückel molecular orbital parameters",
 * J. Org. Chem. 45, 4801–4802 (1980), as tabulated e.g. in A. Rauk, Orbital Interaction Theory of Organic
 * Chemistry (2nd ed., Wiley 2001): three-coordinate B h = −0.45, k = 0.73; pyridine-type N (one π electron)
 * h = 0.51, k = 1.02; pyrrole-type N (two) h = 1.37, k = 0.89; carbonyl-type O (one) h = 0.97, k = 1.06;
 * furan-type O (two) h = 2.09, k = 0.66; thiophene-type S (two) h = 1.11, k = 0.69. The cations (pyridinium N+,
 * pyrylium O+) keep Streitwieser's textbook values (Molecular Orbital Theory for Organic Chemists, Wiley 1961):
 * h = 2.0 and 2.5, k = 1.0. Two-coordinate boron (the B of a borabenzene or diborine ring, one π electron) has no
 * entry of its own in these tables; it takes the three-coordinate boron values (same atom and p orbital, one more
 * π electron), an assumption stated here and in the README. A bond between two of Van-Catledge's heteroatom
 * classes takes his own X–Y value ({@link #resonance}); only the cations, which have no such entries, fall back to
 * k_X · k_Y. (No heteroatom–heteroatom bond occurs in GaUDI's cata-condensed ring systems, but a user's molecule,
 * e.g. a pyridazine, may have one.) All values were cross-checked against the independent Van-Catledge tabulation
 * of the {@code coulson} Hückel/PPP package (digital-chemistry-laboratory/coulson, {@code parameters.py}).
 *
 * <p>π electrons per centre follow from the valence: electrons = valence − formal charge − σ bonds − 2 · in-plane
 * lone pairs (3 − σ for an sp2 centre with σ &lt; 3; boron has too few electrons for one, so its in-plane orbital
 * stays empty). So a neutral sp2 carbon gives 1, pyridine N 1, pyrrole N–H 2, furan O 2, carbonyl O 1, pyrylium
 * O+ 1, thiophene S 2, three-coordinate B 0, two-coordinate B 1.
 */
public enum PiCentreType {
    /** sp2 carbon (any formal charge; C+ has 0 and C− 2 π electrons). */
    CARBON("C", 0.0, 1.0, -1),
    /** Three-coordinate boron (borole B–H), empty p orbital (0 π electrons); Van-Catledge. */
    BORON("B", -0.45, 0.73, 0),
    /** Two-coordinate boron (borabenzene, diborine), one π electron; Van-Catledge's boron values (see above). */
    BORON_ONE_ELECTRON("B.", -0.45, 0.73, 0),
    /** Pyridine-type N, one π electron; Van-Catledge. */
    N_PYRIDINE("N", 0.51, 1.02, 1),
    /** Pyridinium-type N+, one π electron; Streitwieser. */
    N_PYRIDINIUM("N+", 2.0, 1.0, -1),
    /** Pyrrole/aniline-type N, lone pair in the π system (2 electrons); Van-Catledge. */
    N_PYRROLE("N:", 1.37, 0.89, 2),
    /** Carbonyl-type O, one π electron; Van-Catledge. */
    O_CARBONYL("O", 0.97, 1.06, 3),
    /** Pyrylium-type O+, one π electron; Streitwieser. */
    O_PYRYLIUM("O+", 2.5, 1.0, -1),
    /** Furan/ether-type O, lone pair in the π system (2 electrons); Van-Catledge. */
    O_FURAN("O:", 2.09, 0.66, 4),
    /** Thiophene-type S, lone pair in the π system (2 electrons); Van-Catledge. */
    S_THIOPHENE("S:", 1.11, 0.69, 5);

    private final String label;
    private final double h;
    private final double k;
    /** Row of {@link #HETERO_PAIR_K}, or −1 (carbon and the cations, which have no X–Y entries). */
    private final int pairClass;

    PiCentreType(String label, double h, double k, int pairClass) {
        this.label = label;
        this.h = h;
        this.k = k;
        this.pairClass = pairClass;
    }

    /**
     * Van-Catledge's k_XY between two heteroatom classes, in the order B, N (one π electron), N (two), O (one),
     * O (two), S (two); symmetric.
     */
    private static final double[][] HETERO_PAIR_K = {
        //  B     N1    N2    O1    O2    S2
        {0.87, 0.66, 0.53, 0.60, 0.35, 0.44}, // B
        {0.66, 1.09, 0.99, 1.14, 0.80, 0.78}, // N1
        {0.53, 0.99, 0.98, 1.13, 0.89, 0.73}, // N2
        {0.60, 1.14, 1.13, 1.26, 1.02, 0.85}, // O1
        {0.35, 0.80, 0.89, 1.02, 0.95, 0.54}, // O2
        {0.44, 0.78, 0.73, 0.85, 0.54, 0.63}, // S2
    };

    /**
     * The resonance parameter k of a bond between centres of types {@code a} and {@code b}: 1 for C–C, k_X for
     * C–X, Van-Catledge's own k_XY between two of his heteroatom classes, and k_X · k_Y only where he gives none
     * (the cations).
     */
    public static double resonance(PiCentreType a, PiCentreType b) {
        if (a == CARBON) {
            return b.k;
        }
        if (b == CARBON) {
            return a.k;
        }
        int i = a.pairClass;
        int j = b.pairClass;
        return i >= 0 && j >= 0 ? HETERO_PAIR_K[i][j] : a.k * b.k;
    }

    /** Short label (":" marks a lone-pair donor), for messages. */
    public String label() {
        return label;
    }

    /** Coulomb parameter h: α_X = α + h·β. */
    public double h() {
        return h;
    }

    /** Resonance parameter to carbon k: β_CX = k·β. */
    public double k() {
        return k;
    }

    /**
     * The type of a π centre from its element, π electron count and formal charge, or null when no parameters
     * exist for that combination.
     */
    static PiCentreType of(String element, int piElectrons, int charge) {
        switch (element) {
            case "C":
                return CARBON;
            case "B":
                return piElectrons == 0 ? BORON : piElectrons == 1 && charge == 0 ? BORON_ONE_ELECTRON : null;
            case "N":
                if (piElectrons == 2) {
                    return N_PYRROLE;
                }
                if (piElectrons == 1) {
                    return charge > 0 ? N_PYRIDINIUM : N_PYRIDINE;
                }
                return null;
            case "O":
                if (piElectrons == 2) {
                    return O_FURAN;
                }
                if (piElectrons == 1) {
                    return charge > 0 ? O_PYRYLIUM : O_CARBONYL;
                }
                return null;
            case "S":
                return piElectrons == 2 ? S_THIOPHENE : null;
            default:
                return null;
        }
    }
}
