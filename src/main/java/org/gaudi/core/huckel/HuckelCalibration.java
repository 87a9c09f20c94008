package org.gaudi.core.huckel;

/**
 * Linear maps from Hückel (HMO) frontier-orbital values to electron-volt estimates, fitted once by least squares on
 * COMPAS-1D (B3LYP-D3BJ/def2-SVP, all 8,678 cata-condensed polybenzenoid hydrocarbons with 1–10 rings; Wahab et al.,
 * J. Chem. Inf. Model. 2022). HuckelCalibrationTest refits them from the data and checks that these constants agree.
 *
 * <p>Inputs are in the units of {@link HuckelResult} (|β|, energies relative to α): gap_eV ≈ a + b·gap, HOMO_eV ≈
 * a + b·ε_HOMO, LUMO_eV ≈ a + b·ε_LUMO. The slopes act as effective |β| values (eV). They are fitted on
 * benzenoid hydrocarbons only and say nothing reliable about hetero systems or open shells.
 *
 * <p>Fit quality on the reference data (Pearson r, mean absolute error of the fitted line): gap r = 0.9753,
 * MAE 0.068 eV; HOMO r = 0.9679, MAE 0.037 eV; LUMO r = 0.9678, MAE 0.042 eV. On the CAM-B3LYP/aug-cc-pVDZ file the
 * gap correlation is r = 0.9727 with a different line (intercept ≈ 2.2 eV higher), so these constants are B3LYP's.
 */
public final class HuckelCalibration {
    /** What the constants were fitted on. */
    public static final String REFERENCE = "COMPAS-1D B3LYP-D3BJ/def2-SVP (8,678 cc-PBHs)";

    public static final double GAP_INTERCEPT_EV = 0.9844;
    public static final double GAP_SLOPE_EV = 2.8538;
    public static final double HOMO_INTERCEPT_EV = -4.2177;
    public static final double HOMO_SLOPE_EV = 2.6356;
    public static final double LUMO_INTERCEPT_EV = -3.2333;
    public static final double LUMO_SLOPE_EV = 3.0721;

    private HuckelCalibration() {
    }

    /** Estimated HOMO–LUMO gap (eV) from the HMO gap (|β|). */
    public static double gapEv(double gapBeta) {
        return GAP_INTERCEPT_EV + GAP_SLOPE_EV * gapBeta;
    }

    /** Estimated HOMO energy (eV) from the HMO HOMO energy ε_HOMO (|β| relative to α). */
    public static double homoEv(double homoBeta) {
        return HOMO_INTERCEPT_EV + HOMO_SLOPE_EV * homoBeta;
    }

    /** Estimated LUMO energy (eV) from the HMO LUMO energy ε_LUMO (|β| relative to α). */
    public static double lumoEv(double lumoBeta) {
        return LUMO_INTERCEPT_EV + LUMO_SLOPE_EV * lumoBeta;
    }
}
