package org.gaudi.core.gor;

/** Ring–ring "fused" adjacency from ring-node positions (GaUDI {@code positions2adj}, §4.1). */
public final class RingAdjacency {
    private RingAdjacency() {
    }

    /** Adjacency of the GOR's rings under its own {@link GorKind}. */
    public static boolean[][] of(GraphOfRings gor) {
        return of(gor.types(), gor.centroids(), GorKind.of(gor));
    }

    /**
     * @param types     ring type per node
     * @param positions ring-node coordinates (Å), one row of 3 per ring
     */
    public static boolean[][] of(RingType[] types, double[][] positions, GorKind kind) {
        int n = types.length;
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (RingGeometryTables.fused(kind, types[i], types[j], distance(positions[i], positions[j]))) {
                    adj[i][j] = true;
                    adj[j][i] = true;
                }
            }
        }
        return adj;
    }

    static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
