package org.gaudi.core.chem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class MaximumMatchingTest {

    private static int[][] graph(int n, int[][] edges) {
        List<List<Integer>> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            a.get(e[0]).add(e[1]);
            a.get(e[1]).add(e[0]);
        }
        int[][] g = new int[n][];
        for (int i = 0; i < n; i++) {
            g[i] = a.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return g;
    }

    private static void assertValidMatching(int[][] g, int[] mate) {
        for (int v = 0; v < mate.length; v++) {
            if (mate[v] >= 0) {
                assertEquals(v, mate[mate[v]]);
                boolean edge = false;
                for (int w : g[v]) {
                    edge |= w == mate[v];
                }
                assertTrue("matched pair " + v + "-" + mate[v] + " is not an edge", edge);
            }
        }
    }

    /** Exhaustive maximum matching size (small graphs only). */
    private static int bruteForce(int[][] g, int v, boolean[] used) {
        int n = g.length;
        while (v < n && used[v]) {
            v++;
        }
        if (v >= n) {
            return 0;
        }
        used[v] = true;
        int best = bruteForce(g, v + 1, used); // v unmatched
        for (int w : g[v]) {
            if (!used[w]) {
                used[w] = true;
                best = Math.max(best, 1 + bruteForce(g, v + 1, used));
                used[w] = false;
            }
        }
        used[v] = false;
        return best;
    }

    @Test
    public void oddCycleLeavesOneVertexUnmatched() {
        int[][] c5 = graph(5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
        int[] mate = MaximumMatching.of(c5);
        assertValidMatching(c5, mate);
        assertEquals(2, MaximumMatching.size(mate));
    }

    @Test
    public void augmentsThroughAnOddCycle() {
        // The greedy start (index order) pairs 0-2 and 1-3 and leaves 4 and 5 free; the maximum matching
        // 0-2, 1-5, 3-4 needs the augmenting path 4-3=1-5. Blossoms are covered by the random comparison below.
        int[][] g = graph(6, new int[][] {{0, 2}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {1, 5}});
        int[] mate = MaximumMatching.of(g);
        assertValidMatching(g, mate);
        assertEquals(3, MaximumMatching.size(mate));
    }

    @Test
    public void matchesExhaustiveSearchOnRandomGraphs() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + rnd.nextInt(11);
            double p = 0.15 + 0.5 * rnd.nextDouble();
            List<int[]> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rnd.nextDouble() < p) {
                        edges.add(new int[] {i, j});
                    }
                }
            }
            int[][] g = graph(n, edges.toArray(new int[0][]));
            int[] mate = MaximumMatching.of(g);
            assertValidMatching(g, mate);
            assertEquals("trial " + trial, bruteForce(g, 0, new boolean[n]), MaximumMatching.size(mate));
        }
    }
}
