package org.gaudi.core.gor;

import java.util.EnumMap;
import java.util.Map;

/**
 * GaUDI's data-derived geometry windows (§4.1–4.2): fused-ring centroid distances per type pair and ring-triplet
 * angles per centre type, plus the dihedral limits for cata GORs. Windows are raw; callers widen them by
 * {@link #TOL} as the reference does.
 */
public final class RingGeometryTables {
    /** GaUDI's relative tolerance on every window. */
    public static final double TOL = 0.1;

    private static final int N = RingType.values().length;
    private static final double[][][] HETERO_DIST = new double[N][N][];
    private static final double[][][] CATA_DIST = new double[N][N][];
    private static final Map<RingType, double[][]> HETERO_ANGLES = new EnumMap<>(RingType.class);
    private static final Map<RingType, double[][]> CATA_ANGLES = new EnumMap<>(RingType.class);

    /** Dihedral limits (cata): planar iff |dihedral| ≥ 135.031·0.9 or ≤ 43.943·1.1 degrees. */
    public static final double DIHEDRAL_TRANS = 135.031;
    public static final double DIHEDRAL_CIS = 43.943;

    static {
        put(CATA_DIST, "Bn-Bn", 2.42, 2.48);
        Object[][] h = {
            {"Pl-Bn", 2.13, 2.18}, {"Th-Bn", 2.22, 2.28}, {"Bn-Bn", 2.42, 2.48}, {"Fu-Bn", 2.12, 2.17},
            {"Fu-Cbd", 1.61, 1.70}, {"Cbd-Bn", 1.87, 1.95}, {"Bn-Bl", 2.18, 2.26}, {"Pd-Bn", 2.33, 2.39},
            {"Db-Bn", 2.51, 2.63}, {"Pz-Bn", 2.38, 2.46}, {"Pz-Db", 2.48, 2.61}, {"Bz-Bn", 2.42, 2.55},
            {"Th-Bz", 2.22, 2.34}, {"Db-Bl", 2.27, 2.40}, {"Pl-Cbd", 1.62, 1.70}, {"Db-Cbd", 1.93, 2.09},
            {"Th-Bl", 1.99, 2.06}, {"Fu-Db", 2.22, 2.32}, {"Db-Bz", 2.53, 2.69}, {"Th-Fu", 1.93, 1.99},
            {"Pd-Bl", 2.10, 2.17}, {"Pz-Pd", 2.29, 2.37}, {"Pz-Bz", 2.38, 2.53}, {"Bl-Bl", 1.96, 2.06},
            {"Db-Db", 2.53, 2.78}, {"Th-Db", 2.31, 2.43}, {"Cbd-Bz", 1.83, 2.00}, {"Bz-Bl", 2.20, 2.32},
            {"Fu-Bz", 2.11, 2.24}, {"Fu-Fu", 1.86, 1.89}, {"Pd-Db", 2.45, 2.54}, {"Th-Pd", 2.13, 2.18},
            {"Pz-Bl", 2.14, 2.24}, {"Pz-Fu", 2.08, 2.15}, {"Pz-Pl", 2.09, 2.17}, {"Pd-Bz", 2.33, 2.46},
            {"Th-Cbd", 1.70, 1.78}, {"Th-Pz", 2.17, 2.26}, {"Pl-Pd", 2.05, 2.09}, {"Th-Pl", 1.95, 1.99},
            {"Bz-Bz", 2.47, 2.61}, {"Pz-Pz", 2.33, 2.42}, {"Pd-Fu", 2.03, 2.08}, {"Fu-Bl", 1.89, 1.97},
            {"Pl-Fu", 1.87, 1.90}, {"Pl-Bl", 1.91, 1.98}, {"Pl-Db", 2.22, 2.34}, {"Th-Th", 2.03, 2.08},
            {"Cbd-Cbd", 1.25, 1.46}, {"Pl-Bz", 2.13, 2.25}, {"Pd-Cbd", 1.80, 1.84}, {"Pz-Cbd", 1.84, 1.93},
            {"Pl-Pl", 1.89, 1.91}, {"Pd-Pd", 2.25, 2.35}, {"Cbd-Bl", 1.65, 1.75},
        };
        for (Object[] e : h) {
            put(HETERO_DIST, (String) e[0], (Double) e[1], (Double) e[2]);
        }
        // Angle windows (0.1 % / 99.9 % quantiles of the training GORs), GaUDI utils.py.
        CATA_ANGLES.put(RingType.Bn, new double[][] {{105.772, 133.193}, {177.333, 183.089}, {227.120, 255.250}});
        HETERO_ANGLES.put(RingType.Bl, new double[][] {{127.3096694946289, 145.93600463867188}});
        HETERO_ANGLES.put(RingType.Bn, new double[][] {{108.33101654052734, 127.21441650390625},
            {170.7755126953125, 180.0}});
        HETERO_ANGLES.put(RingType.Db, new double[][] {{156.42091369628906, 180.0}});
        HETERO_ANGLES.put(RingType.Fu, new double[][] {{135.90780639648438, 153.3458251953125}});
        HETERO_ANGLES.put(RingType.Pl, new double[][] {{134.00990295410156, 151.88079833984375}});
        HETERO_ANGLES.put(RingType.Bz, new double[][] {{108.01634216308594, 123.69662475585938},
            {169.33651733398438, 179.944580078125}});
        HETERO_ANGLES.put(RingType.Pz, new double[][] {{168.29324340820312, 180.0}});
        HETERO_ANGLES.put(RingType.Pd, new double[][] {{108.94857788085938, 126.54322052001953},
            {168.7400360107422, 179.96141052246094}});
        HETERO_ANGLES.put(RingType.Th, new double[][] {{126.71401977539062, 142.5613555908203}});
        HETERO_ANGLES.put(RingType.Cbd, new double[][] {{155.19215393066406, 180.0}});
    }

    private RingGeometryTables() {
    }

    private static void put(double[][][] table, String key, double lo, double hi) {
        String[] ab = key.split("-");
        RingType a = RingType.valueOf(ab[0]);
        RingType b = RingType.valueOf(ab[1]);
        double[] w = {lo, hi};
        table[a.ordinal()][b.ordinal()] = w;
        table[b.ordinal()][a.ordinal()] = w;
    }

    /** Raw fused-distance window (d_min, d_max) in Å for a type pair, or null when the pair is never fused. */
    public static double[] distanceWindow(GorKind kind, RingType a, RingType b) {
        double[] w = (kind == GorKind.CATA ? CATA_DIST : HETERO_DIST)[a.ordinal()][b.ordinal()];
        return w == null ? null : w.clone();
    }

    /** Whether rings of these types at distance d (Å) are fused: d_min·0.9 &lt; d &lt; d_max·1.1 (strict). */
    public static boolean fused(GorKind kind, RingType a, RingType b, double d) {
        double[] w = (kind == GorKind.CATA ? CATA_DIST : HETERO_DIST)[a.ordinal()][b.ordinal()];
        return w != null && w[0] * (1 - TOL) < d && d < w[1] * (1 + TOL);
    }

    /** Closest allowed distance between any two rings: the smallest d_min times 0.9 (2.178 Å cata, 1.125 hetero). */
    public static double minimumDistance(GorKind kind) {
        return (kind == GorKind.CATA ? 2.42 : 1.25) * (1 - TOL);
    }

    /** Raw angle windows (degrees) for a triplet centred on this type; null when the type has none (DhDb). */
    public static double[][] angleWindows(GorKind kind, RingType centre) {
        double[][] w = (kind == GorKind.CATA ? CATA_ANGLES : HETERO_ANGLES).get(centre);
        if (w == null) {
            return null;
        }
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }
}
