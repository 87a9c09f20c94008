package org.gaudi.core.pah;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.junit.Test;

public class BenzenoidGeometryTest {
    private static final double D = BenzenoidGeometry.FUSED_DISTANCE;

    /** GaUDI's cata checks (§4.1–4.2) pass for every isomer up to 10 rings: 7,647 planar and 1,362 relaxed. */
    @Test
    public void everyIsomerUpTo10RingsPassesGaudiGeometryChecks() {
        long t0 = System.nanoTime();
        int relaxed = 0;
        int total = 0;
        for (int h = 1; h <= 10; h++) {
            for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(h)) {
                GraphOfRings g = b.gor();
                assertEquals(h, g.ringCount());
                assertTrue(g.isBenzenoid());
                double[][] x = g.centroids();
                String failure = CataGeometryCheck.check(x, b.fusedPairs());
                assertNull(b.id() + ": " + failure, failure);
                assertCentred(x);
                if (!b.planar()) {
                    relaxed++;
                }
                total++;
            }
        }
        assertEquals(9009, total);
        assertEquals(1362, relaxed);
        System.out.printf("geometry of 9009 isomers (1362 relaxed) in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    @Test
    public void seededSampleOf11RingHelicenesPassesChecks() {
        List<CataBenzenoid> nonPlanar = new ArrayList<>();
        for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(11)) {
            if (!b.planar()) {
                nonPlanar.add(b);
            }
        }
        assertEquals(27034 - 21115, nonPlanar.size());
        Random rnd = new Random(11);
        for (int i = 0; i < 150; i++) {
            CataBenzenoid b = nonPlanar.get(rnd.nextInt(nonPlanar.size()));
            String failure = CataGeometryCheck.check(b.gor().centroids(), b.fusedPairs());
            assertNull(b.id() + ": " + failure, failure);
        }
    }

    @Test
    public void planarIsomersSitExactlyOnTheLattice() {
        for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(7)) {
            if (!b.planar()) {
                continue;
            }
            double[][] x = b.gor().centroids();
            HexTree t = b.tree();
            for (int i = 0; i < x.length; i++) {
                assertEquals(0.0, x[i][2], 0.0);
                for (int j = i + 1; j < x.length; j++) {
                    double d = CataGeometryCheck.dist(x[i], x[j]);
                    if (t.fused(i, j)) {
                        assertEquals(D, d, 1e-12);
                    } else {
                        assertTrue(d >= Math.sqrt(3) * D - 1e-9);
                    }
                }
            }
        }
        // anthracene: linear, 180°; phenanthrene: angular, 120°
        double[][] a = CataBenzenoid.fromId("3:(0)3").gor().centroids();
        assertEquals(180.0, CataGeometryCheck.angle(a[1], a[0], a[2]), 1e-9);
        assertEquals(2 * D, CataGeometryCheck.dist(a[1], a[2]), 1e-12);
        double[][] p = CataBenzenoid.fromId("3:(0)2").gor().centroids();
        assertEquals(120.0, CataGeometryCheck.angle(p[1], p[0], p[2]), 1e-9);
    }

    @Test
    public void hexaheliceneIsLiftedIntoAHelix() {
        CataBenzenoid h6 = CataBenzenoid.of(AnnulationCodeTest.helicene(6));
        assertTrue(!h6.planar());
        double[][] x = h6.gor().centroids();
        HexTree t = h6.tree();
        double zMin = Double.MAX_VALUE;
        double zMax = -Double.MAX_VALUE;
        int ends = 0;
        for (int i = 0; i < x.length; i++) {
            zMin = Math.min(zMin, x[i][2]);
            zMax = Math.max(zMax, x[i][2]);
            if (t.degree(i) == 1) {
                ends++;
            }
        }
        assertEquals(2, ends);
        assertTrue("helix height " + (zMax - zMin), zMax - zMin > 1.5);
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double d = CataGeometryCheck.dist(x[i], x[j]);
                if (t.fused(i, j)) {
                    assertEquals(D, d, 0.03);
                } else {
                    assertTrue(d > 3.2);
                }
            }
        }
    }

    @Test
    public void geometryIsDeterministic() {
        List<String> ids = new ArrayList<>();
        ids.add(CataBenzenoid.of(AnnulationCodeTest.helicene(7)).id());
        for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(8)) {
            if (!b.planar() && ids.size() < 4) {
                ids.add(b.id());
            }
        }
        for (String id : ids) {
            double[][] first = CataBenzenoid.fromId(id).gor().centroids();
            double[][] second = CataBenzenoid.fromId(id).gor().centroids();
            assertTrue(id, java.util.Arrays.deepEquals(first, second));
        }
    }

    @Test
    public void forceFieldGradientMatchesFiniteDifferences() {
        HexTree t = AnnulationCodeTest.helicene(8);
        CentroidForceField ff = new CentroidForceField(t, D);
        double[][] lattice = t.latticeCentroids(D);
        Random rnd = new Random(3);
        double[] x = new double[3 * t.size()];
        for (int i = 0; i < t.size(); i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = (k < 2 ? lattice[i][k] : 0.4 * i) + 0.2 * rnd.nextGaussian();
            }
        }
        double[] g = new double[x.length];
        ff.energy(x, g);
        double h = 1e-6;
        for (int k = 0; k < x.length; k++) {
            double keep = x[k];
            x[k] = keep + h;
            double ep = ff.energy(x, null);
            x[k] = keep - h;
            double em = ff.energy(x, null);
            x[k] = keep;
            assertEquals("d/dx" + k, (ep - em) / (2 * h), g[k], 1e-4 * Math.max(1, Math.abs(g[k])));
        }
    }

    @Test
    public void checkerRejectsBadGeometries() {
        int[][] naphBond = {{0, 1}};
        assertNull(CataGeometryCheck.check(new double[][] {{0, 0, 0}, {2.45, 0, 0}}, naphBond));
        assertNotNull(CataGeometryCheck.check(new double[][] {{0, 0, 0}, {2.1, 0, 0}}, naphBond)); // too close
        assertNotNull(CataGeometryCheck.check(new double[][] {{0, 0, 0}, {2.8, 0, 0}}, naphBond)); // not bonded
        // [6]helicene flat on the lattice: first and last ring touch, an extra "bond"
        HexTree h6 = AnnulationCodeTest.helicene(6);
        String msg = CataGeometryCheck.check(h6.latticeCentroids(D), h6.fusedPairs());
        assertNotNull(msg);
        assertTrue(msg, msg.contains("not fused"));
        // phenanthrene bent to 150°: outside both angle windows
        double r = Math.toRadians(150);
        double[][] bent = {{0, 0, 0}, {D, 0, 0}, {D * Math.cos(r), D * Math.sin(r), 0}};
        assertNotNull(CataGeometryCheck.check(bent, new int[][] {{0, 1}, {0, 2}}));
        // chrysene-like zigzag twisted to a 90° dihedral
        double[][] twisted = {{-D * 0.5, D * 0.866, 0}, {0, 0, 0}, {D, 0, 0}, {D * 1.5, 0, D * 0.866}};
        msg = CataGeometryCheck.check(twisted, new int[][] {{0, 1}, {1, 2}, {2, 3}});
        assertNotNull(msg);
        assertTrue(msg, msg.startsWith("dihedral"));
        assertEquals(90.0, Math.abs(CataGeometryCheck.dihedral(twisted[0], twisted[1], twisted[2], twisted[3])), 0.1);
    }

    @Test
    public void gorCarriesBenzeneTypes() {
        GraphOfRings g = CataBenzenoid.fromId("4:(0)(2)4").gor();
        assertArrayEquals(new RingType[] {RingType.Bn, RingType.Bn, RingType.Bn, RingType.Bn}, g.types());
        assertTrue(!g.hasOrientationNodes());
    }

    private static void assertCentred(double[][] x) {
        double[] mean = new double[3];
        for (double[] p : x) {
            for (int k = 0; k < 3; k++) {
                mean[k] += p[k] / x.length;
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0.0, mean[k], 1e-9);
        }
    }
}
