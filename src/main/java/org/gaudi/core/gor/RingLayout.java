package org.gaudi.core.gor;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * 2-D layouts of ring nodes (and orientation nodes) used by the decoder to place template polygons.
 * <ul>
 * <li>{@link Projection#INERTIA} (GaUDI): centre all points on their mean, diagonalise the inertia tensor and keep
 * the coordinates along the two smallest-moment axes.</li>
 * <li>{@link Projection#UNFOLDED}: walk the fused-ring graph breadth-first from the lowest ring of each component
 * and give every fused neighbour and orientation node its true signed angle around the ring's local normal (the
 * plane of its neighbours), at the 3-D distance. Twisted systems (helicenes) keep every ring's local fusion
 * pattern instead of being foreshortened. For a planar GOR the result is the inertia layout up to a rigid motion.</li>
 * </ul>
 */
public final class RingLayout {
    /** How a GOR is flattened before templates are placed. */
    public enum Projection {
        /** GaUDI's inertia-tensor projection (the reference behaviour). */
        INERTIA,
        /** Tree unfolding that keeps each ring's local angles; robust for twisted GORs (the decoder default). */
        UNFOLDED
    }

    private static final double MIN_SIN = Math.sin(Math.toRadians(10));

    private RingLayout() {
    }

    /** Principal axes of a point set: mean, in-plane axes e0, e1 (smallest moments) and normal e0 × e1. */
    static final class Plane {
        final double[] mean;
        final double[] e0;
        final double[] e1;
        final double[] normal;

        Plane(double[][] pts) {
            int m = pts.length;
            mean = new double[3];
            for (double[] p : pts) {
                for (int k = 0; k < 3; k++) {
                    mean[k] += p[k] / m;
                }
            }
            double[][] inertia = new double[3][3];
            for (double[] p : pts) {
                double x = p[0] - mean[0];
                double y = p[1] - mean[1];
                double z = p[2] - mean[2];
                inertia[0][0] += y * y + z * z;
                inertia[1][1] += x * x + z * z;
                inertia[2][2] += x * x + y * y;
                inertia[0][1] -= x * y;
                inertia[0][2] -= x * z;
                inertia[1][2] -= y * z;
            }
            inertia[1][0] = inertia[0][1];
            inertia[2][0] = inertia[0][2];
            inertia[2][1] = inertia[1][2];
            EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(inertia, false));
            double[] ev = eig.getRealEigenvalues();
            Integer[] order = {0, 1, 2};
            Arrays.sort(order, (a, b) -> Double.compare(ev[a], ev[b]));
            e0 = array(eig.getEigenvector(order[0]));
            e1 = array(eig.getEigenvector(order[1]));
            normal = cross(e0, e1);
        }

        double[] project(double[] p) {
            double[] d = sub(p, mean);
            return new double[] {dot(d, e0), dot(d, e1)};
        }
    }

    /**
     * Lays out ring nodes, followed by orientation nodes when given.
     *
     * @param rings       ring-node coordinates (n × 3)
     * @param orientation orientation-node coordinates (n × 3) or null; they are laid out after the rings
     * @param adj         fused-ring adjacency (n × n)
     * @return 2-D points, n rows (rings) or 2n rows (rings, then orientation nodes)
     */
    public static double[][] layout(double[][] rings, double[][] orientation, boolean[][] adj, Projection p) {
        int n = rings.length;
        double[][] pts = rings;
        if (orientation != null) {
            pts = new double[2 * n][];
            for (int i = 0; i < n; i++) {
                pts[i] = rings[i];
                pts[n + i] = orientation[i] != null ? orientation[i] : rings[i];
            }
        }
        Plane plane = new Plane(pts);
        double[][] out = new double[pts.length][];
        if (p == Projection.INERTIA) {
            for (int i = 0; i < pts.length; i++) {
                out[i] = plane.project(pts[i]);
            }
            return out;
        }
        unfold(pts, n, orientation != null, adj, plane, out);
        return out;
    }

    private static void unfold(double[][] pts, int n, boolean withOrientation, boolean[][] adj, Plane plane,
            double[][] out) {
        double[][] normal = new double[n][];
        double[][] u = new double[n][];
        double[] phi = new double[n];
        boolean[] placed = new boolean[n];
        for (int root = 0; root < n; root++) {
            if (placed[root]) {
                continue;
            }
            placed[root] = true;
            out[root] = plane.project(pts[root]);
            normal[root] = localNormal(root, pts, n, withOrientation, adj, plane.normal);
            u[root] = inPlane(plane.e0, normal[root]);
            if (u[root] == null) { // e0 along the local normal: any in-plane axis will do
                u[root] = inPlane(plane.e1, normal[root]);
            }
            phi[root] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                double[] v = cross(normal[i], u[i]);
                for (int j = 0; j < n; j++) {
                    if (!adj[i][j] || placed[j]) {
                        continue;
                    }
                    double[] w = sub(pts[j], pts[i]);
                    double alpha = phi[i] + Math.atan2(dot(w, v), dot(w, u[i]));
                    double len = norm(w);
                    out[j] = new double[] {out[i][0] + len * Math.cos(alpha), out[i][1] + len * Math.sin(alpha)};
                    placed[j] = true;
                    normal[j] = localNormal(j, pts, n, withOrientation, adj, normal[i]);
                    double[] back = inPlane(sub(pts[i], pts[j]), normal[j]);
                    if (back == null) { // parent along j's normal (degenerate): reuse the parent's frame
                        normal[j] = normal[i];
                        back = inPlane(sub(pts[i], pts[j]), normal[j]);
                    }
                    u[j] = back;
                    phi[j] = alpha + Math.PI;
                    queue.add(j);
                }
            }
        }
        if (withOrientation) {
            for (int i = 0; i < n; i++) {
                double[] w = sub(pts[n + i], pts[i]);
                double[] wp = sub(w, scale(normal[i], dot(w, normal[i])));
                double len = norm(wp);
                if (len < 1e-12) {
                    out[n + i] = out[i].clone();
                    continue;
                }
                double[] v = cross(normal[i], u[i]);
                double a = phi[i] + Math.atan2(dot(w, v), dot(w, u[i]));
                out[n + i] = new double[] {out[i][0] + len * Math.cos(a), out[i][1] + len * Math.sin(a)};
            }
        }
    }

    /**
     * Normal of ring i's local plane: from its two most non-collinear fused neighbours, else from a neighbour and
     * its orientation node, else {@code reference}; oriented to agree with {@code reference}.
     */
    private static double[] localNormal(int i, double[][] pts, int n, boolean withOrientation, boolean[][] adj,
            double[] reference) {
        double[] best = null;
        double bestSin = MIN_SIN;
        int[] nb = new int[n];
        int c = 0;
        for (int j = 0; j < n; j++) {
            if (adj[i][j]) {
                nb[c++] = j;
            }
        }
        double[][] vecs = new double[c + 1][];
        for (int k = 0; k < c; k++) {
            vecs[k] = sub(pts[nb[k]], pts[i]);
        }
        int m = c;
        if (withOrientation) {
            vecs[m++] = sub(pts[n + i], pts[i]);
        }
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double[] x = cross(vecs[a], vecs[b]);
                double la = norm(vecs[a]);
                double lb = norm(vecs[b]);
                if (la < 1e-9 || lb < 1e-9) {
                    continue;
                }
                double s = norm(x) / (la * lb);
                if (s > bestSin + 1e-12) {
                    bestSin = s;
                    best = x;
                }
            }
        }
        if (best == null) {
            return reference.clone();
        }
        double[] nrm = scale(best, 1 / norm(best));
        return dot(nrm, reference) < 0 ? scale(nrm, -1) : nrm;
    }

    /** Unit component of w perpendicular to the unit normal, or null when w is (nearly) along it. */
    private static double[] inPlane(double[] w, double[] normal) {
        double[] p = sub(w, scale(normal, dot(w, normal)));
        double l = norm(p);
        return l < 1e-9 ? null : scale(p, 1 / l);
    }

    private static double[] array(RealVector v) {
        return new double[] {v.getEntry(0), v.getEntry(1), v.getEntry(2)};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
