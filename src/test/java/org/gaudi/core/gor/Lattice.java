package org.gaudi.core.gor;

/** Benzenoid GORs on the hexagonal lattice (fused centroids √3 × 1.40 Å apart), from axial ring coordinates. */
final class Lattice {
    static final double A = Math.sqrt(3) * 1.40;

    private Lattice() {
    }

    static double[] point(int q, int r) {
        return new double[] {A * (q + r / 2.0), A * r * Math.sqrt(3) / 2, 0.0};
    }

    static GraphOfRings cata(int[]... axial) {
        double[][] c = new double[axial.length][];
        for (int i = 0; i < axial.length; i++) {
            c[i] = point(axial[i][0], axial[i][1]);
        }
        return GraphOfRings.benzenoid(c);
    }

    static int[] at(int q, int r) {
        return new int[] {q, r};
    }
}
