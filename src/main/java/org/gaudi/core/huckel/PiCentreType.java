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
 * π electron), an assumption stated here and in the README. For a bond between two heteroatoms k = k_X · k_Y
 * (carbon has k = 1), a simple documented rule (no such bond occurs in GaUDI's cata-condensed ring systems).
 *
 * <p>π electrons per centre follow from the valence: electrons = valence − formal charge − σ bonds − 2 · in-plane
 * lone pairs (3 − σ for an sp2 centre with σ &lt; 3; boron has too few electrons for one, so its in-plane orbital
 * stays empty). So a neutral sp2 carbon gives 1, pyridine N 1, pyrrole N–H 2, furan O 2, carbonyl O 1, pyrylium
 * O+ 1, thiophene S 2, three-coordinate B 0, two-coordinate B 1.
 */
public enum PiCentreType {
    /** sp2 carbon (any formal charge; C+ has 0 and C− 2 π electrons). */
    CARBON("C", 0.0, 1.0),
    /** Three-coordinate boron (borole B–H), empty p orbital (0 π electrons); Van-Catledge. */
    BORON("B", -0.45, 0.73),
    /** Two-coordinate boron (borabenzene, diborine), one π electron; Van-Catledge's boron values (see above). */
    BORON_ONE_ELECTRON("B.", -0.45, 0.73),
    /** Pyridine-type N, one π electron; Van-Catledge. */
    N_PYRIDINE("N", 0.51, 1.02),
    /** Pyridinium-type N+, one π electron; Streitwieser. */
    N_PYRIDINIUM("N+", 2.0, 1.0),
    /** Pyrrole/aniline-type N, lone pair in the π system (2 electrons); Van-Catledge. */
    N_PYRROLE("N:", 1.37, 0.89),
    /** Carbonyl-type O, one π electron; Van-Catledge. */
    O_CARBONYL("O", 0.97, 1.06),
    /** Pyrylium-type O+, one π electron; Streitwieser. */
    O_PYRYLIUM("O+", 2.5, 1.0),
    /** Furan/ether-type O, lone pair in the π system (2 electrons); Van-Catledge. */
    O_FURAN("O:", 2.09, 0.66),
    /** Thiophene-type S, lone pair in the π system (2 electrons); Van-Catledge. */
    S_THIOPHENE("S:", 1.11, 0.69);

    private final String label;
    private final double h;
    private final double k;

    PiCentreType(String label, double h, double k) {
        this.label = label;
        this.h = h;
        this.k = k;
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
