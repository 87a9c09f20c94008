package org.gaudi.core.pah;

import java.util.Arrays;

/**
 * A cata-condensed benzenoid as a tree of hexagons placed on the hexagonal lattice (immutable).
 *
 * <p>Ring i sits in lattice cell ({@code q[i]}, {@code r[i]}) (axial coordinates). Its six edges face the six
 * lattice directions d = 0..5 (d·60°, counter-clockwise); {@code neighbour(i, d)} is the ring fused across edge d
 * or -1. Fusing ring i across edge d to ring j puts j in the neighbouring cell in direction d and fuses j across
 * edge (d + 3) mod 6. Cata-condensation means a ring is never fused across two adjacent edges (no atom in three
 * rings). Cells may coincide or touch for helicenes: the tree, not the lattice, defines the molecule.
 */
final class HexTree {
    /** Axial offsets (dq, dr) of the six lattice directions, d·60° counter-clockwise from +x. */
    static final int[] DQ = {1, 0, -1, -1, 0, 1};
    static final int[] DR = {0, 1, 1, 0, -1, -1};

    private final int n;
    private final int[] nb;
    private final int[] q;
    private final int[] r;

    private HexTree(int n, int[] nb, int[] q, int[] r) {
        this.n = n;
        this.nb = nb;
        this.q = q;
        this.r = r;
    }

    /** Benzene: one ring in cell (0, 0). */
    static HexTree benzene() {
        int[] nb = new int[6];
        Arrays.fill(nb, -1);
        return new HexTree(1, nb, new int[1], new int[1]);
    }

    static int mod6(int d) {
        return ((d % 6) + 6) % 6;
    }

    int size() {
        return n;
    }

    /** Ring fused to {@code ring} across its edge facing direction {@code dir}, or -1. */
    int neighbour(int ring, int dir) {
        return nb[ring * 6 + mod6(dir)];
    }

    int degree(int ring) {
        int d = 0;
        for (int k = 0; k < 6; k++) {
            if (nb[ring * 6 + k] >= 0) {
                d++;
            }
        }
        return d;
    }

    int cellQ(int ring) {
        return q[ring];
    }

    int cellR(int ring) {
        return r[ring];
    }

    boolean fused(int i, int j) {
        for (int k = 0; k < 6; k++) {
            if (nb[i * 6 + k] == j) {
                return true;
            }
        }
        return false;
    }

    /** Whether a new ring may be fused to {@code ring} across edge {@code dir} (edge free, both adjacent edges free). */
    boolean canAttach(int ring, int dir) {
        int b = ring * 6;
        return nb[b + mod6(dir)] < 0 && nb[b + mod6(dir - 1)] < 0 && nb[b + mod6(dir + 1)] < 0;
    }

    /** A copy with one new ring (index {@code size()}) fused to {@code parent} across edge {@code dir}. */
    HexTree withLeaf(int parent, int dir) {
        if (!canAttach(parent, dir)) {
            throw new IllegalArgumentException("ring " + parent + " cannot take a ring across edge " + dir);
        }
        int[] nb2 = Arrays.copyOf(nb, 6 * (n + 1));
        Arrays.fill(nb2, 6 * n, 6 * (n + 1), -1);
        nb2[parent * 6 + mod6(dir)] = n;
        nb2[n * 6 + mod6(dir + 3)] = parent;
        int[] q2 = Arrays.copyOf(q, n + 1);
        int[] r2 = Arrays.copyOf(r, n + 1);
        q2[n] = q[parent] + DQ[mod6(dir)];
        r2[n] = r[parent] + DR[mod6(dir)];
        return new HexTree(n + 1, nb2, q2, r2);
    }

    /** Lattice (hexagon-step) distance between the cells of rings i and j: 0 = same cell, 1 = touching cells. */
    int cellDistance(int i, int j) {
        int dq = q[i] - q[j];
        int dr = r[i] - r[j];
        return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
    }

    /**
     * Geometric planarity on the lattice: no two rings that are not fused share a cell or touch (share an edge
     * position). Helicenes with six or more rings in a turn fail this.
     */
    boolean isPlanar() {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (cellDistance(i, j) <= 1 && !fused(i, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fused ring pairs (i &lt; j), one row per pair. */
    int[][] fusedPairs() {
        int[][] pairs = new int[Math.max(0, n - 1)][];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                int j = nb[i * 6 + k];
                if (j > i) {
                    pairs[p++] = new int[] {i, j};
                }
            }
        }
        return Arrays.copyOf(pairs, p);
    }

    /** Lattice centroids in Å (z = 0), fused rings {@code spacing} apart, in ring order. */
    double[][] latticeCentroids(double spacing) {
        double[][] c = new double[n][3];
        double h = Math.sqrt(3) / 2;
        for (int i = 0; i < n; i++) {
            c[i][0] = spacing * (q[i] + 0.5 * r[i]);
            c[i][1] = spacing * (h * r[i]);
        }
        return c;
    }

    /** Builder used by the code parser: appends a ring fused to {@code parent} across {@code dir}. */
    static final class Builder {
        private int n;
        private int[] nb = new int[6 * 8];
        private int[] q = new int[8];
        private int[] r = new int[8];

        Builder() {
            Arrays.fill(nb, -1);
            n = 1;
        }

        int size() {
            return n;
        }

        int add(int parent, int dir) {
            if (parent < 0 || parent >= n) {
                throw new IllegalArgumentException("no ring " + parent);
            }
            int d = mod6(dir);
            if (nb[parent * 6 + d] >= 0 || nb[parent * 6 + mod6(d - 1)] >= 0 || nb[parent * 6 + mod6(d + 1)] >= 0) {
                throw new IllegalArgumentException("ring " + parent + " cannot take a ring across edge " + d);
            }
            if (n == q.length) {
                int cap = 2 * n;
                int old = nb.length;
                nb = Arrays.copyOf(nb, 6 * cap);
                Arrays.fill(nb, old, nb.length, -1);
                q = Arrays.copyOf(q, cap);
                r = Arrays.copyOf(r, cap);
            }
            nb[parent * 6 + d] = n;
            nb[n * 6 + mod6(d + 3)] = parent;
            q[n] = q[parent] + DQ[d];
            r[n] = r[parent] + DR[d];
            return n++;
        }

        HexTree build() {
            return new HexTree(n, Arrays.copyOf(nb, 6 * n), Arrays.copyOf(q, n), Arrays.copyOf(r, n));
        }
    }
}
