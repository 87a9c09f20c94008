package org.gaudi.core.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;

/** Small hand-made cata-condensed benzenoid graphs of rings on the hexagonal lattice (fused rings 2.45 Å apart). */
final class TinyGors {
    private static final double D = 2.45;
    private static final double[] A1 = {D, 0, 0};
    private static final double[] A2 = {D / 2, D * Math.sqrt(3) / 2, 0};

    private TinyGors() {
    }

    /** A graph from lattice coordinates (i, j) -> i·a1 + j·a2, shifted by an offset. */
    static GraphOfRings lattice(int[][] cells, double[] offset) {
        double[][] c = new double[cells.length][3];
        for (int k = 0; k < cells.length; k++) {
            for (int a = 0; a < 3; a++) {
                c[k][a] = cells[k][0] * A1[a] + cells[k][1] * A2[a] + offset[a];
            }
        }
        return GraphOfRings.benzenoid(c);
    }

    /** Naphthalene, anthracene, phenanthrene, tetracene, chrysene, triphenylene-like cata shapes (2-5 rings). */
    static List<GraphOfRings> cataSet() {
        List<GraphOfRings> out = new ArrayList<>();
        double[] o = {1.0, -2.0, 0.5};
        out.add(lattice(new int[][] {{0, 0}, {1, 0}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {2, 0}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {1, 1}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {2, 0}, {3, 0}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {1, 1}, {2, 1}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {3, 1}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {0, 1}, {2, -1}}, o));
        out.add(lattice(new int[][] {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}, o));
        return out;
    }

    /** A small hetero graph (thiophene fused to benzene and pyridine) with orientation nodes. */
    static GraphOfRings hetero() {
        RingType[] t = {RingType.Bn, RingType.Th, RingType.Pd};
        double[][] c = {{0, 0, 0}, {2.3, 0.2, 0}, {-1.2, 2.1, 0}};
        double[][] o = {{0, 0, 0}, {3.4, 0.5, 0}, {-1.8, 3.3, 0}};
        return new GraphOfRings(t, c, o);
    }
}
