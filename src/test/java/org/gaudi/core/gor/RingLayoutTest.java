package org.gaudi.core.gor;

import static org.gaudi.core.gor.Lattice.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.RingLayout.Projection;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

public class RingLayoutTest {

    /** A helicene-like helix: fused rings 2.42 Å apart, 120° at every ring, a constant torsion per step. */
    static GraphOfRings helix(int n, double torsionDeg) {
        double[][] p = new double[n][];
        double[] pos = {0, 0, 0};
        double[] heading = {1, 0, 0};
        double[] up = {0, 0, 1};
        for (int k = 0; k < n; k++) {
            p[k] = pos.clone();
            pos = new double[] {pos[0] + Lattice.A * heading[0], pos[1] + Lattice.A * heading[1],
                pos[2] + Lattice.A * heading[2]};
            up = rotate(up, heading, Math.toRadians(torsionDeg));
            heading = rotate(heading, up, Math.toRadians(60));
        }
        return GraphOfRings.benzenoid(p);
    }

    /** Rodrigues rotation of v about a unit axis. */
    private static double[] rotate(double[] v, double[] axis, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] x = RingLayout.cross(axis, v);
        double d = RingLayout.dot(axis, v) * (1 - c);
        return new double[] {v[0] * c + x[0] * s + axis[0] * d, v[1] * c + x[1] * s + axis[1] * d,
            v[2] * c + x[2] * s + axis[2] * d};
    }

    private static String graph(IAtomContainer m) {
        StringBuilder sb = new StringBuilder();
        for (IAtom a : m.atoms()) {
            sb.append(a.getAtomicNumber()).append(',');
        }
        List<String> bonds = new ArrayList<>();
        for (IBond b : m.bonds()) {
            int u = m.indexOf(b.getBegin());
            int v = m.indexOf(b.getEnd());
            bonds.add(Math.min(u, v) + "-" + Math.max(u, v) + b.getOrder());
        }
        Collections.sort(bonds);
        return sb + bonds.toString();
    }

    private static void assertCongruent(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                assertEquals(Math.hypot(a[i][0] - a[j][0], a[i][1] - a[j][1]),
                        Math.hypot(b[i][0] - b[j][0], b[i][1] - b[j][1]), 1e-9);
                for (int k = j + 1; k < a.length; k++) { // same handedness: no mirror image
                    assertEquals(area(a[i], a[j], a[k]), area(b[i], b[j], b[k]), 1e-9);
                }
            }
        }
    }

    private static double area(double[] p, double[] q, double[] r) {
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    }

    @Test
    public void planarGorsGetTheInertiaLayoutUpToARigidMotion() throws Exception {
        List<GraphOfRings> gors = new ArrayList<>();
        gors.add(Lattice.cata(at(0, 0), at(1, 0), at(1, 1), at(2, 1), at(2, 2)));
        gors.add(Lattice.cata(at(0, 0), at(1, 0), at(-1, 1), at(0, -1), at(2, 0)));
        for (String s : new String[] {"c1ccc2sccc2c1", "c1ccc2nccnc2c1", "c1cc2ccc3cccnc3c2nc1"}) {
            gors.add(GorEncoder.encode(Layouts.planar(s)));
        }
        for (GraphOfRings g : gors) {
            boolean[][] adj = RingAdjacency.of(g);
            double[][] o = g.orientationNodes();
            double[][] inertia = RingLayout.layout(g.centroids(), o, adj, Projection.INERTIA);
            double[][] unfolded = RingLayout.layout(g.centroids(), o, adj, Projection.UNFOLDED);
            assertCongruent(inertia, unfolded);
            DecodedMolecule a = GorDecoder.decode(g, GorKind.of(g), Projection.INERTIA);
            DecodedMolecule b = GorDecoder.decode(g, GorKind.of(g), Projection.UNFOLDED);
            assertTrue(a.valid() && b.valid());
            assertEquals(graph(a.molecule()), graph(b.molecule()));
        }
    }

    @Test
    public void twistedHelicesDecodeFaithfullyOnlyWhenUnfolded() throws Exception {
        // [6]helicene with 35° torsion per ring: passes every geometric check, but GaUDI's inertia projection
        // foreshortens the helix and fuses a different isomer
        GraphOfRings hexa = helix(6, 35);
        assertTrue(GorStability.check(hexa).stable());
        String hexaInchi = MoleculeIdentity.ofSmiles("c1ccc2c(c1)ccc1ccc3ccc4ccc5ccccc5c4c3c12").inchi();
        DecodedMolecule reference = GorDecoder.decode(hexa, GorKind.CATA, Projection.INERTIA);
        assertTrue(reference.valid());
        assertNotEquals(hexaInchi, reference.inchi());
        assertEquals(hexaInchi, GorDecoder.decode(hexa, GorKind.CATA, Projection.UNFOLDED).inchi());
        // [8]helicene with 20° torsion: the inertia projection leaves charged atoms
        GraphOfRings octa = helix(8, 20);
        assertTrue(GorStability.check(octa).stable());
        assertEquals(InvalidReason.CHARGED_ATOMS, GorDecoder.decode(octa, GorKind.CATA, Projection.INERTIA).failure());
        DecodedMolecule unfolded = GorDecoder.decode(octa, GorKind.CATA, Projection.UNFOLDED);
        assertTrue(unfolded.toString(), unfolded.valid());
        String octaInchi = MoleculeIdentity.ofSmiles("c1ccc2c(c1)ccc1ccc3ccc4ccc5ccc6ccc7ccccc7c6c5c4c3c12").inchi();
        assertTrue(octaInchi, octaInchi.startsWith("InChI=1S/C34H20/"));
        assertEquals(octaInchi, unfolded.inchi());
    }
}
