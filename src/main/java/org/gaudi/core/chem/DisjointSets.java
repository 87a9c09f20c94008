package org.gaudi.core.chem;

/**
 * Union-find over {@code int[] parent} arrays (parent[i] == i for a root), the one home for merging atoms or rings
 * into systems. Path halving keeps the trees flat; callers own the array, so a parent array can be inspected.
 */
public final class DisjointSets {
    private DisjointSets() {
    }

    /** A parent array of {@code n} singletons. */
    public static int[] singletons(int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        return parent;
    }

    /** The root of {@code x}'s set. */
    public static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Merges the sets of {@code a} and {@code b}; the root of b's set becomes the root. */
    public static void join(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** Merges the sets of {@code a} and {@code b} under the smaller root, so roots are the lowest members. */
    public static void joinUnderSmallerRoot(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
