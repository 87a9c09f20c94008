package org.gaudi.core.chem;

import java.util.Arrays;

/**
 * Maximum-cardinality matching in a general (non-bipartite) graph: Edmonds' blossom algorithm, O(V³). Odd rings
 * (five-membered hetero rings) make the bond-order graphs non-bipartite, so a bipartite matcher would not do.
 */
public final class MaximumMatching {
    private final int n;
    private final int[][] adj;
    private final int[] match;
    private final int[] parent;
    private final int[] base;
    private final int[] queue;
    private final boolean[] used;
    private final boolean[] blossom;
    private final boolean[] onPath;

    private MaximumMatching(int[][] adj) {
        this.n = adj.length;
        this.adj = adj;
        this.match = new int[n];
        this.parent = new int[n];
        this.base = new int[n];
        this.queue = new int[n];
        this.used = new boolean[n];
        this.blossom = new boolean[n];
        this.onPath = new boolean[n];
    }

    /**
     * @param adj adjacency lists of an undirected simple graph (each edge listed at both ends)
     * @return mate[v] = partner of v, or -1 when v is unmatched; the matching has maximum cardinality
     */
    public static int[] of(int[][] adj) {
        MaximumMatching m = new MaximumMatching(adj);
        m.run();
        return m.match;
    }

    private void run() {
        Arrays.fill(match, -1);
        // Greedy start: cheap and leaves fewer augmentations.
        for (int v = 0; v < n; v++) {
            if (match[v] == -1) {
                for (int w : adj[v]) {
                    if (match[w] == -1 && w != v) {
                        match[v] = w;
                        match[w] = v;
                        break;
                    }
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (match[v] == -1) {
                int end = findAugmentingPath(v);
                while (end != -1) { // flip the alternating path ending at `end`
                    int pv = parent[end];
                    int next = match[pv];
                    match[end] = pv;
                    match[pv] = end;
                    end = next;
                }
            }
        }
    }

    private int findAugmentingPath(int root) {
        Arrays.fill(used, false);
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            base[i] = i;
        }
        used[root] = true;
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        while (head < tail) {
            int v = queue[head++];
            for (int to : adj[v]) {
                if (base[v] == base[to] || match[v] == to) {
                    continue;
                }
                if (to == root || (match[to] != -1 && parent[match[to]] != -1)) {
                    int b = lowestCommonBase(v, to);
                    Arrays.fill(blossom, false);
                    markPath(v, b, to);
                    markPath(to, b, v);
                    for (int i = 0; i < n; i++) {
                        if (blossom[base[i]]) {
                            base[i] = b;
                            if (!used[i]) {
                                used[i] = true;
                                queue[tail++] = i;
                            }
                        }
                    }
                } else if (parent[to] == -1) {
                    parent[to] = v;
                    if (match[to] == -1) {
                        return to;
                    }
                    int m = match[to];
                    used[m] = true;
                    queue[tail++] = m;
                }
            }
        }
        return -1;
    }

    private int lowestCommonBase(int a, int b) {
        Arrays.fill(onPath, false);
        while (true) {
            a = base[a];
            onPath[a] = true;
            if (match[a] == -1) {
                break;
            }
            a = parent[match[a]];
        }
        while (true) {
            b = base[b];
            if (onPath[b]) {
                return b;
            }
            b = parent[match[b]];
        }
    }

    private void markPath(int v, int b, int child) {
        while (base[v] != b) {
            blossom[base[v]] = true;
            blossom[base[match[v]]] = true;
            parent[v] = child;
            child = match[v];
            v = parent[match[v]];
        }
    }

    /** Number of matched pairs in a mate array. */
    public static int size(int[] mate) {
        int c = 0;
        for (int v = 0; v < mate.length; v++) {
            if (mate[v] > v) {
                c++;
            }
        }
        return c;
    }
}
