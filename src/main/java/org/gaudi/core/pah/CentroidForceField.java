package org.gaudi.core.pah;

import java.util.ArrayList;
import java.util.List;

/**
 * A small force field on ring centroids that keeps the hexagonal-lattice shape of a cata-condensed benzenoid while
 * letting overlapping rings (helicenes) move apart in 3D. Terms, all smooth:
 * <ul>
 * <li>fused pairs: k_b (d − d₀)², d₀ = {@link BenzenoidGeometry#FUSED_DISTANCE};</li>
 * <li>angle at a ring between two fused neighbours: angular (lattice 120°) k_a (cos θ + ½)², linear (180°)
 * k_l (1 + cos θ);</li>
 * <li>dihedral of fused paths a-b-c-d with angular annulation at b and c: k_d (1 ∓ cos φ) towards the lattice's
 * cis (0°) or trans (180°) value;</li>
 * <li>non-fused pairs closer than r_c: k_r (r_c − d)².</li>
 * </ul>
 * Units are arbitrary (Å and a common energy scale); only the minimum matters.
 */
final class CentroidForceField {
    static final double K_BOND = 50;
    static final double K_ANGULAR = 20;
    static final double K_LINEAR = 40;
    static final double K_DIHEDRAL = 3;
    static final double K_REPULSION = 20;
    /** Non-fused rings are pushed to at least this distance (Å), well beyond GaUDI's 2.728 Å bond window. */
    static final double REPULSION_CUTOFF = 3.4;
    /** Largest move of one coordinate in one minimiser step, Å. */
    private static final double MAX_STEP = 0.3;

    private final int n;
    private final double bondLength;
    private final int[][] bonds;
    private final int[][] angular;
    private final int[][] linear;
    /** a, b, c, d, +1 for cis / −1 for trans. */
    private final int[][] dihedrals;
    private final int[][] nonBonded;
    // scratch vectors (an instance is used by one thread at a time)
    private final double[] u = new double[3];
    private final double[] v = new double[3];
    private final double[] b1 = new double[3];
    private final double[] b2 = new double[3];
    private final double[] b3 = new double[3];
    private final double[] m = new double[3];
    private final double[] nn = new double[3];
    private final double[] gm = new double[3];
    private final double[] gn = new double[3];
    private final double[] c1 = new double[3];
    private final double[] c2 = new double[3];
    private final double[] c3 = new double[3];
    private final double[] c4 = new double[3];

    /** Builds the terms from the lattice layout of the tree. */
    CentroidForceField(HexTree t, double bondLength) {
        this.n = t.size();
        this.bondLength = bondLength;
        this.bonds = t.fusedPairs();
        List<int[]> ang = new ArrayList<>();
        List<int[]> lin = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            for (int d1 = 0; d1 < 6; d1++) {
                for (int d2 = d1 + 1; d2 < 6; d2++) {
                    int a = t.neighbour(b, d1);
                    int c = t.neighbour(b, d2);
                    if (a >= 0 && c >= 0) {
                        (d2 - d1 == 3 ? lin : ang).add(new int[] {a, b, c});
                    }
                }
            }
        }
        this.angular = ang.toArray(new int[0][]);
        this.linear = lin.toArray(new int[0][]);
        double[][] lattice = t.latticeCentroids(1.0);
        List<int[]> dih = new ArrayList<>();
        for (int[] bc : bonds) {
            int b = bc[0];
            int c = bc[1];
            for (int da = 0; da < 6; da++) {
                int a = t.neighbour(b, da);
                if (a < 0 || a == c || isLinear(t, b, a, c)) {
                    continue;
                }
                for (int dd = 0; dd < 6; dd++) {
                    int d = t.neighbour(c, dd);
                    if (d < 0 || d == b || isLinear(t, c, b, d)) {
                        continue;
                    }
                    double sa = side(lattice[b], lattice[c], lattice[a]);
                    double sd = side(lattice[b], lattice[c], lattice[d]);
                    dih.add(new int[] {a, b, c, d, sa * sd > 0 ? 1 : -1});
                }
            }
        }
        this.dihedrals = dih.toArray(new int[0][]);
        List<int[]> nb = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!t.fused(i, j)) {
                    nb.add(new int[] {i, j});
                }
            }
        }
        this.nonBonded = nb.toArray(new int[0][]);
    }

    private static boolean isLinear(HexTree t, int centre, int a, int c) {
        int da = -1;
        int dc = -1;
        for (int d = 0; d < 6; d++) {
            if (t.neighbour(centre, d) == a) {
                da = d;
            }
            if (t.neighbour(centre, d) == c) {
                dc = d;
            }
        }
        return HexTree.mod6(dc - da) == 3;
    }

    private static double side(double[] b, double[] c, double[] p) {
        return (c[0] - b[0]) * (p[1] - b[1]) - (c[1] - b[1]) * (p[0] - b[0]);
    }

    int size() {
        return n;
    }

    /** Energy at flat coordinates x (3n); adds the gradient into g (3n) when g is non-null. */
    double energy(double[] x, double[] g) {
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        double e = 0;
        for (int[] p : bonds) {
            double d = diff(x, p[1], p[0], u);
            double dd = d - bondLength;
            e += K_BOND * dd * dd;
            if (g != null) {
                addPair(g, p[0], p[1], u, 2 * K_BOND * dd / d);
            }
        }
        for (int[] p : nonBonded) {
            double d = diff(x, p[1], p[0], u);
            if (d < REPULSION_CUTOFF) {
                double dd = REPULSION_CUTOFF - d;
                e += K_REPULSION * dd * dd;
                if (g != null) {
                    if (d < 1e-9) {
                        // coincident rings: push apart along z, lower index down (deterministic)
                        u[0] = 0;
                        u[1] = 0;
                        u[2] = 1;
                        d = 1;
                    }
                    addPair(g, p[0], p[1], u, -2 * K_REPULSION * dd / d);
                }
            }
        }
        for (int[] t : angular) {
            e += angleTerm(x, t, g, true);
        }
        for (int[] t : linear) {
            e += angleTerm(x, t, g, false);
        }
        for (int[] q : dihedrals) {
            e += dihedralTerm(x, q, g);
        }
        return e;
    }

    /** u = x_j − x_i; returns |u|. */
    private static double diff(double[] x, int j, int i, double[] u) {
        u[0] = x[3 * j] - x[3 * i];
        u[1] = x[3 * j + 1] - x[3 * i + 1];
        u[2] = x[3 * j + 2] - x[3 * i + 2];
        return Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    }

    /** Gradient of f(|x_j − x_i|) with f'/d = s: +s·u on j, −s·u on i. */
    private static void addPair(double[] g, int i, int j, double[] u, double s) {
        for (int k = 0; k < 3; k++) {
            g[3 * j + k] += s * u[k];
            g[3 * i + k] -= s * u[k];
        }
    }

    private double angleTerm(double[] x, int[] t, double[] g, boolean angularTerm) {
        int a = t[0];
        int b = t[1];
        int c = t[2];
        double nu = diff(x, a, b, u);
        double nv = diff(x, c, b, v);
        double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (nu * nv);
        double e;
        double dEdCos;
        if (angularTerm) {
            e = K_ANGULAR * (cos + 0.5) * (cos + 0.5);
            dEdCos = 2 * K_ANGULAR * (cos + 0.5);
        } else {
            e = K_LINEAR * (1 + cos);
            dEdCos = K_LINEAR;
        }
        if (g != null) {
            for (int k = 0; k < 3; k++) {
                double ga = dEdCos * (v[k] / (nu * nv) - cos * u[k] / (nu * nu));
                double gc = dEdCos * (u[k] / (nu * nv) - cos * v[k] / (nv * nv));
                g[3 * a + k] += ga;
                g[3 * c + k] += gc;
                g[3 * b + k] -= ga + gc;
            }
        }
        return e;
    }

    private double dihedralTerm(double[] x, int[] q, double[] g) {
        int a = q[0];
        int b = q[1];
        int c = q[2];
        int d = q[3];
        double sign = q[4];
        diff(x, b, a, b1);
        diff(x, c, b, b2);
        diff(x, d, c, b3);
        cross(b1, b2, m);
        cross(b2, b3, nn);
        double mm = Math.sqrt(dot(m, m));
        double nnn = Math.sqrt(dot(nn, nn));
        if (mm < 1e-9 || nnn < 1e-9) {
            return 0;
        }
        double cos = dot(m, nn) / (mm * nnn);
        double e = K_DIHEDRAL * (1 - sign * cos);
        if (g != null) {
            double s = -K_DIHEDRAL * sign;
            for (int k = 0; k < 3; k++) {
                gm[k] = s * (nn[k] / (mm * nnn) - cos * m[k] / (mm * mm));
                gn[k] = s * (m[k] / (mm * nnn) - cos * nn[k] / (nnn * nnn));
            }
            double[] gb1 = cross(b2, gm, c1);
            double[] gb2a = cross(gm, b1, c2);
            double[] gb2b = cross(b3, gn, c3);
            double[] gb3 = cross(gn, b2, c4);
            for (int k = 0; k < 3; k++) {
                double gb2 = gb2a[k] + gb2b[k];
                g[3 * a + k] -= gb1[k];
                g[3 * b + k] += gb1[k] - gb2;
                g[3 * c + k] += gb2 - gb3[k];
                g[3 * d + k] += gb3[k];
            }
        }
        return e;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b, double[] out) {
        out[0] = a[1] * b[2] - a[2] * b[1];
        out[1] = a[2] * b[0] - a[0] * b[2];
        out[2] = a[0] * b[1] - a[1] * b[0];
        return out;
    }

    /**
     * Minimises the energy from x (3n, modified in place) with L-BFGS (memory 8) and Armijo backtracking, steps
     * capped at 0.3 Å per coordinate; deterministic.
     *
     * @return the number of energy evaluations
     */
    int minimise(double[] x, int maxIterations, double forceTolerance) {
        int dim = x.length;
        int mem = 8;
        double[][] sHist = new double[mem][dim];
        double[][] yHist = new double[mem][dim];
        double[] rho = new double[mem];
        double[] alphaHist = new double[mem];
        int stored = 0;
        int newest = -1;
        double[] g = new double[dim];
        double[] gNew = new double[dim];
        double[] d = new double[dim];
        double[] xNew = new double[dim];
        double f = energy(x, g);
        int evaluations = 1;
        for (int iter = 0; iter < maxIterations; iter++) {
            double gmax = 0;
            for (double gk : g) {
                gmax = Math.max(gmax, Math.abs(gk));
            }
            if (gmax < forceTolerance) {
                break;
            }
            // two-loop recursion: d = -H g
            for (int k = 0; k < dim; k++) {
                d[k] = -g[k];
            }
            for (int j = 0; j < stored; j++) {
                int idx = Math.floorMod(newest - j, mem);
                double a = rho[idx] * dotN(sHist[idx], d);
                alphaHist[idx] = a;
                for (int k = 0; k < dim; k++) {
                    d[k] -= a * yHist[idx][k];
                }
            }
            if (stored > 0) {
                double gamma = dotN(sHist[newest], yHist[newest]) / dotN(yHist[newest], yHist[newest]);
                for (int k = 0; k < dim; k++) {
                    d[k] *= gamma;
                }
            } else {
                double scale = 0.01;
                for (int k = 0; k < dim; k++) {
                    d[k] *= scale;
                }
            }
            for (int j = stored - 1; j >= 0; j--) {
                int idx = Math.floorMod(newest - j, mem);
                double b = rho[idx] * dotN(yHist[idx], d);
                for (int k = 0; k < dim; k++) {
                    d[k] += (alphaHist[idx] - b) * sHist[idx][k];
                }
            }
            double slope = dotN(g, d);
            if (slope >= 0) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                for (int k = 0; k < dim; k++) {
                    d[k] = -0.01 * g[k];
                }
                slope = dotN(g, d);
            }
            double dmax = 0;
            for (double dk : d) {
                dmax = Math.max(dmax, Math.abs(dk));
            }
            double step = dmax > MAX_STEP ? MAX_STEP / dmax : 1.0;
            double fNew;
            while (true) {
                for (int k = 0; k < dim; k++) {
                    xNew[k] = x[k] + step * d[k];
                }
                fNew = energy(xNew, gNew);
                evaluations++;
                if (fNew <= f + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step *= 0.5;
            }
            newest = (newest + 1) % mem;
            double sy = 0;
            for (int k = 0; k < dim; k++) {
                sHist[newest][k] = xNew[k] - x[k];
                yHist[newest][k] = gNew[k] - g[k];
                sy += sHist[newest][k] * yHist[newest][k];
            }
            if (sy > 1e-12) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, mem);
            } else {
                newest = Math.floorMod(newest - 1, mem);
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            f = fNew;
            if (step < 1e-10) {
                break;
            }
        }
        return evaluations;
    }

    private static double dotN(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
