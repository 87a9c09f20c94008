package org.gaudi.core.chem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.vecmath.Point2d;
import javax.vecmath.Point3d;

import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IRing;
import org.openscience.cdk.interfaces.IRingSet;

/**
 * 3-D coordinates for a fused (hetero)aromatic ring system, from its 2-D layout and a short relaxation.
 *
 * <p>Why: the decoder places ring templates at the sampled ring positions, so bond lengths inherit the sampler's
 * noise (C–C 1.05–1.68 Å seen) and the rings of a helicene overlap in the plane; quantum chemistry on such input is
 * garbage. This gives every atom a chemically sane position while keeping the molecule the decoder built.
 *
 * <p>Method: start from the 2-D layout (z = 0); when atoms four or more bonds apart crowd there (helicenes,
 * fjords), lift each ring by its chain's accumulated turning angle so the relaxation starts on a helix. Then minimise
 * (L-BFGS) a small valence force field:
 * <ul>
 * <li>bonds: harmonic at ideal aromatic lengths per element pair ({@link #idealBond}; C–C 1.40, C–H 1.08 Å);</li>
 * <li>angles, as 1–3 distances: ring interior angles of the regular polygon ((m − 2)·180/m), exocyclic and
 * ring-junction angles sharing the remaining 360° of a trigonal centre;</li>
 * <li>ring shape: 1–4 distances across six-membered rings (twice the mean bond), so every ring stays flat;</li>
 * <li>trigonal planarity: the squared triple product of the three bonds of every three-connected atom;</li>
 * <li>contacts: a one-sided harmonic repulsion between atoms four or more bonds apart below 2.9 Å (heavy–heavy),
 * 2.4 Å (heavy–H) or 1.9 Å (H–H), which twists overcrowded systems out of the plane instead of letting them
 * overlap.</li>
 * </ul>
 * Planar molecules stay exactly planar (no force has an out-of-plane component at z = 0); helicenes relax to a
 * helix. Deterministic, no randomness; about a millisecond for GaUDI-sized molecules. The 2-D points are left as
 * they are (depictions stay 2-D).
 */
public final class RingSystemConformer {
    private static final double K_BOND = 300;
    private static final double K_ANGLE = 80;
    private static final double K_PARA = 30;
    private static final double K_PLANAR = 10;
    private static final double K_CONTACT = 200;
    private static final double HEAVY_CONTACT = 2.9;
    private static final double MIXED_CONTACT = 2.4;
    private static final double H_CONTACT = 1.9;
    /** Rise of the helical start per full turn of the ring chain, Å (a helicene's layer spacing). */
    private static final double PITCH = 3.4;
    /** Atoms four or more bonds apart closer than their contact distance minus this in the layout are crowded. */
    private static final double CROWDED_MARGIN = 0.2;
    private static final int MAX_ITERATIONS = 1000;
    /** Energy per atom below which a helical start is accepted without trying the others. */
    private static final double RELAXED = 0.05;
    /** Largest force component (energy/Å) at which the minimisation stops. */
    private static final double FORCE_TOLERANCE = 1e-2;

    private final int n;
    private final int[] z;
    private final int[][] nb;
    private final int[][] topo;
    private final List<double[]> distanceTerms = new ArrayList<>(); // {i, j, d0, k}
    private final List<int[]> trigonal = new ArrayList<>(); // {centre, a, b, c}
    private final List<int[]> contacts = new ArrayList<>(); // {i, j}
    private final List<int[]> rings = new ArrayList<>(); // atom indices in walking order
    private final double[] contactDistance;
    /** Contacts the energy looks at: all of them, or for a flat start only those near enough to matter. */
    private int[] activeContacts;

    private RingSystemConformer(IAtomContainer mol, int[][] knownRings) {
        n = mol.getAtomCount();
        z = new int[n];
        for (int i = 0; i < n; i++) {
            Integer an = mol.getAtom(i).getAtomicNumber();
            z[i] = an == null ? 6 : an;
        }
        nb = new int[n][];
        for (int i = 0; i < n; i++) {
            List<IAtom> conn = mol.getConnectedAtomsList(mol.getAtom(i));
            nb[i] = new int[conn.size()];
            for (int k = 0; k < conn.size(); k++) {
                nb[i][k] = mol.indexOf(conn.get(k));
            }
        }
        topo = topologicalDistances();
        if (knownRings != null) {
            rings.addAll(Arrays.asList(knownRings));
        } else {
            IRingSet ringSet = Cycles.sssr(mol).toRingSet();
            for (IAtomContainer r : ringSet.atomContainers()) {
                rings.add(ringOrder((IRing) r, mol));
            }
        }
        buildTerms(mol);
        List<Double> cd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (topo[i][j] >= 4) {
                    contacts.add(new int[] {i, j});
                    cd.add(z[i] == 1 && z[j] == 1 ? H_CONTACT : z[i] == 1 || z[j] == 1 ? MIXED_CONTACT
                            : HEAVY_CONTACT);
                }
            }
        }
        contactDistance = cd.stream().mapToDouble(Double::doubleValue).toArray();
        activeContacts = new int[contacts.size()];
        for (int k = 0; k < activeContacts.length; k++) {
            activeContacts[k] = k;
        }
    }

    /**
     * Sets every atom's 3-D point from its 2-D point and the relaxation. Atoms need 2-D points (the decoder's
     * layout); the molecule is otherwise unchanged.
     *
     * @return the relaxation's final energy per atom (a quality figure; ~0 for an unstrained ring system)
     * @throws IllegalArgumentException if an atom has no 2-D point
     */
    public static double embed(IAtomContainer mol) {
        return embed(mol, null);
    }

    /**
     * As {@link #embed(IAtomContainer)} with the rings given (atom indices in walking order, e.g. from the decoder,
     * which knows them), so no ring perception is needed; null perceives the smallest set of smallest rings.
     */
    public static double embed(IAtomContainer mol, int[][] rings) {
        RingSystemConformer c = new RingSystemConformer(mol, rings);
        double[] flat = c.layout(mol);
        double[] x = flat;
        double e;
        if (c.crowded(flat)) {
            // a helical start; if it stays strained, also from the other end of the ring list and with the other
            // handedness, keeping the lowest energy (two crowded regions may need different turns to untangle)
            e = Double.POSITIVE_INFINITY;
            int ringCount = c.rings.size();
            for (int[] start : new int[][] {{0, 1}, {ringCount - 1, 1}, {0, -1}, {ringCount - 1, -1}}) {
                double[] trial = flat.clone();
                c.helicalLift(trial, start[0], start[1]);
                double et = c.minimise(trial);
                if (et < e - 1e-9) {
                    e = et;
                    x = trial;
                }
                if (e < RELAXED * c.n) {
                    break;
                }
            }
        } else {
            // an uncrowded flat start stays flat and moves little: pairs more than 1.5 Å beyond contact cannot
            // come into play, so leave them out (decoding cost)
            c.activeContacts = c.contactsWithin(flat, 1.5);
            e = c.minimise(x);
        }
        for (int i = 0; i < c.n; i++) {
            mol.getAtom(i).setPoint3d(new Point3d(x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        return e / Math.max(1, c.n);
    }

    /** Ideal aromatic bond length for two elements (Å). */
    public static double idealBond(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        if (lo == 1) {
            switch (hi) {
                case 5: return 1.19;
                case 7: return 1.01;
                case 8: return 0.97;
                default: return 1.08;
            }
        }
        switch (lo * 100 + hi) {
            case 606: return 1.40;
            case 607: return 1.34;
            case 608: return 1.37;
            case 616: return 1.72;
            case 506: return 1.52;
            case 507: return 1.43;
            case 505: return 1.70;
            case 707: return 1.35;
            default: return 1.45;
        }
    }

    private int[][] topologicalDistances() {
        int[][] d = new int[n][n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(d[s], Integer.MAX_VALUE);
            d[s][s] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int v : nb[u]) {
                    if (d[s][v] == Integer.MAX_VALUE) {
                        d[s][v] = d[s][u] + 1;
                        q.add(v);
                    }
                }
            }
        }
        return d;
    }

    private void buildTerms(IAtomContainer mol) {
        for (IBond b : mol.bonds()) {
            int i = mol.indexOf(b.getBegin());
            int j = mol.indexOf(b.getEnd());
            distanceTerms.add(new double[] {i, j, idealBond(z[i], z[j]), K_BOND});
        }
        // angle at each atom between each pair of its neighbours
        for (int c = 0; c < n; c++) {
            int[] nbs = nb[c];
            if (nbs.length < 2 || nbs.length > 3) {
                continue;
            }
            double[][] angle = new double[nbs.length][nbs.length];
            double ringSum = 0;
            int ringPairs = 0;
            for (int p = 0; p < nbs.length; p++) {
                for (int q = p + 1; q < nbs.length; q++) {
                    int size = smallestRingThrough(nbs[p], c, nbs[q]);
                    if (size > 0) {
                        angle[p][q] = 180.0 * (size - 2) / size;
                        ringSum += angle[p][q];
                        ringPairs++;
                    }
                }
            }
            int free = nbs.length * (nbs.length - 1) / 2 - ringPairs;
            double rest = nbs.length == 3 ? (360 - ringSum) / Math.max(1, free) : 120;
            for (int p = 0; p < nbs.length; p++) {
                for (int q = p + 1; q < nbs.length; q++) {
                    double theta = Math.toRadians(angle[p][q] > 0 ? angle[p][q] : rest);
                    double a = idealBond(z[c], z[nbs[p]]);
                    double b = idealBond(z[c], z[nbs[q]]);
                    double d13 = Math.sqrt(a * a + b * b - 2 * a * b * Math.cos(theta));
                    distanceTerms.add(new double[] {nbs[p], nbs[q], d13, K_ANGLE});
                }
            }
            if (nbs.length == 3) {
                trigonal.add(new int[] {c, nbs[0], nbs[1], nbs[2]});
            }
        }
        // para distances keep six-membered rings flat
        for (int[] order : this.rings) {
            if (order.length != 6) {
                continue;
            }
            double mean = 0;
            for (int k = 0; k < 6; k++) {
                mean += idealBond(z[order[k]], z[order[(k + 1) % 6]]);
            }
            mean /= 6;
            for (int k = 0; k < 3; k++) {
                distanceTerms.add(new double[] {order[k], order[k + 3], 2 * mean, K_PARA});
            }
        }
    }

    /** Atom indices of a ring in walking order. */
    private static int[] ringOrder(IRing ring, IAtomContainer mol) {
        int m = ring.getAtomCount();
        int[] order = new int[m];
        IAtom prev = null;
        IAtom cur = ring.getAtom(0);
        for (int k = 0; k < m; k++) {
            order[k] = mol.indexOf(cur);
            IAtom next = null;
            for (IAtom a : ring.getConnectedAtomsList(cur)) {
                if (a != prev) {
                    next = a;
                    break;
                }
            }
            prev = cur;
            cur = next;
        }
        return order;
    }

    /** Size of the smallest ring in which a, c, b follow each other (0 if none). */
    private int smallestRingThrough(int a, int c, int b) {
        int best = 0;
        for (int[] r : rings) {
            int m = r.length;
            for (int k = 0; k < m; k++) {
                if (r[k] != c) {
                    continue;
                }
                int prev = r[(k + m - 1) % m];
                int next = r[(k + 1) % m];
                if ((prev == a && next == b || prev == b && next == a) && (best == 0 || m < best)) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** The 2-D layout at z = 0. */
    private double[] layout(IAtomContainer mol) {
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            Point2d p = mol.getAtom(i).getPoint2d();
            if (p == null) {
                throw new IllegalArgumentException("atom " + i + " has no 2-D point to start from");
            }
            x[3 * i] = p.x;
            x[3 * i + 1] = p.y;
        }
        return x;
    }

    private int[] contactsWithin(double[] x, double margin) {
        List<Integer> near = new ArrayList<>();
        for (int k = 0; k < contacts.size(); k++) {
            int[] c = contacts.get(k);
            if (dist(x, c[0], c[1]) < contactDistance[k] + margin) {
                near.add(k);
            }
        }
        return near.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether atoms four or more bonds apart crowd each other in the layout (fjords, helicenes): a flat start could
     * not relieve that, since no force leaves the plane.
     */
    private boolean crowded(double[] x) {
        for (int k = 0; k < contacts.size(); k++) {
            int[] c = contacts.get(k);
            if (dist(x, c[0], c[1]) < contactDistance[k] - CROWDED_MARGIN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lifts each ring by PITCH × (the ring chain's accumulated turning angle from a root ring) / 360°: a helicene,
     * whose rings all turn the same way, starts as a helix with its overlapping ends on different levels, while a
     * zig-zag chain, whose turns cancel, stays nearly flat. Atoms take the mean height of their rings, H atoms
     * their parent's.
     */
    private void helicalLift(double[] x, int firstRoot, double handedness) {
        int m = rings.size();
        if (m == 0) {
            return;
        }
        double[][] centre = new double[m][2];
        for (int r = 0; r < m; r++) {
            for (int a : rings.get(r)) {
                centre[r][0] += x[3 * a] / rings.get(r).length;
                centre[r][1] += x[3 * a + 1] / rings.get(r).length;
            }
        }
        boolean[][] fused = new boolean[m][m];
        for (int r = 0; r < m; r++) {
            for (int q = r + 1; q < m; q++) {
                int shared = 0;
                for (int a : rings.get(r)) {
                    for (int b : rings.get(q)) {
                        shared += a == b ? 1 : 0;
                    }
                }
                fused[r][q] = fused[q][r] = shared >= 2;
            }
        }
        double[] turn = new double[m];
        int[] parent = new int[m];
        boolean[] seen = new boolean[m];
        Arrays.fill(parent, -1);
        for (int k = 0; k < m; k++) {
            int root = (firstRoot + k) % m;
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(root);
            while (!q.isEmpty()) {
                int r = q.poll();
                for (int c = 0; c < m; c++) {
                    if (!fused[r][c] || seen[c]) {
                        continue;
                    }
                    seen[c] = true;
                    parent[c] = r;
                    int g = parent[r];
                    double bend = 0;
                    if (g >= 0) {
                        double ax = centre[r][0] - centre[g][0];
                        double ay = centre[r][1] - centre[g][1];
                        double bx = centre[c][0] - centre[r][0];
                        double by = centre[c][1] - centre[r][1];
                        bend = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
                    }
                    turn[c] = turn[r] + bend;
                    q.add(c);
                }
            }
        }
        double[] height = new double[n];
        int[] count = new int[n];
        for (int r = 0; r < m; r++) {
            for (int a : rings.get(r)) {
                height[a] += handedness * PITCH * turn[r] / (2 * Math.PI);
                count[a]++;
            }
        }
        for (int a = 0; a < n; a++) {
            if (count[a] > 0) {
                x[3 * a + 2] = height[a] / count[a];
            }
        }
        for (int a = 0; a < n; a++) {
            if (count[a] == 0 && nb[a].length == 1) {
                x[3 * a + 2] = x[3 * nb[a][0] + 2];
            }
        }
    }

    private static double dist(double[] x, int i, int j) {
        double dx = x[3 * i] - x[3 * j];
        double dy = x[3 * i + 1] - x[3 * j + 1];
        double dz = x[3 * i + 2] - x[3 * j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Energy and gradient at x. */
    private double energy(double[] x, double[] g) {
        Arrays.fill(g, 0);
        double e = 0;
        for (double[] t : distanceTerms) {
            e += spring((int) t[0], (int) t[1], t[2], t[3], x, g, false);
        }
        for (int k : activeContacts) {
            int[] c = contacts.get(k);
            e += spring(c[0], c[1], contactDistance[k], K_CONTACT, x, g, true);
        }
        for (int[] t : trigonal) {
            e += planarity(t, x, g);
        }
        return e;
    }

    /** k·(d − d0)², only for d &lt; d0 when {@code repulsiveOnly}. */
    private static double spring(int i, int j, double d0, double k, double[] x, double[] g, boolean repulsiveOnly) {
        double dx = x[3 * i] - x[3 * j];
        double dy = x[3 * i + 1] - x[3 * j + 1];
        double dz = x[3 * i + 2] - x[3 * j + 2];
        double d2 = dx * dx + dy * dy + dz * dz;
        if (repulsiveOnly && d2 >= d0 * d0) {
            return 0;
        }
        double d = Math.sqrt(d2);
        double diff = d - d0;
        double f = 2 * k * diff / Math.max(d, 1e-9);
        g[3 * i] += f * dx;
        g[3 * i + 1] += f * dy;
        g[3 * i + 2] += f * dz;
        g[3 * j] -= f * dx;
        g[3 * j + 1] -= f * dy;
        g[3 * j + 2] -= f * dz;
        return k * diff * diff;
    }

    /** k·V² with V = (a − c)·((b − c) × (d − c)): zero when the centre and its three neighbours are coplanar. */
    private static double planarity(int[] t, double[] x, double[] g) {
        int c = 3 * t[0];
        int a = 3 * t[1];
        int b = 3 * t[2];
        int d = 3 * t[3];
        double ux = x[a] - x[c], uy = x[a + 1] - x[c + 1], uz = x[a + 2] - x[c + 2];
        double vx = x[b] - x[c], vy = x[b + 1] - x[c + 1], vz = x[b + 2] - x[c + 2];
        double wx = x[d] - x[c], wy = x[d + 1] - x[c + 1], wz = x[d + 2] - x[c + 2];
        // ∂V/∂a = v × w, ∂V/∂b = w × u, ∂V/∂d = u × v, ∂V/∂c = −(sum)
        double vwx = vy * wz - vz * wy, vwy = vz * wx - vx * wz, vwz = vx * wy - vy * wx;
        double wux = wy * uz - wz * uy, wuy = wz * ux - wx * uz, wuz = wx * uy - wy * ux;
        double uvx = uy * vz - uz * vy, uvy = uz * vx - ux * vz, uvz = ux * vy - uy * vx;
        double vol = ux * vwx + uy * vwy + uz * vwz;
        double f = 2 * K_PLANAR * vol;
        g[a] += f * vwx;
        g[a + 1] += f * vwy;
        g[a + 2] += f * vwz;
        g[b] += f * wux;
        g[b + 1] += f * wuy;
        g[b + 2] += f * wuz;
        g[d] += f * uvx;
        g[d + 1] += f * uvy;
        g[d + 2] += f * uvz;
        g[c] -= f * (vwx + wux + uvx);
        g[c + 1] -= f * (vwy + wuy + uvy);
        g[c + 2] -= f * (vwz + wuz + uvz);
        return K_PLANAR * vol * vol;
    }

    /** L-BFGS (memory 8) with a backtracking Armijo line search; x is updated in place. */
    private double minimise(double[] x) {
        int dim = x.length;
        int memory = 8;
        double[][] s = new double[memory][dim];
        double[][] y = new double[memory][dim];
        double[] rho = new double[memory];
        int stored = 0;
        int head = 0;
        double[] g = new double[dim];
        double e = energy(x, g);
        double[] d = new double[dim];
        double[] xNew = new double[dim];
        double[] gNew = new double[dim];
        double[] alpha = new double[memory];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (maxAbs(g) < FORCE_TOLERANCE) {
                break;
            }
            // two-loop recursion: d = −H·g
            System.arraycopy(g, 0, d, 0, dim);
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, memory);
                alpha[idx] = rho[idx] * dot(s[idx], d);
                axpy(-alpha[idx], y[idx], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                scale(d, dot(s[last], y[last]) / dot(y[last], y[last]));
            } else {
                scale(d, 1e-3 / Math.max(1e-12, maxAbs(g)));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, memory);
                double beta = rho[idx] * dot(y[idx], d);
                axpy(alpha[idx] - beta, s[idx], d);
            }
            scale(d, -1);
            double slope = dot(d, g);
            if (!(slope < 0)) { // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < dim; i++) {
                    d[i] = -g[i] * 1e-3 / Math.max(1e-12, maxAbs(g));
                }
                slope = dot(d, g);
            }
            double step = 1;
            double eNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < dim; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                eNew = energy(xNew, gNew);
                if (eNew <= e + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 40) {
                break;
            }
            for (int i = 0; i < dim; i++) {
                s[head][i] = xNew[i] - x[i];
                y[head][i] = gNew[i] - g[i];
            }
            double sy = dot(s[head], y[head]);
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(memory, stored + 1);
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            boolean converged = e - eNew < 1e-9 * Math.max(1, Math.abs(e));
            e = eNew;
            if (converged && it > 10) {
                break;
            }
        }
        return e;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
