package org.gaudi.core.huckel;

import java.util.List;

/**
 * Names, units and values of the Hückel-derived dataset properties. The β-unit values are orbital energies relative
 * to α in units of |β| (see {@link HuckelResult}); the eV values are the linear calibration of {@link HuckelCalibration}
 * (estimates of B3LYP-D3BJ/def2-SVP values, not measurements).
 */
public final class HuckelProperties {
    public static final String GAP_BETA = "HMO_GAP_beta";
    public static final String HOMO_BETA = "HMO_HOMO_beta";
    public static final String LUMO_BETA = "HMO_LUMO_beta";
    public static final String GAP_EV = "HMO_GAP_eV";
    public static final String HOMO_EV = "HMO_HOMO_eV";
    public static final String LUMO_EV = "HMO_LUMO_eV";

    /** All six property names, in the order of {@link #values(HuckelResult)}. */
    public static final List<String> NAMES = List.of(GAP_BETA, HOMO_BETA, LUMO_BETA, GAP_EV, HOMO_EV, LUMO_EV);

    private HuckelProperties() {
    }

    /** Unit of a property: "|beta|" or "eV"; null for a name that is not a Hückel property. */
    public static String unit(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        return name.endsWith("_beta") ? "|beta|" : "eV";
    }

    /** One-line description of a property for tables and tooltips; null for an unknown name. */
    public static String description(String name) {
        switch (name) {
            case GAP_BETA:
                return "Hückel HOMO-LUMO gap in units of |beta|";
            case HOMO_BETA:
                return "Hückel HOMO energy relative to alpha, units of |beta| (negative = bonding)";
            case LUMO_BETA:
                return "Hückel LUMO energy relative to alpha, units of |beta|";
            case GAP_EV:
                return "HOMO-LUMO gap estimated from the Hückel gap (linear fit to B3LYP, eV)";
            case HOMO_EV:
                return "HOMO energy estimated from the Hückel HOMO (linear fit to B3LYP, eV)";
            case LUMO_EV:
                return "LUMO energy estimated from the Hückel LUMO (linear fit to B3LYP, eV)";
            default:
                return null;
        }
    }

    /** The six values, in the order of {@link #NAMES}. */
    public static double[] values(HuckelResult r) {
        return new double[] {r.gap(), r.homo(), r.lumo(), HuckelCalibration.gapEv(r.gap()),
            HuckelCalibration.homoEv(r.homo()), HuckelCalibration.lumoEv(r.lumo())};
    }
}
