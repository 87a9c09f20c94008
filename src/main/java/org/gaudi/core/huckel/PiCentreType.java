package org.gaudi.core.huckel;

/**
 * Kinds of π centre with their Hückel parameters, in the usual heteroatom convention α_X = α + h·β and
 * β_CX = k·β (β &lt; 0). Values for carbon, B, N and O are the textbook (Streitwieser 1961, Greenwood 1972) ones;
 * sulfur has no value in those tables, and the thiophene-type values used here (h = 1.5, k = 0.8, by analogy with
 * pyrrole-type N) are an assumption to revisit when hetero rings are calibrated. For a bond between two
 * heteroatoms k = k_X · k_Y (carbon has k = 1), a simple documented rule.
 *
 * <p>π electrons per centre follow from the valence: electrons = valence − formal charge − σ bonds − 2 · in-plane
 * lone pairs (3 − σ for an sp2 centre with σ &lt; 3). So a neutral sp2 carbon gives 1, pyridine N 1, pyrrole N–H 2,
 * furan O 2, carbonyl O 1, pyrylium O+ 1, thiophene S 2, three-coordinate B 0.
 */
public enum PiCentreType {
    /** sp2 carbon (any formal charge; C+ has 0 and C− 2 π electrons). */
    CARBON("C", 0.0, 1.0),
    /** Three-coordinate boron, empty p orbital (0 π electrons). */
    BORON("B", -1.0, 0.7),
    /** Pyridine-type N, one π electron. */
    N_PYRIDINE("N", 0.5, 1.0),
    /** Pyridinium-type N+, one π electron. */
    N_PYRIDINIUM("N+", 2.0, 1.0),
    /** Pyrrole/aniline-type N, lone pair in the π system (2 electrons). */
    N_PYRROLE("N:", 1.5, 0.8),
    /** Carbonyl-type O, one π electron. */
    O_CARBONYL("O", 1.0, 1.0),
    /** Pyrylium-type O+, one π electron. */
    O_PYRYLIUM("O+", 2.5, 1.0),
    /** Furan/ether-type O, lone pair in the π system (2 electrons). */
    O_FURAN("O:", 2.0, 0.8),
    /** Thiophene-type S, lone pair in the π system (2 electrons); parameters are an assumption, see class doc. */
    S_THIOPHENE("S:", 1.5, 0.8);

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
                return piElectrons == 0 ? BORON : null;
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
