package org.gaudi.core.gor;

import java.util.*;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.junit.Test;

public class HeliceneProbeTest {
    @Test
    public void probe() throws Exception {
        String[] smis = {"c1ccc2c(c1)ccc1c2ccc2c1ccc1ccc3ccc4ccc5ccc6c7ccccc7ccc6c5c4c3c12",
            "c1ccc2c(c1)ccc1cc3c(ccc4ccc5ccc6ccc7c8ccccc8ccc7c6c5c43)cc12"};
        for (String smi : smis) {
            GraphOfRings g = BenzenoidEmbedder.embed(MoleculeIdentity.parseSmiles(smi));
            boolean[][] adj = RingAdjacency.of(g);
            int n = g.ringCount();
            double[][] p2 = GorDecoder.projectToPlane(g.centroids());
            double zr = 0;
            for (double[] c : g.centroids()) zr = Math.max(zr, Math.abs(c[2]));
            System.out.println(smi + " maxAbsZ=" + zr);
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder("ring " + i + ":");
                int first = -1;
                for (int j = 0; j < n; j++) {
                    if (!adj[i][j]) continue;
                    double a = Math.toDegrees(Math.atan2(p2[j][1] - p2[i][1], p2[j][0] - p2[i][0]));
                    if (first < 0) first = j;
                    double ref = Math.toDegrees(Math.atan2(p2[first][1] - p2[i][1], p2[first][0] - p2[i][0]));
                    double rel = ((a - ref) % 360 + 360) % 360;
                    double dev = rel - 60 * Math.round(rel / 60);
                    sb.append(String.format(" %d(d=%.2f, rel=%.1f, dev=%.1f)", j, g.distance(i, j), rel, dev));
                }
                System.out.println(sb);
            }
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (!adj[i][j] && g.distance(i, j) < 3.2) System.out.printf("close non-fused %d-%d %.3f%n", i, j, g.distance(i, j));
        }
    }
}
