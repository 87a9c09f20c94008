package org.gaudi.core.gor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** GaUDI's geometric "stability" checks on a graph of rings ({@code check_stability}, tol = 0.1, §4.2). */
public final class GorStability {
    private static final double TOL = RingGeometryTables.TOL;

    private GorStability() {
    }

    /** Checks a GOR under its own {@link GorKind}. */
    public static StabilityReport check(GraphOfRings gor) {
        return check(gor, GorKind.of(gor));
    }

    /**
     * Checks a GOR. Orientation-node types are implicit in a {@link GraphOfRings}, so ORIENTATION_NODES only fails
     * when a ring itself has type {@link RingType#ORIENTATION}.
     */
    public static StabilityReport check(GraphOfRings gor, GorKind kind) {
        return check(gor.types(), gor.centroids(), null, kind);
    }

    /**
     * Checks raw sampled nodes: for CATA every node is a ring; for HETERO the first half are rings and the second
     * half their orientation nodes (whose types must all be {@link RingType#ORIENTATION}).
     *
     * @param positions node coordinates (Å), finite
     * @param nodeTypes argmax type per node
     */
    public static StabilityReport checkNodes(double[][] positions, RingType[] nodeTypes, GorKind kind) {
        int n = splitCount(positions.length, nodeTypes.length, kind);
        RingType[] ringTypes = java.util.Arrays.copyOf(nodeTypes, n);
        RingType[] orientationTypes = kind == GorKind.HETERO
                ? java.util.Arrays.copyOfRange(nodeTypes, n, 2 * n) : null;
        return check(ringTypes, java.util.Arrays.copyOf(positions, n), orientationTypes, kind);
    }

    /** Number of rings among raw nodes; validates the layout. */
    static int splitCount(int positions, int types, GorKind kind) {
        if (positions != types) {
            throw new IllegalArgumentException(positions + " positions but " + types + " node types");
        }
        if (kind == GorKind.HETERO && positions % 2 != 0) {
            throw new IllegalArgumentException("hetero GORs have 2n nodes (rings, then orientation nodes); got "
                    + positions);
        }
        return kind == GorKind.HETERO ? positions / 2 : positions;
    }

    static StabilityReport check(RingType[] types, double[][] pos, RingType[] orientationTypes, GorKind kind) {
        int n = types.length;
        if (kind == GorKind.CATA) {
            for (int i = 0; i < n; i++) {
                if (types[i] != RingType.Bn) {
                    throw new IllegalArgumentException("ring " + i + " has type " + types[i].key()
                            + "; cata GORs contain only Bn rings");
                }
            }
        }
        Set<GeometryCheck> ok = EnumSet.noneOf(GeometryCheck.class);
        // 1. orientation nodes
        if (kind == GorKind.HETERO) {
            for (int i = 0; i < n; i++) {
                if (types[i] == RingType.ORIENTATION) {
                    return new StabilityReport(ok, GeometryCheck.ORIENTATION_NODES,
                            "ring node " + i + " has the orientation-node type '.'");
                }
                if (orientationTypes != null && orientationTypes[i] != RingType.ORIENTATION) {
                    return new StabilityReport(ok, GeometryCheck.ORIENTATION_NODES, "orientation node of ring " + i
                            + " has type " + orientationTypes[i].key() + " instead of '.'");
                }
            }
        }
        ok.add(GeometryCheck.ORIENTATION_NODES);
        // 2. minimum distance
        double dMin = RingGeometryTables.minimumDistance(kind);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = RingAdjacency.distance(pos[i], pos[j]);
                if (d < dMin) {
                    return new StabilityReport(ok, GeometryCheck.DIST_STABLE, String.format(Locale.ROOT,
                            "rings %d and %d are %.3f Å apart, closer than the minimum %.3f Å", i, j, d, dMin));
                }
            }
        }
        ok.add(GeometryCheck.DIST_STABLE);
        // 3. connectivity
        boolean[][] adj = RingAdjacency.of(types, pos, kind);
        int[][] nb = neighbourLists(adj);
        if (n > 0) {
            boolean[] seen = new boolean[n];
            int reached = bfsOrder(nb, seen, null);
            if (reached < n) {
                List<Integer> cut = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!seen[i]) {
                        cut.add(i);
                    }
                }
                return new StabilityReport(ok, GeometryCheck.CONNECTED,
                        "rings " + cut + " are not fused to the ring system of ring 0");
            }
        }
        ok.add(GeometryCheck.CONNECTED);
        // 4. + 5. angles (both evaluated)
        List<int[]> triplets = triplets(nb);
        String msg3 = checkAngles3(types, pos, triplets, kind);
        String msg4 = kind == GorKind.CATA ? checkAngles4(pos, nb, triplets) : null;
        if (msg3 == null) {
            ok.add(GeometryCheck.ANGLES3);
        }
        if (msg4 == null) {
            ok.add(GeometryCheck.ANGLES4);
        }
        if (msg3 != null) {
            return new StabilityReport(ok, GeometryCheck.ANGLES3, msg3);
        }
        if (msg4 != null) {
            return new StabilityReport(ok, GeometryCheck.ANGLES4, msg4);
        }
        return new StabilityReport(ok, null, "");
    }

    static int[][] neighbourLists(boolean[][] adj) {
        int n = adj.length;
        int[][] nb = new int[n][];
        int[] buf = new int[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (adj[i][j]) {
                    buf[c++] = j;
                }
            }
            nb[i] = java.util.Arrays.copyOf(buf, c);
        }
        return nb;
    }

    /** BFS from ring 0 with neighbours ascending; fills {@code seen}, appends tree edges; returns nodes reached. */
    private static int bfsOrder(int[][] nb, boolean[] seen, List<int[]> treeEdges) {
        ArrayDeque<Integer> q = new ArrayDeque<>();
        seen[0] = true;
        q.add(0);
        int reached = 1;
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int v : nb[u]) {
                if (!seen[v]) {
                    seen[v] = true;
                    reached++;
                    q.add(v);
                    if (treeEdges != null) {
                        treeEdges.add(new int[] {u, v});
                    }
                }
            }
        }
        return reached;
    }

    /**
     * Ring triplets (a, b, c) with b fused to a and c, enumerated as the reference does: for every BFS tree edge
     * (u, v) from ring 0, (v, u, w) for the other neighbours w of u and (u, v, w) for the other neighbours w of v;
     * ends sorted, duplicates removed (first occurrence kept).
     */
    static List<int[]> triplets(int[][] nb) {
        List<int[]> out = new ArrayList<>();
        if (nb.length == 0) {
            return out;
        }
        List<int[]> tree = new ArrayList<>();
        bfsOrder(nb, new boolean[nb.length], tree);
        Set<List<Integer>> seen = new LinkedHashSet<>();
        for (int[] e : tree) {
            int n1 = e[0];
            int n2 = e[1];
            for (int n3 : nb[n1]) {
                if (n3 != n2) {
                    seen.add(ordered(n2, n1, n3));
                }
            }
            for (int n3 : nb[n2]) {
                if (n3 != n1) {
                    seen.add(ordered(n1, n2, n3));
                }
            }
        }
        for (List<Integer> t : seen) {
            out.add(new int[] {t.get(0), t.get(1), t.get(2)});
        }
        return out;
    }

    private static List<Integer> ordered(int a, int b, int c) {
        return a < c ? List.of(a, b, c) : List.of(c, b, a);
    }

    private static String checkAngles3(RingType[] types, double[][] pos, List<int[]> triplets, GorKind kind) {
        for (int[] t : triplets) {
            RingType centre = types[t[1]];
            double a = angle(pos[t[0]], pos[t[1]], pos[t[2]]);
            double[][] windows = RingGeometryTables.angleWindows(kind, centre);
            if (windows == null) {
                return "no angle window for a triplet centred on ring " + t[1] + " of type " + centre.key();
            }
            boolean inside = false;
            for (double[] win : windows) {
                inside |= win[0] * (1 - TOL) <= a && a <= win[1] * (1 + TOL);
            }
            if (!inside) {
                StringBuilder w = new StringBuilder();
                for (double[] win : windows) {
                    w.append(w.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.2f°, %.2f°]",
                            win[0] * (1 - TOL), win[1] * (1 + TOL)));
                }
                return String.format(Locale.ROOT, "angle %.2f° at ring %d (%s) between rings %d and %d is outside "
                        + "the allowed windows %s", a, t[1], centre.key(), t[0], t[2], w);
            }
        }
        return null;
    }

    private static String checkAngles4(double[][] pos, int[][] nb, List<int[]> triplets) {
        Set<List<Integer>> quads = new LinkedHashSet<>();
        for (int[] t : triplets) {
            int n1 = t[0];
            int n2 = t[1];
            int n3 = t[2];
            double a = angle(pos[n1], pos[n2], pos[n3]);
            if (170 < a && a < 190) {
                continue; // linear triplets define no dihedral
            }
            for (int n4 : nb[n1]) {
                if (n4 != n2 && n4 != n3) {
                    double b = angle(pos[n4], pos[n1], pos[n2]);
                    if (!(175 < b && b < 185)) {
                        quads.add(orderedQuad(n4, n1, n2, n3));
                    }
                }
            }
            for (int n4 : nb[n3]) {
                if (n4 != n1 && n4 != n2) {
                    double b = angle(pos[n2], pos[n3], pos[n4]);
                    if (!(175 < b && b < 185)) {
                        quads.add(orderedQuad(n1, n2, n3, n4));
                    }
                }
            }
        }
        double trans = RingGeometryTables.DIHEDRAL_TRANS * (1 - TOL);
        double cis = RingGeometryTables.DIHEDRAL_CIS * (1 + TOL);
        for (List<Integer> q : quads) {
            double d = dihedral(pos[q.get(0)], pos[q.get(1)], pos[q.get(2)], pos[q.get(3)]);
            if (!(trans <= d || d <= cis)) {
                return String.format(Locale.ROOT, "dihedral %.2f° over rings %d-%d-%d-%d is neither ≤ %.2f° nor "
                        + "≥ %.2f° (ring system not planar)", d, q.get(0), q.get(1), q.get(2), q.get(3), cis, trans);
            }
        }
        return null;
    }

    private static List<Integer> orderedQuad(int a, int b, int c, int d) {
        return a < d ? List.of(a, b, c, d) : List.of(d, c, b, a);
    }

    /** Angle at b in degrees, in [0, 180]; the cosine is clamped so collinear rings give 180, not NaN. */
    static double angle(double[] a, double[] b, double[] c) {
        double x1 = a[0] - b[0];
        double y1 = a[1] - b[1];
        double z1 = a[2] - b[2];
        double x2 = c[0] - b[0];
        double y2 = c[1] - b[1];
        double z2 = c[2] - b[2];
        double norm = Math.sqrt((x1 * x1 + y1 * y1 + z1 * z1) * (x2 * x2 + y2 * y2 + z2 * z2));
        double cos = (x1 * x2 + y1 * y2 + z1 * z2) / norm;
        return Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, cos))));
    }

    /** Absolute dihedral in degrees (praxeolitic formula), in [0, 180]. */
    static double dihedral(double[] p0, double[] p1, double[] p2, double[] p3) {
        double[] b0 = {p0[0] - p1[0], p0[1] - p1[1], p0[2] - p1[2]};
        double[] b1 = {p2[0] - p1[0], p2[1] - p1[1], p2[2] - p1[2]};
        double[] b2 = {p3[0] - p2[0], p3[1] - p2[1], p3[2] - p2[2]};
        double l = Math.sqrt(dot(b1, b1));
        for (int k = 0; k < 3; k++) {
            b1[k] /= l;
        }
        double s0 = dot(b0, b1);
        double s2 = dot(b2, b1);
        double[] v = {b0[0] - s0 * b1[0], b0[1] - s0 * b1[1], b0[2] - s0 * b1[2]};
        double[] w = {b2[0] - s2 * b1[0], b2[1] - s2 * b1[1], b2[2] - s2 * b1[2]};
        double x = dot(v, w);
        double[] c = {b1[1] * v[2] - b1[2] * v[1], b1[2] * v[0] - b1[0] * v[2], b1[0] * v[1] - b1[1] * v[0]};
        double y = dot(c, w);
        return Math.abs(Math.toDegrees(Math.atan2(y, x)));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
