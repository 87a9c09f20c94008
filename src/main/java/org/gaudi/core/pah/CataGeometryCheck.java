package org.gaudi.core.pah;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GaUDI's geometric "stability" checks for cata (all-benzene) graphs of rings (spec §4.1–4.2, tol = 0.1), used
 * to verify and choose relaxed helicene geometries. Package-private: the production checks live in the gor
 * package; this copy keeps the embedding self-verifying.
 */
final class CataGeometryCheck {
    /** Bn–Bn window (2.42, 2.48) Å widened by 10 %. */
    static final double MIN_DIST = 2.42 * 0.9;
    static final double MAX_DIST = 2.48 * 1.1;
    /** Angle windows at a ring (0.1 %/99.9 % quantiles widened by 10 %), degrees. */
    static final double[][] ANGLE_WINDOWS = {
        {105.772 * 0.9, 133.193 * 1.1}, {177.333 * 0.9, 183.089 * 1.1}, {227.120 * 0.9, 255.250 * 1.1}};
    /** Dihedral limits: |φ| ≥ 135.031·0.9 or |φ| ≤ 43.943·1.1 degrees. */
    static final double DIHEDRAL_TRANS = 135.031 * 0.9;
    static final double DIHEDRAL_CIS = 43.943 * 1.1;

    private CataGeometryCheck() {
    }

    /**
     * Runs the checks in GaUDI's order. Returns null when all pass, else a message naming the first failure.
     * When {@code expectedFused} is non-null the distance-derived adjacency must equal it exactly.
     */
    static String check(double[][] x, int[][] expectedFused) {
        int n = x.length;
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = dist(x[i], x[j]);
                if (d < MIN_DIST) {
                    return String.format("rings %d and %d only %.3f Å apart (< %.3f)", i, j, d, MIN_DIST);
                }
                adj[i][j] = adj[j][i] = d > MIN_DIST && d < MAX_DIST;
            }
        }
        if (expectedFused != null) {
            Set<Long> expected = new HashSet<>();
            for (int[] p : expectedFused) {
                expected.add(key(p[0], p[1]));
                if (!adj[p[0]][p[1]]) {
                    return String.format("fused rings %d and %d are %.3f Å apart, outside (%.3f, %.3f)", p[0], p[1],
                            dist(x[p[0]], x[p[1]]), MIN_DIST, MAX_DIST);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (adj[i][j] && !expected.contains(key(i, j))) {
                        return String.format("rings %d and %d are not fused but %.3f Å apart (< %.3f)", i, j,
                                dist(x[i], x[j]), MAX_DIST);
                    }
                }
            }
        }
        if (!connected(adj)) {
            return "ring graph from distances is not connected";
        }
        List<int[]> angular = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < n; a++) {
                for (int c = a + 1; c < n; c++) {
                    if (adj[b][a] && adj[b][c]) {
                        double ang = angle(x[a], x[b], x[c]);
                        if (!inAngleWindow(ang)) {
                            return String.format("angle %d-%d-%d is %.2f°, outside the allowed windows", a, b, c,
                                    ang);
                        }
                        if (!(ang > 170 && ang < 190)) {
                            angular.add(new int[] {a, b, c});
                        }
                    }
                }
            }
        }
        for (int[] t : angular) {
            for (int end = 0; end < 2; end++) {
                int n1 = end == 0 ? t[0] : t[2];
                int n3 = end == 0 ? t[2] : t[0];
                for (int n4 = 0; n4 < n; n4++) {
                    if (!adj[n1][n4] || n4 == t[1] || n4 == n3) {
                        continue;
                    }
                    double ext = angle(x[n4], x[n1], x[t[1]]);
                    if (ext > 175 && ext < 185) {
                        continue;
                    }
                    double phi = Math.abs(dihedral(x[n4], x[n1], x[t[1]], x[n3]));
                    if (phi < DIHEDRAL_TRANS && phi > DIHEDRAL_CIS) {
                        return String.format("dihedral %d-%d-%d-%d is %.2f°, between %.2f and %.2f", n4, n1, t[1],
                                n3, phi, DIHEDRAL_CIS, DIHEDRAL_TRANS);
                    }
                }
            }
        }
        return null;
    }

    static boolean inAngleWindow(double deg) {
        for (double[] w : ANGLE_WINDOWS) {
            if (deg >= w[0] && deg <= w[1]) {
                return true;
            }
        }
        return false;
    }

    private static long key(int i, int j) {
        return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
    }

    private static boolean connected(boolean[][] adj) {
        int n = adj.length;
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        seen[0] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w = 0; w < n; w++) {
                if (adj[v][w] && !seen[w]) {
                    seen[w] = true;
                    count++;
                    queue.add(w);
                }
            }
        }
        return count == n;
    }

    static double dist(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Angle a-b-c at b in degrees, [0, 180]. */
    static double angle(double[] a, double[] b, double[] c) {
        double[] u = sub(a, b);
        double[] v = sub(c, b);
        double cos = dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** Signed dihedral p0-p1-p2-p3 in degrees (−180, 180], praxeolitic formula. */
    static double dihedral(double[] p0, double[] p1, double[] p2, double[] p3) {
        double[] b0 = sub(p0, p1);
        double[] b1 = sub(p2, p1);
        double[] b2 = sub(p3, p2);
        double nb1 = Math.sqrt(dot(b1, b1));
        for (int k = 0; k < 3; k++) {
            b1[k] /= nb1;
        }
        double[] v = axpy(-dot(b0, b1), b1, b0);
        double[] w = axpy(-dot(b2, b1), b1, b2);
        double xx = dot(v, w);
        double yy = dot(cross(b1, v), w);
        return Math.toDegrees(Math.atan2(yy, xx));
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] axpy(double s, double[] x, double[] y) {
        return new double[] {s * x[0] + y[0], s * x[1] + y[1], s * x[2] + y[2]};
    }
}
