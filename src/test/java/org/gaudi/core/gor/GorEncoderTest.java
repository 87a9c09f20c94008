package org.gaudi.core.gor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import javax.vecmath.Point3d;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.chem.XyzParser;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

public class GorEncoderTest {

    private static double[] point(IAtom a) {
        Point3d p = a.getPoint3d();
        return new double[] {p.x, p.y, p.z};
    }

    private static int ringOfType(GraphOfRings g, RingType t) {
        for (int i = 0; i < g.ringCount(); i++) {
            if (g.type(i) == t) {
                return i;
            }
        }
        throw new AssertionError("no ring of type " + t);
    }

    private static IAtom firstOf(IAtomContainer m, String symbol) {
        for (IAtom a : m.atoms()) {
            if (a.getSymbol().equals(symbol)) {
                return a;
            }
        }
        throw new AssertionError("no " + symbol);
    }

    @Test
    public void benzenoidsGetBnRingsAtLatticeDistanceWithoutOrientationNodes() throws Exception {
        GraphOfRings g = GorEncoder.encode(Layouts.planar("c1ccc2cc3ccccc3cc2c1"));
        assertEquals(3, g.ringCount());
        assertTrue(g.isBenzenoid());
        assertFalse(g.hasOrientationNodes());
        assertEquals(GorKind.CATA, GorKind.of(g));
        int fused = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (g.distance(i, j) < 3) {
                    fused++;
                    assertEquals(Math.sqrt(3) * 1.40, g.distance(i, j), 0.02);
                }
            }
        }
        assertEquals(2, fused);
        GraphOfRings hetero = GorEncoder.encode(Layouts.planar("c1ccc2ccccc2c1"), GorKind.HETERO, null);
        assertTrue(hetero.hasOrientationNodes());
        assertArrayEquals(hetero.centroid(0), hetero.orientationNodes()[0], 0.0);
    }

    @Test
    public void centroidIsTheMeanOfTheRingAtomsOfAnXyzWithHydrogens() throws Exception {
        // xyz input: no bonds, explicit H; bonds come from covalent radii and H is left out of the rings
        IAtomContainer m = XyzParser.parse(org.gaudi.core.chem.XyzParserTest.benzeneXyz(1.5), "benzene.xyz");
        GraphOfRings g = GorEncoder.encode(m);
        assertEquals(1, g.ringCount());
        assertArrayEquals(new double[] {0, 0, 1.5}, g.centroid(0), 1e-6);
        assertEquals(0, m.getBondCount()); // input not modified
    }

    @Test
    public void heteroRingsGetTheirTypesAndHeteroatomOrientationNodes() throws Exception {
        String[][] cases = {
            {"c1ccc2sccc2c1", "Th", "S"}, {"c1ccc2occc2c1", "Fu", "O"}, {"c1ccc2[nH]ccc2c1", "Pl", "N"},
            {"c1ccc2ncccc2c1", "Pd", "N"}, {"B1C=Cc2ccccc12", "Bl", "B"}};
        for (String[] c : cases) {
            IAtomContainer m = Layouts.planar(c[0]);
            GraphOfRings g = GorEncoder.encode(m);
            assertEquals(c[0], 2, g.ringCount());
            assertEquals(GorKind.HETERO, GorKind.of(g));
            int h = ringOfType(g, RingType.valueOf(c[1]));
            int b = ringOfType(g, RingType.Bn);
            assertArrayEquals(c[0], point(firstOf(m, c[2])), g.orientationNodes()[h], 1e-12);
            assertArrayEquals(c[0], g.centroid(b), g.orientationNodes()[b], 0.0);
        }
        assertEquals(RingType.Th, GorEncoder.encode(Layouts.planar("c1ccsc1")).type(0));
        assertEquals(RingType.Cbd, GorEncoder.encode(Layouts.planar("C1=CC=C1")).type(0));
        assertEquals(RingType.Bz, GorEncoder.encode(Layouts.planar("B1=CC=CC=C1")).type(0));
    }

    @Test
    public void twoCandidateOrientationIsDeterministicUnlessRandomIsGiven() throws Exception {
        IAtomContainer m = Layouts.planar("c1ccc2nccnc2c1"); // quinoxaline: Pz with two N
        GraphOfRings g = GorEncoder.encode(m);
        int pz = ringOfType(g, RingType.Pz);
        int firstN = m.indexOf(firstOf(m, "N"));
        assertArrayEquals(point(m.getAtom(firstN)), g.orientationNodes()[pz], 0.0);
        assertEquals(g, GorEncoder.encode(m));
        Set<String> seen = new HashSet<>();
        Random rnd = new Random(3);
        for (int k = 0; k < 40; k++) {
            seen.add(java.util.Arrays.toString(GorEncoder.encode(m, rnd).orientationNodes()[pz]));
        }
        assertEquals(2, seen.size());
    }

    @Test
    public void diborineIsAlwaysTypedDbAsInTheReference() throws Exception {
        // 1,4-dihydro-1,4-diborine fused to benzene, H on both B: still Db (the H-free graph never shows B-H)
        IAtomContainer m = Layouts.planar("B1C=CBc2ccccc12");
        GraphOfRings g = GorEncoder.encode(m);
        assertEquals(RingType.Db, g.type(ringOfType(g, RingType.Db)));
        for (RingType t : g.types()) {
            assertTrue(t != RingType.DhDb);
        }
    }

    private static void expect(GorEncodingException.Reason reason, String fragment, IAtomContainer m,
            GorKind kind) {
        try {
            GorEncoder.encode(m, kind, null);
            fail("expected " + reason);
        } catch (GorEncodingException e) {
            assertEquals(e.getMessage(), reason, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains(fragment));
        }
    }

    @Test
    public void rejectsWhatAGraphOfRingsCannotRepresent() throws Exception {
        expect(GorEncodingException.Reason.NO_RINGS, "no ring", Layouts.planar("CCCCCC"), null);
        expect(GorEncodingException.Reason.UNKNOWN_RING_TYPE, "CCCCCO", Layouts.planar("C1CCOCC1"), null);
        expect(GorEncodingException.Reason.UNKNOWN_RING_TYPE, "CCCCCCC", Layouts.planar("C1=CC=CC=CC1"), null);
        expect(GorEncodingException.Reason.UNKNOWN_RING_TYPE, "only Bn", Layouts.planar("c1ccc2sccc2c1"),
                GorKind.CATA);
        expect(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY, "not in a ring", Layouts.planar("Cc1ccccc1"),
                null);
        expect(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY, "2 separate ring systems",
                Layouts.planar("c1ccc(cc1)-c1ccccc1"), null);
        expect(GorEncodingException.Reason.NO_GEOMETRY, "no atom coordinates",
                MoleculeIdentity.parseSmiles("c1ccccc1"), null);
        IAtomContainer nan = Layouts.planar("c1ccccc1");
        nan.getAtom(2).setPoint3d(new Point3d(0, Double.NaN, 0));
        expect(GorEncodingException.Reason.BAD_GEOMETRY, "atom 2", nan, null);
        IAtomContainer partial = Layouts.planar("c1ccccc1");
        partial.getAtom(4).setPoint3d(null);
        expect(GorEncodingException.Reason.BAD_GEOMETRY, "atom 4", partial, null);
    }

    @Test
    public void twoDimensionalCoordinatesAreReadInThePlane() throws Exception {
        IAtomContainer m = Layouts.planar("c1ccccc1");
        for (IAtom a : m.atoms()) {
            Point3d p = a.getPoint3d();
            a.setPoint2d(new javax.vecmath.Point2d(p.x, p.y));
            a.setPoint3d(null);
        }
        GraphOfRings g = GorEncoder.encode(m);
        assertEquals(0.0, g.centroid(0)[2], 0.0);
        assertNull(g.orientationNodes());
    }
}
