package org.gaudi.core.data;

import java.util.ArrayList;
import java.util.List;

import javax.vecmath.Point2d;
import javax.vecmath.Point3d;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Small, independent geometry strategies for the reader tests, so that reader behaviour is tested apart from the
 * production encoder/embedder (which have their own tests). Benzenoid rings only: ring node = mean of the ring's
 * atom coordinates.
 */
final class TestGeometry {
    static final double CC = 1.40;

    private TestGeometry() {
    }

    /** Ring centroids from 3D coordinates; bonds perceived by distance (≤ 1.3 × 2 × 0.76 Å) when absent. */
    static GraphOfRings fromCoordinates(IAtomContainer mol) throws GorEncodingException {
        IAtomContainer heavy = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (IAtom a : mol.atoms()) {
            if (!"H".equals(a.getSymbol())) {
                heavy.addAtom(a);
            }
        }
        for (int i = 0; i < heavy.getAtomCount(); i++) {
            for (int j = i + 1; j < heavy.getAtomCount(); j++) {
                double d = heavy.getAtom(i).getPoint3d().distance(heavy.getAtom(j).getPoint3d());
                if (d < 0.5) {
                    throw new GorEncodingException(GorEncodingException.Reason.BAD_GEOMETRY, "atoms " + (i + 1)
                            + " and " + (j + 1) + " overlap");
                }
                if (d <= 1.3 * 2 * 0.76) {
                    heavy.addBond(i, j, IBond.Order.SINGLE);
                }
            }
        }
        return centroids(heavy, true);
    }

    /** Ring centroids of a CDK 2D layout scaled to 1.40 Å bonds, in the z = 0 plane. */
    static GraphOfRings fromGraph(IAtomContainer mol) throws GorEncodingException {
        for (int[] ring : Cycles.sssr(mol).paths()) {
            for (int i = 0; i + 1 < ring.length; i++) {
                if (ring.length != 7 || !"C".equals(mol.getAtom(ring[i]).getSymbol())) {
                    throw new GorEncodingException(GorEncodingException.Reason.NO_GEOMETRY, "not a benzenoid");
                }
            }
        }
        IAtomContainer copy;
        try {
            copy = mol.clone();
            new StructureDiagramGenerator().generateCoordinates(copy);
        } catch (Exception e) {
            throw new GorEncodingException(GorEncodingException.Reason.NO_GEOMETRY, "no 2D layout: " + e);
        }
        double scale = CC / 1.5; // SDG lays bonds out at 1.5
        for (IAtom a : copy.atoms()) {
            Point2d p = a.getPoint2d();
            a.setPoint3d(new Point3d(p.x * scale, p.y * scale, 0));
        }
        return centroids(copy, false);
    }

    private static GraphOfRings centroids(IAtomContainer mol, boolean from3d) throws GorEncodingException {
        int[][] rings = Cycles.sssr(mol).paths();
        if (rings.length == 0) {
            throw new GorEncodingException(GorEncodingException.Reason.NO_RINGS, "no rings");
        }
        List<double[]> c = new ArrayList<>();
        for (int[] ring : rings) {
            if (ring.length != 7) {
                throw new GorEncodingException(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY,
                        "test geometry handles hexagons only");
            }
            double[] m = new double[3];
            for (int i = 0; i < 6; i++) {
                Point3d p = mol.getAtom(ring[i]).getPoint3d();
                m[0] += p.x / 6;
                m[1] += p.y / 6;
                m[2] += p.z / 6;
            }
            c.add(m);
        }
        return GraphOfRings.benzenoid(c.toArray(new double[0][]));
    }

    /** Heavy-atom xyz text of a SMILES laid out by CDK (1.40 Å bonds), shifted by {@code dx} Å along x. */
    static String xyzOf(String smiles, double dx) throws Exception {
        IAtomContainer mol = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        new StructureDiagramGenerator().generateCoordinates(mol);
        StringBuilder sb = new StringBuilder();
        sb.append(mol.getAtomCount()).append('\n').append(smiles).append('\n');
        double scale = CC / 1.5;
        for (IAtom a : mol.atoms()) {
            sb.append(String.format(java.util.Locale.ROOT, "%s %.5f %.5f %.5f%n", a.getSymbol(),
                    a.getPoint2d().x * scale + dx, a.getPoint2d().y * scale, 0.0));
        }
        return sb.toString();
    }
}
