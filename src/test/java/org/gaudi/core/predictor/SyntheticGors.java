package org.gaudi.core.predictor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gaudi.core.gor.GraphOfRings;

/**
 * Random cata-like benzenoid graphs of rings for tests: ring centroids grown on a triangular lattice with spacing
 * 2.45 Å (fused benzene rings), then randomly rotated and shifted. Targets: ring count (visible from the node
 * mask alone) and the number of fused ring pairs (centroids 2.45 Å apart) beyond the n − 1 of a chain, i.e. the
 * compactness, which only the geometry tells.
 */
final class SyntheticGors {
    static final double SPACING = 2.45;
    private static final int[][] DIRS = {{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}};

    final List<GraphOfRings> gors = new ArrayList<>();
    final double[][] targets;

    SyntheticGors(int count, int minRings, int maxRings, long seed) {
        Random rnd = new Random(seed);
        targets = new double[count][];
        for (int g = 0; g < count; g++) {
            int n = minRings + rnd.nextInt(maxRings - minRings + 1);
            List<int[]> cells = new ArrayList<>();
            Set<Long> used = new HashSet<>();
            cells.add(new int[] {0, 0});
            used.add(0L);
            while (cells.size() < n) {
                int[] from = cells.get(rnd.nextInt(cells.size()));
                int[] d = DIRS[rnd.nextInt(6)];
                int[] c = {from[0] + d[0], from[1] + d[1]};
                if (used.add(c[0] * 1000L + c[1])) {
                    cells.add(c);
                }
            }
            double[][] rot = PredictorTestData.randomOrthogonal(rnd.nextLong(), false);
            double[] shift = {rnd.nextGaussian() * 3, rnd.nextGaussian() * 3, rnd.nextGaussian() * 3};
            double[][] pos = new double[n][3];
            for (int i = 0; i < n; i++) {
                double px = SPACING * (cells.get(i)[0] + 0.5 * cells.get(i)[1]);
                double py = SPACING * (Math.sqrt(3) / 2 * cells.get(i)[1]);
                for (int k = 0; k < 3; k++) {
                    pos[i][k] = rot[k][0] * px + rot[k][1] * py + shift[k];
                }
            }
            GraphOfRings gor = GraphOfRings.benzenoid(pos);
            int fused = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    fused += gor.distance(i, j) < 1.1 * SPACING ? 1 : 0;
                }
            }
            gors.add(gor);
            targets[g] = new double[] {n, fused - (n - 1)};
        }
    }
}
