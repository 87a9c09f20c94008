package org.gaudi.core.huckel;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

public class HuckelCalculatorTest {
    private static final double TOL = 1e-9;
    private final HuckelCalculator hmo = new HuckelCalculator();

    private HuckelResult run(String smiles) throws HuckelException {
        return hmo.compute(smiles);
    }

    @Test
    public void benzeneHasGapTwoAndTextbookSpectrum() throws Exception {
        HuckelResult r = run("c1ccccc1");
        assertEquals(6, r.piCentreCount());
        assertEquals(6, r.piElectronCount());
        assertArrayEquals(new double[] {-2, -1, -1, 1, 1, 2}, r.orbitalEnergies(), TOL);
        assertEquals(-1.0, r.homo(), TOL);
        assertEquals(1.0, r.lumo(), TOL);
        assertEquals(2.0, r.gap(), TOL);
        assertEquals(1.0, r.homoX(), TOL); // E_HOMO = α + 1·β
        assertFalse(r.isOpenShell());
        assertEquals(-8.0, r.totalPiEnergy(), TOL); // 6α + 8β
    }

    @Test
    public void naphthaleneGapIsTwiceTheGoldenRatioConjugate() throws Exception {
        HuckelResult r = run("c1ccc2ccccc2c1");
        assertEquals(1.236, r.gap(), 1e-3);
        assertEquals(Math.sqrt(5) - 1, r.gap(), TOL);
        assertEquals(-r.lumo(), r.homo(), TOL); // pairing theorem for alternant hydrocarbons
    }

    @Test
    public void largerBenzenoidsMatchKnownHmoGaps() throws Exception {
        assertEquals(2 * (Math.sqrt(2) - 1), run("c1ccc2cc3ccccc3cc2c1").gap(), TOL); // anthracene 0.828
        assertEquals(2 * 0.605, run("c1ccc2c(c1)ccc1ccccc12").gap(), 2e-3); // phenanthrene
        assertEquals(2 * 0.445, run("c1cc2ccc3cccc4ccc(c1)c2c34").gap(), 1e-3); // pyrene
    }

    @Test
    public void kekuleAromaticAndExplicitHydrogenFormsAgree() throws Exception {
        HuckelResult aromatic = run("c1ccc2cc3ccccc3cc2c1");
        HuckelResult kekule = run("C1=CC=C2C=C3C=CC=CC3=CC2=C1");
        assertArrayEquals(aromatic.orbitalEnergies(), kekule.orbitalEnergies(), TOL);
        IAtomContainer withH = new SmilesParser(SilentChemObjectBuilder.getInstance())
                .parseSmiles("c1ccc2cc3ccccc3cc2c1");
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(withH);
        HuckelResult explicit = hmo.compute(withH);
        assertArrayEquals(aromatic.orbitalEnergies(), explicit.orbitalEnergies(), TOL);
        assertEquals(14, explicit.piElectronCount());
    }

    @Test
    public void sp3CarbonsBreakConjugation() throws Exception {
        HuckelResult fluorene = run("C1c2ccccc2-c2ccccc12");
        assertEquals(12, fluorene.piCentreCount()); // CH2 excluded: a biphenyl π system
        assertArrayEquals(run("c1ccc(cc1)-c1ccccc1").orbitalEnergies(), fluorene.orbitalEnergies(), TOL);
        HuckelResult toluene = run("Cc1ccccc1");
        assertEquals(6, toluene.piCentreCount());
    }

    @Test
    public void oddElectronSystemsAreOpenShellWithZeroGap() throws Exception {
        HuckelResult allyl = run("C=C[CH2]");
        assertEquals(3, allyl.piCentreCount());
        assertEquals(3, allyl.piElectronCount());
        assertTrue(allyl.isOpenShell());
        assertEquals(0.0, allyl.homo(), TOL); // the nonbonding SOMO
        assertEquals(0.0, allyl.gap(), TOL);
        HuckelResult allylCation = run("C=C[CH2+]");
        assertEquals(2, allylCation.piElectronCount());
        assertFalse(allylCation.isOpenShell());
        assertEquals(-Math.sqrt(2), allylCation.homo(), TOL);
        assertEquals(0.0, allylCation.lumo(), TOL);
    }

    @Test
    public void partlyFilledDegenerateLevelIsOpenShell() throws Exception {
        HuckelResult cbd = run("C1=CC=C1"); // cyclobutadiene: 2 electrons in the degenerate pair at α
        assertTrue(cbd.isOpenShell());
        assertEquals(0.0, cbd.gap(), TOL);
        HuckelResult tropylium = run("[cH+]1cccccc1"); // 6 electrons, aromatic cation, closed shell
        assertEquals(6, tropylium.piElectronCount());
        assertFalse(tropylium.isOpenShell());
        assertEquals(-2 * Math.cos(2 * Math.PI / 7), tropylium.homo(), TOL);
        HuckelResult cp = run("[cH-]1cccc1"); // cyclopentadienyl anion
        assertEquals(6, cp.piElectronCount());
        assertEquals(-2 * Math.cos(2 * Math.PI / 5), cp.homo(), TOL);
    }

    @Test
    public void heteroatomsUseTheDocumentedConvention() throws Exception {
        HuckelResult pyridine = run("c1ccncc1");
        assertEquals(6, pyridine.piElectronCount());
        HuckelResult pyrrole = run("c1cc[nH]c1");
        assertEquals(5, pyrrole.piCentreCount());
        assertEquals(6, pyrrole.piElectronCount()); // N–H donates its lone pair
        assertEquals(6, run("c1ccoc1").piElectronCount());
        assertEquals(6, run("c1ccsc1").piElectronCount());
        assertEquals(4, run("B1C=CC=C1").piElectronCount()); // borole: empty p orbital on B
        assertEquals(6, run("[o+]1ccccc1").piElectronCount());
        assertEquals(2, run("C=O").piElectronCount());
        // an electronegative N lowers the frontier orbitals relative to benzene
        HuckelResult benzene = run("c1ccccc1");
        assertTrue(pyridine.lumo() < benzene.lumo());
        // trace of H = Σ ε = −Σ h_X: Van-Catledge's h for each heteroatom kind (J. Org. Chem. 1980)
        assertEquals(-0.51, sum(pyridine.orbitalEnergies()), TOL);
        assertEquals(-1.37, sum(pyrrole.orbitalEnergies()), TOL);
        assertEquals(-2.09, sum(run("c1ccoc1").orbitalEnergies()), TOL);
        assertEquals(-1.11, sum(run("c1ccsc1").orbitalEnergies()), TOL);
        assertEquals(0.45, sum(run("B1C=CC=C1").orbitalEnergies()), TOL);
        assertEquals(-1.02, sum(run("c1cnccn1").orbitalEnergies()), TOL); // pyrazine: two pyridine-type N
    }

    /**
     * trace(H²) = Σ ε² = Σ h_X² + 2 Σ k_ij², so the squared spectrum reads the resonance parameters back: pyridazine
     * has one N–N bond, which takes Van-Catledge's own k_NN = 1.09 (not 1.02² = 1.04), two C–N bonds at 1.02 and
     * three C–C bonds at 1.
     */
    @Test
    public void heteroatomPairsUseVanCatledgesOwnResonanceParameter() throws Exception {
        double expected = 2 * 0.51 * 0.51 + 2 * (1.09 * 1.09 + 2 * 1.02 * 1.02 + 3);
        assertEquals(expected, sumOfSquares(run("c1ccnnc1").orbitalEnergies()), TOL);
        assertEquals(1.09, PiCentreType.resonance(PiCentreType.N_PYRIDINE, PiCentreType.N_PYRIDINE), 0);
        assertEquals(0.89, PiCentreType.resonance(PiCentreType.CARBON, PiCentreType.N_PYRROLE), 0);
        assertEquals(PiCentreType.resonance(PiCentreType.O_FURAN, PiCentreType.BORON),
                PiCentreType.resonance(PiCentreType.BORON, PiCentreType.O_FURAN), 0);
        // the cations have no X–Y entries: product rule
        assertEquals(1.02, PiCentreType.resonance(PiCentreType.N_PYRIDINIUM, PiCentreType.N_PYRIDINE), 1e-12);
    }

    private static double sumOfSquares(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }

    /**
     * Orbitals antisymmetric under the molecule's mirror plane have a node on the heteroatom, so they are those of
     * the carbon frame alone: pyridine keeps benzene's ε = ±1 pair, the five-membered heterocycles butadiene-like
     * a2 orbitals at ε = −0.618 and +1.618 whatever h and k are. With Van-Catledge's parameters these a2 orbitals
     * are the HOMOs; the LUMO of a five-membered ring is the lowest positive root of its symmetric (b1) 3×3 block.
     */
    @Test
    public void heteroFrontierOrbitalsMatchTheSymmetryReducedHamiltonian() throws Exception {
        HuckelResult pyridine = run("c1ccncc1");
        assertEquals(-1.0, pyridine.homo(), TOL);
        assertTrue(pyridine.lumo() < 1.0); // the b1 partner of benzene's LUMO is pulled down by N
        double golden = (Math.sqrt(5) - 1) / 2;
        String[][] rings = {{"c1cc[nH]c1", "1.37", "0.89"}, {"c1ccoc1", "2.09", "0.66"},
            {"c1ccsc1", "1.11", "0.69"}};
        for (String[] r : rings) {
            HuckelResult res = run(r[0]);
            assertEquals(r[0], -golden, res.homo(), TOL);
            double h = Double.parseDouble(r[1]);
            double k = Double.parseDouble(r[2]);
            // b1 block on (X, (C2+C5)/√2, (C3+C4)/√2), ε units: H = −h, −√2·k, 0 / ., 0, −1 / ., ., −1
            double[][] b1 = {{-h, -Math.sqrt(2) * k, 0}, {-Math.sqrt(2) * k, 0, -1}, {0, -1, -1}};
            double[] ev = new org.apache.commons.math3.linear.EigenDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(b1)).getRealEigenvalues();
            double lumo = Double.POSITIVE_INFINITY;
            for (double e : ev) {
                if (e > 0) {
                    lumo = Math.min(lumo, e);
                }
            }
            assertEquals(r[0], Math.min(lumo, 1 + golden), res.lumo(), 1e-9);
        }
    }

    @Test
    public void twoCoordinateBoronGivesOneElectronAndThreeCoordinateNone() throws Exception {
        HuckelResult borabenzene = run("B1=CC=CC=C1");
        assertEquals(6, borabenzene.piCentreCount());
        assertEquals(6, borabenzene.piElectronCount());
        assertFalse(borabenzene.isOpenShell());
        assertEquals(0.45, sum(borabenzene.orbitalEnergies()), TOL);
        HuckelResult diborine = run("B1=CC=BC=C1");
        assertEquals(6, diborine.piElectronCount());
        assertEquals(0.90, sum(diborine.orbitalEnergies()), TOL);
    }

    @Test
    public void unusableMoleculesFailWithReasons() {
        expectFailure("C", "no conjugated π system");
        expectFailure("C#Cc1ccccc1", "triple bond");
        expectFailure("c1ccccc1[S](=O)(=O)C", "S");
        expectFailure("c1cccc1", "invalid SMILES");
    }

    @Test
    public void fillRejectsEmptyAndFullSystems() {
        try {
            HuckelCalculator.fill(new double[] {-1, 1}, 4);
            fail("a full π system has no LUMO");
        } catch (HuckelException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no LUMO"));
        }
        try {
            HuckelCalculator.fill(new double[] {-1, 1}, 0);
            fail("an empty π system has no HOMO");
        } catch (HuckelException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no HOMO"));
        }
    }

    @Test
    public void propertiesAreNamedWithUnitsAndFollowTheCalibration() throws Exception {
        HuckelResult r = run("c1ccc2ccccc2c1");
        double[] v = HuckelProperties.values(r);
        assertEquals(HuckelProperties.NAMES.size(), v.length);
        assertEquals(r.gap(), v[0], TOL);
        assertEquals(r.homo(), v[1], TOL);
        assertEquals(r.lumo(), v[2], TOL);
        assertEquals(HuckelCalibration.GAP_INTERCEPT_EV + HuckelCalibration.GAP_SLOPE_EV * r.gap(), v[3], TOL);
        // naphthalene B3LYP gap is 4.78 eV (COMPAS-1D); the calibrated estimate should land within a few tenths
        assertEquals(4.78, v[3], 0.3);
        assertEquals("|beta|", HuckelProperties.unit("HMO_GAP_beta"));
        assertEquals("eV", HuckelProperties.unit("HMO_LUMO_eV"));
        assertEquals(null, HuckelProperties.unit("GAP_eV"));
    }

    private void expectFailure(String smiles, String fragment) {
        try {
            run(smiles);
            fail("expected failure for " + smiles);
        } catch (HuckelException e) {
            assertTrue(smiles + ": " + e.getMessage(), e.getMessage().contains(fragment));
        }
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }
}
