package org.gaudi.core.huckel;

import java.util.Arrays;

/**
 * Outcome of a simple Hückel (HMO) calculation. All energies are orbital energies relative to the carbon Coulomb
 * integral α, in units of |β|: ε = (E − α)/|β|. With the textbook form E = α + x·β and β &lt; 0 this is ε = −x, so
 * bonding orbitals are negative and antibonding ones positive: benzene has HOMO −1, LUMO +1, gap 2; naphthalene
 * HOMO −0.618, LUMO +0.618, gap 1.236.
 *
 * <p>Occupation is aufbau over energy levels (orbitals within {@link HuckelCalculator#DEGENERACY_TOLERANCE} form one
 * level). HOMO is the highest level holding an electron, LUMO the lowest level with a vacancy. When the frontier level
 * is only partly filled (odd electron count, or a degenerate level not filled, e.g. cyclobutadiene or a non-Kekulé
 * benzenoid) HOMO and LUMO are the same level, the gap is 0 and {@link #isOpenShell()} is true.
 */
public final class HuckelResult {
    private final double[] energies;
    private final int electrons;
    private final double homo;
    private final double lumo;
    private final boolean openShell;

    HuckelResult(double[] energies, int electrons, double homo, double lumo, boolean openShell) {
        this.energies = energies;
        this.electrons = electrons;
        this.homo = homo;
        this.lumo = lumo;
        this.openShell = openShell;
    }

    /** Orbital energies ε (|β| units relative to α), ascending; one per π centre. */
    public double[] orbitalEnergies() {
        return energies.clone();
    }

    public int piCentreCount() {
        return energies.length;
    }

    public int piElectronCount() {
        return electrons;
    }

    /** HOMO energy ε_HOMO in |β| units relative to α (negative for bonding HOMOs). */
    public double homo() {
        return homo;
    }

    /** LUMO energy ε_LUMO in |β| units relative to α. */
    public double lumo() {
        return lumo;
    }

    /** HOMO–LUMO gap in |β| units (≥ 0; 0 for an open shell). */
    public double gap() {
        return lumo - homo;
    }

    /** HOMO coefficient x in E_HOMO = α + x·β (= −{@link #homo()}). */
    public double homoX() {
        return -homo;
    }

    /** LUMO coefficient x in E_LUMO = α + x·β (= −{@link #lumo()}). */
    public double lumoX() {
        return -lumo;
    }

    /** True when the frontier level is partly filled (radical or degenerate open shell); then the gap is 0. */
    public boolean isOpenShell() {
        return openShell;
    }

    /** Total π energy Σ n_i ε_i in |β| units relative to n·α (negative = bonding). */
    public double totalPiEnergy() {
        double e = 0;
        int left = electrons;
        for (double eps : energies) {
            int n = Math.min(2, left);
            e += n * eps;
            left -= n;
        }
        return e;
    }

    @Override
    public String toString() {
        return String.format("HMO[%d centres, %d e, HOMO %.4f, LUMO %.4f, gap %.4f |beta|%s]", energies.length,
                electrons, homo, lumo, gap(), openShell ? ", open shell" : "") + " " + Arrays.toString(energies);
    }
}
