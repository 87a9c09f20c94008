package org.gaudi.core.pah;

import java.util.ArrayDeque;

/**
 * Ring-centroid coordinates of a cata-condensed benzenoid: the hexagonal lattice for planar isomers (z = 0),
 * a relaxed 3D structure for helicenes whose rings would overlap or touch on the lattice.
 */
final class BenzenoidGeometry {
    /**
     * Distance between fused ring centroids, Å: the mean over GaUDI's cata data (reference constant
     * {@code bn_bn_dist}: min 2.399, mean 2.445, max 2.481), in the middle of the Bn–Bn window (2.42, 2.48).
     */
    static final double FUSED_DISTANCE = 2.445;
    /** Initial rise per 60° of accumulated turning along the fusion tree (helix pitch ≈ 6 × this per turn). */
    private static final double[] RISE = {0.6, 0.35, 0.9};
    private static final int MAX_ITERATIONS = 5000;
    private static final double FORCE_TOLERANCE = 1e-3;

    private BenzenoidGeometry() {
    }

    /** Centroids (Å), centred at the origin, in the tree's ring order. */
    static double[][] centroids(HexTree t) {
        double[][] lattice = t.latticeCentroids(FUSED_DISTANCE);
        if (t.isPlanar()) {
            return centred(lattice);
        }
        CentroidForceField ff = new CentroidForceField(t, FUSED_DISTANCE);
        int[][] fused = t.fusedPairs();
        double[][] first = null;
        for (int attempt = 0; attempt < 2 * RISE.length; attempt++) {
            double rise = RISE[attempt / 2] * (attempt % 2 == 0 ? 1 : -1);
            double[] z = turningHeights(t, rise, attempt % 2 == 0);
            double[] x = new double[3 * t.size()];
            for (int i = 0; i < t.size(); i++) {
                x[3 * i] = lattice[i][0];
                x[3 * i + 1] = lattice[i][1];
                x[3 * i + 2] = z[i];
            }
            ff.minimise(x, MAX_ITERATIONS, FORCE_TOLERANCE);
            double[][] c = centred(unflatten(x));
            if (CataGeometryCheck.check(c, fused) == null) {
                return c;
            }
            if (first == null) {
                first = c;
            }
        }
        return first;
    }

    /**
     * Heights from accumulated turning: walking the fusion tree from a leaf, each angular annulation turns the
     * path by ±60°; a ring's height is {@code rise} times the accumulated turn count. Rings that come back over
     * one another after a full turn thus start on different levels, in the helix's own sense.
     */
    static double[] turningHeights(HexTree t, double rise, boolean firstLeaf) {
        int n = t.size();
        int root = -1;
        for (int i = 0; i < n; i++) {
            if (t.degree(i) <= 1) {
                root = i;
                if (firstLeaf) {
                    break;
                }
            }
        }
        int[] heading = new int[n];
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[root] = true;
        queue.add(root);
        int[] inDir = new int[n];
        inDir[root] = -1;
        while (!queue.isEmpty()) {
            int b = queue.poll();
            for (int d = 0; d < 6; d++) {
                int c = t.neighbour(b, d);
                if (c < 0 || seen[c]) {
                    continue;
                }
                seen[c] = true;
                if (inDir[b] < 0) {
                    heading[c] = 0;
                } else {
                    int turn = HexTree.mod6(d - inDir[b]);
                    heading[c] = heading[b] + (turn == 1 ? 1 : turn == 5 ? -1 : 0);
                }
                inDir[c] = d;
                queue.add(c);
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rise * heading[i];
        }
        return z;
    }

    private static double[][] unflatten(double[] x) {
        double[][] c = new double[x.length / 3][3];
        for (int i = 0; i < c.length; i++) {
            c[i][0] = x[3 * i];
            c[i][1] = x[3 * i + 1];
            c[i][2] = x[3 * i + 2];
        }
        return c;
    }

    static double[][] centred(double[][] c) {
        double[] mean = new double[3];
        for (double[] p : c) {
            for (int k = 0; k < 3; k++) {
                mean[k] += p[k] / c.length;
            }
        }
        double[][] out = new double[c.length][3];
        for (int i = 0; i < c.length; i++) {
            for (int k = 0; k < 3; k++) {
                out[i][k] = c[i][k] - mean[k];
                if (out[i][k] == 0) {
                    out[i][k] = 0; // no negative zero
                }
            }
        }
        return out;
    }
}
