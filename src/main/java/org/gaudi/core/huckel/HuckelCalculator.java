package org.gaudi.core.huckel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Simple Hückel (HMO) calculation for a conjugated π system given as a CDK molecule (e.g. parsed SMILES, kekulised
 * or aromatic; hydrogens implicit or explicit).
 *
 * <p>π centres: every non-hydrogen atom that is aromatic or carries a double bond, plus B, N, O and S atoms bonded
 * only by single bonds that are adjacent to such an atom (lone-pair donors such as pyrrole N–H, furan O, thiophene S,
 * or B with an empty p orbital), plus carbons with only three σ bonds next to the π system (C+, C− or radical
 * centres, e.g. the CH2 of allyl; this needs implicit hydrogen counts). Other atoms (sp3 carbons,
 * hydrogens, halogens, …) are not part of the π system. Triple bonds are not supported. Parameters and electron
 * counts are those of {@link PiCentreType}.
 *
 * <p>The Hamiltonian in units of |β| relative to α is H_ii = −h_i and H_ij = −k_ij for bonded π centres (α = 0,
 * β = −1); its eigenvalues (commons-math3 {@link EigenDecomposition}) are the orbital energies of
 * {@link HuckelResult}. Instances are thread-safe.
 */
public final class HuckelCalculator {
    /** Orbitals whose energies differ by less than this (|β| units) form one degenerate level. */
    public static final double DEGENERACY_TOLERANCE = 1e-6;

    /**
     * Computes the HMO spectrum and frontier orbitals of a molecule.
     *
     * @throws HuckelException when the molecule has no π system, an atom has no parameters (naming it), or the
     *                         electron count leaves no HOMO or no LUMO
     */
    public HuckelResult compute(IAtomContainer molecule) throws HuckelException {
        List<IAtom> centres = new ArrayList<>();
        List<PiCentreType> types = new ArrayList<>();
        int electrons = 0;
        for (IAtom atom : molecule.atoms()) {
            if (!isPiCentre(molecule, atom)) {
                continue;
            }
            int e = piElectrons(molecule, atom);
            PiCentreType t = PiCentreType.of(atom.getSymbol(), e, charge(atom));
            if (t == null) {
                throw new HuckelException("no Hückel parameters for " + describe(molecule, atom) + " with " + e
                        + " π electrons");
            }
            centres.add(atom);
            types.add(t);
            electrons += e;
        }
        int n = centres.size();
        if (n == 0) {
            throw new HuckelException("molecule has no conjugated π system");
        }
        Map<IAtom, Integer> index = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            index.put(centres.get(i), i);
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = -types.get(i).h();
        }
        for (IBond bond : molecule.bonds()) {
            Integer i = index.get(bond.getBegin());
            Integer j = index.get(bond.getEnd());
            if (i == null || j == null || i.equals(j)) {
                continue;
            }
            double k = PiCentreType.resonance(types.get(i), types.get(j));
            h[i][j] = -k;
            h[j][i] = -k;
        }
        return fill(eigenvalues(h), electrons);
    }

    /** Parses a SMILES string (CDK, kekulised) and computes its HMO result. */
    public HuckelResult compute(String smiles) throws HuckelException {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        try {
            return compute(parser.parseSmiles(smiles));
        } catch (InvalidSmilesException e) {
            throw new HuckelException("invalid SMILES '" + smiles + "': " + e.getMessage(), e);
        }
    }

    private static double[] eigenvalues(double[][] h) {
        int n = h.length;
        if (n == 1) {
            return new double[] {h[0][0]};
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(h, false)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    /** Aufbau over degenerate levels; see {@link HuckelResult} for the HOMO/LUMO convention. */
    static HuckelResult fill(double[] energies, int electrons) throws HuckelException {
        int n = energies.length;
        if (electrons <= 0) {
            throw new HuckelException("π system has no electrons, so no HOMO");
        }
        if (electrons >= 2 * n) {
            throw new HuckelException("π system is full (" + electrons + " electrons in " + n
                    + " orbitals), so no LUMO");
        }
        int left = electrons;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && energies[end] - energies[start] < DEGENERACY_TOLERANCE) {
                end++;
            }
            int capacity = 2 * (end - start);
            double level = energies[start];
            if (left < capacity) {
                // this level is the frontier: partly filled (open shell) or empty with the previous one full
                if (left > 0) {
                    return new HuckelResult(energies, electrons, level, level, true);
                }
                return new HuckelResult(energies, electrons, energies[start - 1], level, false);
            }
            left -= capacity;
            start = end;
        }
        throw new IllegalStateException("unreachable: electrons < 2n but all levels filled");
    }

    static boolean isPiCentre(IAtomContainer mol, IAtom atom) {
        String el = atom.getSymbol();
        if (el == null || "H".equals(el)) {
            return false;
        }
        if (unsaturated(mol, atom)) {
            return true;
        }
        boolean donorElement = "B".equals(el) || "N".equals(el) || "O".equals(el) || "S".equals(el);
        // a carbon with at most 3 σ bonds and no π bond is a cation, anion or radical centre
        boolean trivalentCarbon = "C".equals(el) && atom.getImplicitHydrogenCount() != null
                && mol.getConnectedBondsCount(atom) + implicitH(atom) <= 3;
        if (!donorElement && !trivalentCarbon) {
            return false;
        }
        for (IAtom nb : mol.getConnectedAtomsList(atom)) {
            if (unsaturated(mol, nb)) {
                return true;
            }
        }
        return false;
    }

    /** Aromatic, or has a double bond (triple bonds are rejected later by the electron count). */
    private static boolean unsaturated(IAtomContainer mol, IAtom atom) {
        if (atom.isAromatic()) {
            return !"H".equals(atom.getSymbol());
        }
        for (IBond b : mol.getConnectedBondsList(atom)) {
            if (b.isAromatic() || b.getOrder() == IBond.Order.DOUBLE) {
                return true;
            }
        }
        return false;
    }

    static int piElectrons(IAtomContainer mol, IAtom atom) throws HuckelException {
        int sigma = mol.getConnectedBondsCount(atom) + implicitH(atom);
        for (IBond b : mol.getConnectedBondsList(atom)) {
            if (b.getOrder() == IBond.Order.TRIPLE) {
                throw new HuckelException(describe(mol, atom) + " has a triple bond (sp centres are not supported)");
            }
        }
        int q = charge(atom);
        if (sigma > 3) {
            throw new HuckelException(describe(mol, atom) + " has " + sigma + " σ bonds, so it is not an sp2 π centre");
        }
        if ("C".equals(atom.getSymbol())) {
            return 1 - q;
        }
        int valence = valenceElectrons(atom.getSymbol());
        // boron (3 valence electrons) cannot spare a pair for its in-plane orbital: it stays empty
        int inPlaneLonePairs = "B".equals(atom.getSymbol()) ? 0 : Math.max(0, 3 - sigma);
        int e = valence - q - sigma - 2 * inPlaneLonePairs;
        if (e < 0 || e > 2) {
            throw new HuckelException(describe(mol, atom) + " (σ bonds " + sigma + ", charge " + q
                    + ") cannot be an sp2 π centre");
        }
        return e;
    }

    private static int valenceElectrons(String element) {
        switch (element) {
            case "B":
                return 3;
            case "N":
                return 5;
            case "O":
            case "S":
                return 6;
            default:
                return 4;
        }
    }

    private static int implicitH(IAtom atom) {
        Integer h = atom.getImplicitHydrogenCount();
        return h == null ? 0 : h;
    }

    private static int charge(IAtom atom) {
        Integer q = atom.getFormalCharge();
        return q == null ? 0 : q;
    }

    private static String describe(IAtomContainer mol, IAtom atom) {
        return "atom " + (mol.indexOf(atom) + 1) + " (" + atom.getSymbol() + ")";
    }
}
