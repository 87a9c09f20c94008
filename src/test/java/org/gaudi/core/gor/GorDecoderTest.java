package org.gaudi.core.gor;

import static org.gaudi.core.gor.Lattice.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.util.Map;

import org.gaudi.core.chem.MoleculeIdentity;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

public class GorDecoderTest {
    private static final double D = Lattice.A;

    private static String inchi(String smiles) throws Exception {
        return MoleculeIdentity.ofSmiles(smiles).inchi();
    }

    private static void assertDecodesTo(String smiles, GraphOfRings g) throws Exception {
        DecodedMolecule d = GorDecoder.decode(g);
        assertTrue(smiles + ": " + d, d.valid());
        assertNull(d.failure());
        assertEquals("", d.failureMessage());
        assertEquals(smiles, inchi(smiles), d.inchi());
    }

    @Test
    public void latticeBenzenoidsDecodeToTheirMolecules() throws Exception {
        assertDecodesTo("c1ccccc1", Lattice.cata(at(0, 0)));
        assertDecodesTo("c1ccc2ccccc2c1", Lattice.cata(at(0, 0), at(1, 0)));
        assertDecodesTo("c1ccc2cc3ccccc3cc2c1", Lattice.cata(at(0, 0), at(1, 0), at(2, 0)));
        assertDecodesTo("c1ccc2c(c1)ccc1ccccc12", Lattice.cata(at(0, 0), at(1, 0), at(1, 1)));
        assertDecodesTo("c1ccc2cc3cc4ccccc4cc3cc2c1", Lattice.cata(at(0, 0), at(1, 0), at(2, 0), at(3, 0)));
        assertDecodesTo("c1ccc2c(c1)ccc1c3ccccc3ccc21", Lattice.cata(at(0, 0), at(1, 0), at(1, 1), at(2, 1)));
        assertDecodesTo("c1ccc2c(c1)c1ccccc1c1ccccc21", Lattice.cata(at(0, 0), at(1, 0), at(-1, 1), at(0, -1)));
        // the ring order does not matter
        assertDecodesTo("c1ccc2c(c1)ccc1ccccc12", Lattice.cata(at(1, 1), at(0, 0), at(1, 0)));
    }

    @Test
    public void encodeDecodeRoundTripsOfBenzenoidsAndHeteroSystems() throws Exception {
        String[] smiles = {"c1ccccc1", "c1ccc2ccccc2c1", "c1ccc2cc3ccccc3cc2c1", "c1ccc2c(c1)ccc1ccccc12",
            "c1ccsc1", "c1ccoc1", "c1cc[nH]c1", "c1ccncc1", "c1cnccn1", "B1C=CC=C1", "B1=CC=CC=C1", "C1=CC=C1",
            "c1ccc2sccc2c1", "c1ccc2occc2c1", "c1ccc2[nH]ccc2c1", "c1ccc2ncccc2c1", "c1ccc2nccnc2c1",
            "c1ccc2cc3sccc3cc2c1", "c1cc2ccc3cccnc3c2nc1", "c1csc2ccsc12"};
        for (String s : smiles) {
            GraphOfRings g = GorEncoder.encode(Layouts.planar(s));
            DecodedMolecule d = GorDecoder.decode(g);
            assertTrue(s + ": " + d, d.valid());
            assertEquals(s, inchi(s), d.inchi());
        }
    }

    @Test
    public void decodedGeometryIsSensible() throws Exception {
        DecodedMolecule d = GorDecoder.decode(Lattice.cata(at(0, 0), at(1, 0), at(1, 1)));
        IAtomContainer m = d.molecule();
        assertEquals(24, m.getAtomCount()); // C14H10 with explicit H
        int doubles = 0;
        for (IBond b : m.bonds()) {
            double len = b.getBegin().getPoint3d().distance(b.getEnd().getPoint3d());
            boolean ch = b.getBegin().getAtomicNumber() == 1 || b.getEnd().getAtomicNumber() == 1;
            if (ch) {
                assertEquals("C-H", 1.08, len, 0.01);
            } else {
                assertTrue("C-C " + len, len > 1.37 && len < 1.42);
            }
            doubles += b.getOrder() == IBond.Order.DOUBLE ? 1 : 0;
        }
        assertEquals(7, doubles);
        for (int i = 0; i < m.getAtomCount(); i++) {
            IAtom a = m.getAtom(i);
            assertEquals(0.0, a.getPoint3d().z, 0.0);
            assertEquals(0, (int) a.getFormalCharge());
            for (int j = i + 1; j < m.getAtomCount(); j++) {
                assertTrue("atoms " + i + " and " + j + " overlap",
                        a.getPoint3d().distance(m.getAtom(j).getPoint3d()) > 0.9);
            }
        }
        assertEquals("c1ccc2c(c1)ccc3ccccc32", d.smiles());
        assertEquals("YNPNZTXNASCQKK-UHFFFAOYSA-N", d.inchiKey());
    }

    @Test
    public void sdfRecordOfADecodedMolecule() throws Exception {
        DecodedMolecule d = GorDecoder.decode(Lattice.cata(at(0, 0), at(1, 0)));
        String sdf = d.toSdf("sample 1", Map.of("GAP_eV", 4.8));
        assertTrue(sdf.endsWith("$$$$\n"));
        try (IteratingSDFReader r = new IteratingSDFReader(new StringReader(sdf), SilentChemObjectBuilder.getInstance())) {
            IAtomContainer back = r.next();
            assertEquals(18, back.getAtomCount());
            assertEquals("4.8", back.getProperty("GAP_eV"));
            assertEquals("sample 1", back.getTitle());
            assertEquals(d.inchi(), MoleculeIdentity.of(back).inchi());
        }
    }

    // ---- each invalid reason from a constructed GOR ------------------------------------------------------

    private static void assertReason(InvalidReason expected, DecodedMolecule d, String fragment) {
        assertFalse(d.valid());
        assertEquals(d.failureMessage(), expected, d.failure());
        assertTrue(d.failureMessage(), d.failureMessage().contains(fragment));
    }

    @Test
    public void tooCloseRings() {
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {1.9, 0, 0}}));
        assertReason(InvalidReason.TOO_CLOSE, d, "1.900 Å");
        assertEquals(InvalidReason.ISOLATED_RING, d.chemicalFailure()); // 1.9 Å is no fused distance either
        assertNull(d.smiles());
    }

    @Test
    public void disconnectedRingsAndTheIsolatedBnBehindThem() {
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {5, 0, 0}}));
        assertReason(InvalidReason.DISCONNECTED, d, "[1]");
        assertEquals(InvalidReason.ISOLATED_RING, d.chemicalFailure());
        assertTrue(d.chemicalFailureMessage(), d.chemicalFailureMessage().contains("ring 0 (Bn)"));
        assertNull(d.molecule());
    }

    @Test
    public void badAngleStillDecodesChemically() throws Exception {
        double a = Math.toRadians(150);
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(
                new double[][] {{D, 0, 0}, {0, 0, 0}, {D * Math.cos(a), D * Math.sin(a), 0}}));
        assertReason(InvalidReason.BAD_ANGLE, d, "angle 150.00°");
        assertFalse(d.stable());
        // GaUDI's mol_valid is separate from mol_stable: the atoms still make a molecule
        assertTrue(d.chemicalFailureMessage(), d.chemicallyValid());
        assertNotNull(d.inchi());
    }

    @Test
    public void nonPlanarQuad() {
        double c = Math.cos(Math.toRadians(60));
        double s = Math.sin(Math.toRadians(60));
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(new double[][] {
            {-D * c, D * s, 0}, {0, 0, 0}, {D, 0, 0}, {D + D * c, 0, D * s}}));
        assertReason(InvalidReason.NON_PLANAR, d, "dihedral 90.00°");
    }

    @Test
    public void periCondensedPyreneFragmentsAsInTheReference() {
        // Pyrene's GOR has a ring triangle; the reference fusion overwrites the triple-shared atom's mapping.
        DecodedMolecule d = GorDecoder.decode(Lattice.cata(at(0, 0), at(1, 0), at(0, 1), at(1, -1)));
        assertReason(InvalidReason.BAD_ANGLE, d, "60.00°");
        assertEquals(InvalidReason.FRAGMENTED, d.chemicalFailure());
        assertNotNull(d.molecule());
    }

    private static double[] around(double[] c, double deg) {
        double a = Math.toRadians(deg);
        return new double[] {c[0] + 1.3 * Math.cos(a), c[1] + 1.3 * Math.sin(a), 0};
    }

    /** Two fused hetero rings at their window's mid distance, orientation nodes at the given directions. */
    private static GraphOfRings pair(RingType a, double degA, RingType b, double degB) {
        double[] w = RingGeometryTables.distanceWindow(GorKind.HETERO, a, b);
        double[][] c = {{0, 0, 0}, {(w[0] + w[1]) / 2, 0, 0}};
        double[][] o = {a == RingType.Bn ? c[0] : around(c[0], degA), b == RingType.Bn ? c[1] : around(c[1], degB)};
        return new GraphOfRings(new RingType[] {a, b}, c, o);
    }

    @Test
    public void benzofuranDependsOnWhereTheOxygenPoints() throws Exception {
        // O next to a fused carbon (template edge 0-1 faces the benzene ring): benzofuran
        DecodedMolecule ok = GorDecoder.decode(pair(RingType.Bn, 0, RingType.Fu, 72));
        assertTrue(ok.toString(), ok.valid());
        assertEquals(inchi("c1ccc2occc2c1"), ok.inchi());
        // O pointing straight away from the benzene ring: isobenzofuran
        DecodedMolecule iso = GorDecoder.decode(pair(RingType.Bn, 0, RingType.Fu, 0));
        assertTrue(iso.toString(), iso.valid());
        assertEquals(inchi("c1ccc2cocc2c1"), iso.inchi());
        // O on the fused bond: the merged atom takes the benzene ring's carbon, leaving no neutral structure
        DecodedMolecule bad = GorDecoder.decode(pair(RingType.Bn, 0, RingType.Fu, 120));
        assertTrue(bad.stable());
        assertReason(InvalidReason.NET_CHARGE, bad, "total charge -1");
        assertNotNull(bad.molecule());
    }

    @Test
    public void chargedAtomsAndOverValentAtoms() {
        DecodedMolecule charged = GorDecoder.decode(pair(RingType.Pl, 150, RingType.Pl, 0));
        assertTrue(charged.stable());
        assertReason(InvalidReason.CHARGED_ATOMS, charged, "(N) carries formal charge 1");
        DecodedMolecule overValent = GorDecoder.decode(pair(RingType.Bn, 0, RingType.Pl, 180));
        assertReason(InvalidReason.NO_ALLOWED_VALENCE, overValent, "has 5 neighbours");
    }

    @Test
    public void heteroRingWithoutOrientationNode() {
        DecodedMolecule d = GorDecoder.decode(new GraphOfRings(new RingType[] {RingType.Th},
                new double[][] {{0, 0, 0}}, null));
        assertEquals(GorKind.HETERO, d.kind());
        assertReason(InvalidReason.MISSING_ORIENTATION_NODE, d, "ring 0 (Th)");
    }

    @Test
    public void rawSamplerNodes() throws Exception {
        // benzothiophene as 2n hetero nodes: rings, then orientation nodes
        GraphOfRings g = pair(RingType.Bn, 0, RingType.Th, 72);
        double[][] x = new double[4][];
        for (int i = 0; i < 2; i++) {
            x[i] = g.centroid(i);
            x[2 + i] = g.orientationNodes()[i];
        }
        RingType o = RingType.ORIENTATION;
        DecodedMolecule ok = GorDecoder.decodeNodes(x, new RingType[] {RingType.Bn, RingType.Th, o, o},
                GorKind.HETERO);
        assertTrue(ok.toString(), ok.valid());
        assertEquals(inchi("c1ccc2sccc2c1"), ok.inchi());
        // a mistyped orientation node fails the geometric check only (the reference decoder ignores its type)
        DecodedMolecule mistyped = GorDecoder.decodeNodes(x,
                new RingType[] {RingType.Bn, RingType.Th, o, RingType.Fu}, GorKind.HETERO);
        assertReason(InvalidReason.ORIENTATION_NODES, mistyped, "orientation node of ring 1");
        assertTrue(mistyped.chemicallyValid());
        // a ring node typed '.' has no template
        DecodedMolecule dot = GorDecoder.decodeNodes(x, new RingType[] {o, RingType.Th, o, o}, GorKind.HETERO);
        assertReason(InvalidReason.ORIENTATION_NODES, dot, "ring node 0");
        assertEquals(InvalidReason.UNDECODABLE_RING_TYPE, dot.chemicalFailure());
        // NaN from a diverged sampler
        x[3] = new double[] {0, Double.NaN, 0};
        DecodedMolecule nan = GorDecoder.decodeNodes(x, new RingType[] {RingType.Bn, RingType.Th, o, o},
                GorKind.HETERO);
        assertReason(InvalidReason.NON_FINITE_COORDINATES, nan, "node 3");
        assertNull(nan.gor());
        assertNull(nan.stability());
        // cata nodes are all rings
        DecodedMolecule cata = GorDecoder.decodeNodes(Lattice.cata(at(0, 0), at(1, 0)).centroids(),
                new RingType[] {RingType.Bn, RingType.Bn}, GorKind.CATA);
        assertEquals(inchi("c1ccc2ccccc2c1"), cata.inchi());
        assertReason(InvalidReason.NO_RINGS, GorDecoder.decode(GraphOfRings.benzenoid(new double[0][])), "no ring");
    }

    @Test
    public void decodingIsFast() {
        // a 10-ring zig-zag chain (all Bn), decoded repeatedly after warm-up; identity strings not included
        int[][] rings = new int[10][];
        for (int i = 0; i < 10; i++) {
            rings[i] = at(i / 2 + i % 2, i / 2);
        }
        GraphOfRings g = Lattice.cata(rings);
        assertTrue(GorDecoder.decode(g).valid());
        for (int i = 0; i < 300; i++) {
            GorDecoder.decode(g);
        }
        int n = 300;
        // this thread's CPU time, not wall time: other processes on a shared machine cannot make it fail
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            assertTrue(GorDecoder.decode(g).valid());
        }
        double ms = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / n;
        System.out.printf("GorDecoderTest: 10-ring decode %.3f ms CPU%n", ms);
        // includes the 3-D relaxation (RingSystemConformer, ~1 ms CPU for 64 atoms); the bound only catches gross
        // regressions (an accidental O(n^3) step, a relaxation that no longer converges), the figure is printed
        assertTrue("decoding took " + ms + " ms CPU", ms < 15.0);
    }
}
