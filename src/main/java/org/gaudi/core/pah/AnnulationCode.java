package org.gaudi.core.pah;

/**
 * Canonical annulation code of a cata-condensed benzenoid: a string that is equal for two trees of hexagons iff
 * they are the same molecule (same ring-fusion tree with the same relative edge positions, up to rotation and
 * mirror image).
 *
 * <p>Format {@code h:code}. The tree is rooted at its centre: a central ring, or a central fused pair written as
 * {@code A|B} (A's and B's subtrees, each seen from the other). A ring's fused neighbours are named by their edge
 * slot k relative to a reference edge, counted in one rotational sense: for an ordinary ring the reference is the
 * edge to its parent and k ∈ {2 (angular), 3 (linear), 4 (angular, other side)}; for a central ring the reference
 * is one fused edge (slot 0) and k ∈ 0..5. Children are listed by increasing slot, all but the last in
 * parentheses, each followed by its own subtree (grammar {@code node := ('(' k node ')')* (k node)?}). The code is
 * the lexicographically smallest over all reference choices and both senses. Examples: benzene {@code 1:},
 * naphthalene {@code 2:|}, anthracene {@code 3:(0)3}, phenanthrene {@code 3:(0)2}, triphenylene {@code 4:(0)(2)4}.
 */
final class AnnulationCode {
    private AnnulationCode() {
    }

    /** The canonical code of a tree of hexagons. */
    static String of(HexTree t) {
        int n = t.size();
        int[] centre = centre(t);
        String best = null;
        StringBuilder sb = new StringBuilder(8 * n);
        if (centre.length == 1) {
            int root = centre[0];
            for (int d0 = 0; d0 < 6; d0++) {
                if (t.neighbour(root, d0) < 0 && n > 1) {
                    continue;
                }
                for (int o = -1; o <= 1; o += 2) {
                    sb.setLength(0);
                    sb.append(n).append(':');
                    appendChildren(t, root, d0, o, 0, 5, sb);
                    best = min(best, sb);
                }
                if (n == 1) {
                    break;
                }
            }
        } else {
            int a = centre[0];
            int b = centre[1];
            int dab = -1;
            for (int d = 0; d < 6; d++) {
                if (t.neighbour(a, d) == b) {
                    dab = d;
                }
            }
            for (int swap = 0; swap < 2; swap++) {
                int x = swap == 0 ? a : b;
                int y = swap == 0 ? b : a;
                int dxy = swap == 0 ? dab : HexTree.mod6(dab + 3);
                for (int o = -1; o <= 1; o += 2) {
                    sb.setLength(0);
                    sb.append(n).append(':');
                    appendChildren(t, x, dxy, o, 2, 4, sb);
                    sb.append('|');
                    appendChildren(t, y, HexTree.mod6(dxy + 3), o, 2, 4, sb);
                    best = min(best, sb);
                }
            }
        }
        return best;
    }

    private static String min(String best, StringBuilder candidate) {
        if (best == null) {
            return candidate.toString();
        }
        // compare without allocating when the candidate loses
        int len = Math.min(best.length(), candidate.length());
        for (int i = 0; i < len; i++) {
            char c1 = candidate.charAt(i);
            char c2 = best.charAt(i);
            if (c1 != c2) {
                return c1 < c2 ? candidate.toString() : best;
            }
        }
        return candidate.length() < best.length() ? candidate.toString() : best;
    }

    /** Appends the children of {@code ring} at slots kMin..kMax relative to reference direction {@code ref}. */
    private static void appendChildren(HexTree t, int ring, int ref, int o, int kMin, int kMax, StringBuilder sb) {
        int last = -1;
        for (int k = kMax; k >= kMin; k--) {
            if (t.neighbour(ring, ref + o * k) >= 0) {
                last = k;
                break;
            }
        }
        for (int k = kMin; k <= last; k++) {
            int dir = HexTree.mod6(ref + o * k);
            int child = t.neighbour(ring, dir);
            if (child < 0) {
                continue;
            }
            boolean branch = k != last;
            if (branch) {
                sb.append('(');
            }
            sb.append((char) ('0' + k));
            appendChildren(t, child, dir + 3, o, 2, 4, sb);
            if (branch) {
                sb.append(')');
            }
        }
    }

    /** The one or two central rings of the fusion tree (leaves stripped repeatedly). */
    static int[] centre(HexTree t) {
        int n = t.size();
        if (n <= 2) {
            return n == 1 ? new int[] {0} : new int[] {0, 1};
        }
        int[] deg = new int[n];
        int[] layer = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            deg[i] = t.degree(i);
            if (deg[i] == 1) {
                queue[tail++] = i;
            }
        }
        int maxLayer = 0;
        while (head < tail) {
            int v = queue[head++];
            for (int d = 0; d < 6; d++) {
                int w = t.neighbour(v, d);
                if (w >= 0 && --deg[w] == 1) {
                    layer[w] = layer[v] + 1;
                    maxLayer = Math.max(maxLayer, layer[w]);
                    queue[tail++] = w;
                }
            }
        }
        int c1 = -1;
        int c2 = -1;
        for (int i = 0; i < n; i++) {
            if (layer[i] == maxLayer) {
                if (c1 < 0) {
                    c1 = i;
                } else {
                    c2 = i;
                }
            }
        }
        return c2 < 0 ? new int[] {c1} : new int[] {c1, c2};
    }

    /**
     * Rebuilds the tree of a code in canonical position: the central ring (or the first ring of the central pair)
     * in cell (0, 0), its reference edge facing direction 0, slots counted counter-clockwise. Rings are numbered
     * in the order they appear in the code.
     *
     * @throws IllegalArgumentException if the string is not a well-formed code
     */
    static HexTree parse(String code) {
        int colon = code.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an annulation code (expected 'h:...'): " + code);
        }
        int h;
        try {
            h = Integer.parseInt(code.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an annulation code (bad ring count): " + code, e);
        }
        HexTree.Builder b = new HexTree.Builder();
        int[] pos = {colon + 1};
        int bar = code.indexOf('|');
        if (bar < 0) {
            parseChildren(code, pos, b, 0, 0, 0, 5);
        } else {
            int second = b.add(0, 0);
            parseChildren(code, pos, b, 0, 0, 2, 4);
            expect(code, pos, '|');
            parseChildren(code, pos, b, second, 3, 2, 4);
        }
        if (pos[0] != code.length()) {
            throw new IllegalArgumentException("not an annulation code (unexpected '" + code.charAt(pos[0])
                    + "' at " + pos[0] + "): " + code);
        }
        if (b.size() != h) {
            throw new IllegalArgumentException("annulation code describes " + b.size() + " rings, not " + h + ": "
                    + code);
        }
        return b.build();
    }

    private static void parseChildren(String s, int[] pos, HexTree.Builder b, int ring, int ref, int kMin, int kMax) {
        int lastK = kMin - 1;
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            boolean branch = c == '(';
            if (branch) {
                pos[0]++;
            } else if (c < '0' || c > '9') {
                return;
            }
            int k = digit(s, pos);
            if (k < kMin || k > kMax || k <= lastK) {
                throw new IllegalArgumentException("not an annulation code (slot " + k + " out of order at "
                        + (pos[0] - 1) + "): " + s);
            }
            lastK = k;
            int dir = HexTree.mod6(ref + k);
            int child = b.add(ring, dir);
            parseChildren(s, pos, b, child, dir + 3, 2, 4);
            if (branch) {
                expect(s, pos, ')');
            } else {
                return;
            }
        }
    }

    private static int digit(String s, int[] pos) {
        if (pos[0] >= s.length() || !Character.isDigit(s.charAt(pos[0]))) {
            throw new IllegalArgumentException("not an annulation code (digit expected at " + pos[0] + "): " + s);
        }
        return s.charAt(pos[0]++) - '0';
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("not an annulation code ('" + c + "' expected at " + pos[0] + "): "
                    + s);
        }
        pos[0]++;
    }
}
