package org.gaudi.core.gor;

import static org.gaudi.core.gor.Lattice.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class GorStabilityTest {
    private static final double D = Lattice.A;

    private static double[] polar(double[] from, double deg, double len) {
        double a = Math.toRadians(deg);
        return new double[] {from[0] + len * Math.cos(a), from[1] + len * Math.sin(a), from[2]};
    }

    @Test
    public void latticeBenzenoidsAreStable() {
        GraphOfRings[] ok = {
            Lattice.cata(at(0, 0)),
            Lattice.cata(at(0, 0), at(1, 0)),
            Lattice.cata(at(0, 0), at(1, 0), at(2, 0)), // anthracene
            Lattice.cata(at(0, 0), at(1, 0), at(1, 1)), // phenanthrene
            Lattice.cata(at(0, 0), at(1, 0), at(-1, 1), at(0, -1)), // triphenylene
            Lattice.cata(at(0, 0), at(1, 0), at(1, 1), at(2, 1)), // chrysene
        };
        for (GraphOfRings g : ok) {
            StabilityReport r = GorStability.check(g);
            assertTrue(r.toString(), r.stable());
            assertNull(r.firstFailure());
            for (GeometryCheck c : GeometryCheck.values()) {
                assertTrue(r.passed(c));
            }
        }
    }

    @Test
    public void adjacencyWindowIsStrictAndWidenedByTenPercent() {
        assertFalse(RingGeometryTables.fused(GorKind.CATA, RingType.Bn, RingType.Bn, 2.1779));
        assertTrue(RingGeometryTables.fused(GorKind.CATA, RingType.Bn, RingType.Bn, 2.1781));
        assertTrue(RingGeometryTables.fused(GorKind.CATA, RingType.Bn, RingType.Bn, 2.7279));
        assertFalse(RingGeometryTables.fused(GorKind.CATA, RingType.Bn, RingType.Bn, 2.7281));
        // hetero table is symmetric and has no DhDb entry
        assertEquals(2.22, RingGeometryTables.distanceWindow(GorKind.HETERO, RingType.Bn, RingType.Th)[0], 0);
        assertEquals(2.22, RingGeometryTables.distanceWindow(GorKind.HETERO, RingType.Th, RingType.Bn)[0], 0);
        assertNull(RingGeometryTables.distanceWindow(GorKind.HETERO, RingType.DhDb, RingType.Bn));
        assertNull(RingGeometryTables.distanceWindow(GorKind.CATA, RingType.Th, RingType.Bn));
        int pairs = 0;
        RingType[] t = RingType.values();
        for (int i = 0; i < t.length; i++) {
            for (int j = i; j < t.length; j++) {
                pairs += RingGeometryTables.distanceWindow(GorKind.HETERO, t[i], t[j]) != null ? 1 : 0;
            }
        }
        assertEquals(55, pairs);
        assertEquals(2.178, RingGeometryTables.minimumDistance(GorKind.CATA), 1e-12);
        assertEquals(1.125, RingGeometryTables.minimumDistance(GorKind.HETERO), 1e-12);
    }

    @Test
    public void tripletsAreAllTwoPathsForTreesAndFollowTheReferenceOrder() {
        // branched cata GOR: triphenylene with one arm extended (degrees 3,2,1,1,1)
        GraphOfRings g = Lattice.cata(at(0, 0), at(1, 0), at(-1, 1), at(0, -1), at(2, 0));
        boolean[][] adj = RingAdjacency.of(g);
        List<int[]> t = GorStability.triplets(GorStability.neighbourLists(adj));
        assertEquals(3 + 1, t.size()); // C(3,2) + C(2,2)
        // BFS from ring 0: tree edge (0,1) adds (1,0,w) for w in {2,3} and (0,1,4); ends sorted
        assertEquals("[1, 0, 2]", java.util.Arrays.toString(t.get(0)));
        assertEquals("[1, 0, 3]", java.util.Arrays.toString(t.get(1)));
        assertEquals("[0, 1, 4]", java.util.Arrays.toString(t.get(2)));
        assertEquals("[2, 0, 3]", java.util.Arrays.toString(t.get(3)));
        // peri triangle: every ring is a centre once
        GraphOfRings tri = Lattice.cata(at(0, 0), at(1, 0), at(0, 1));
        assertEquals(3, GorStability.triplets(GorStability.neighbourLists(RingAdjacency.of(tri))).size());
    }

    @Test
    public void ringsTooClose() {
        GraphOfRings g = GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {2.0, 0, 0}});
        StabilityReport r = GorStability.check(g);
        assertEquals(GeometryCheck.DIST_STABLE, r.firstFailure());
        assertTrue(r.passed(GeometryCheck.ORIENTATION_NODES));
        assertFalse(r.passed(GeometryCheck.CONNECTED));
        assertFalse(r.passed(GeometryCheck.ANGLES4));
        assertTrue(r.message(), r.message().contains("rings 0 and 1 are 2.000 Å apart"));
    }

    @Test
    public void disconnectedRings() {
        GraphOfRings g = GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {D, 0, 0}, {6, 6, 0}});
        StabilityReport r = GorStability.check(g);
        assertEquals(GeometryCheck.CONNECTED, r.firstFailure());
        assertTrue(r.passed(GeometryCheck.DIST_STABLE));
        assertTrue(r.message(), r.message().contains("[2]"));
    }

    @Test
    public void angleBetweenTheWindows() {
        double[] centre = {0, 0, 0};
        GraphOfRings g = GraphOfRings.benzenoid(
                new double[][] {polar(centre, 0, D), centre, polar(centre, 150, D)});
        StabilityReport r = GorStability.check(g);
        assertEquals(GeometryCheck.ANGLES3, r.firstFailure());
        assertTrue(r.passed(GeometryCheck.CONNECTED));
        assertTrue("ANGLES4 is still evaluated", r.passed(GeometryCheck.ANGLES4));
        assertTrue(r.message(), r.message().startsWith("angle 150.00° at ring 1 (Bn) between rings 0 and 2"));
        // a nearly straight triplet is in the 180° window
        GraphOfRings straight = GraphOfRings.benzenoid(
                new double[][] {polar(centre, 0, D), centre, polar(centre, 175, D)});
        assertTrue(GorStability.check(straight).stable());
    }

    @Test
    public void twistedQuadIsNotPlanar() {
        double[] p1 = {0, 0, 0};
        double[] p2 = {D, 0, 0};
        double[] p0 = polar(p1, 120, D);
        double c = Math.cos(Math.toRadians(60));
        double s = Math.sin(Math.toRadians(60));
        double[] twisted = {D + D * c, 0, D * s}; // 120° at ring 2, out of the plane of rings 0-1-2
        StabilityReport r = GorStability.check(GraphOfRings.benzenoid(new double[][] {p0, p1, p2, twisted}));
        assertEquals(GeometryCheck.ANGLES4, r.firstFailure());
        assertTrue(r.passed(GeometryCheck.ANGLES3));
        assertTrue(r.message(), r.message().startsWith("dihedral 90.00° over rings 0-1-2-3"));
        double[] flat = {D + D * c, -D * s, 0};
        assertTrue(GorStability.check(GraphOfRings.benzenoid(new double[][] {p0, p1, p2, flat})).stable());
        // hetero GORs skip the dihedral check
        GraphOfRings hetero = new GraphOfRings(new RingType[] {RingType.Bn, RingType.Bn, RingType.Bn, RingType.Bn},
                new double[][] {p0, p1, p2, twisted}, new double[][] {p0, p1, p2, twisted});
        assertTrue(GorStability.check(hetero).passed(GeometryCheck.ANGLES4));
    }

    @Test
    public void orientationNodeTypesAreCheckedOnRawNodes() {
        double[][] x = {{0, 0, 0}, {2.16, 0, 0}, {0, 0, 0}, {3.2, 0.5, 0}};
        RingType o = RingType.ORIENTATION;
        assertTrue(GorStability.checkNodes(x, new RingType[] {RingType.Bn, RingType.Th, o, o}, GorKind.HETERO)
                .passed(GeometryCheck.ORIENTATION_NODES));
        StabilityReport bad = GorStability.checkNodes(x, new RingType[] {RingType.Bn, RingType.Th, o, RingType.Bn},
                GorKind.HETERO);
        assertEquals(GeometryCheck.ORIENTATION_NODES, bad.firstFailure());
        assertTrue(bad.message(), bad.message().contains("orientation node of ring 1"));
        StabilityReport ringDot = GorStability.checkNodes(x, new RingType[] {o, RingType.Th, o, o}, GorKind.HETERO);
        assertEquals(GeometryCheck.ORIENTATION_NODES, ringDot.firstFailure());
        assertFalse(ringDot.passed(GeometryCheck.ORIENTATION_NODES));
    }
}
