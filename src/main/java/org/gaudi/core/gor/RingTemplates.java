package org.gaudi.core.gor;

/**
 * GaUDI's template polygons (§4.3, Å, vertex k carries element k of {@link RingType#templateElements()}):
 * hexagon with circumradius 1.3846 and vertex k at −60°·(k+1) (vertex 5 on +x); an irregular pentagon with the
 * heteroatom vertex 4 on +x; a square with half-diagonal 0.9475.
 */
public final class RingTemplates {
    private static final double[][] HEXAGON = new double[6][];
    private static final double[][] PENTAGON = {
        {0.300, -1.229}, {-0.943, -0.743}, {-0.943, 0.742}, {0.300, 1.229}, {1.286, 0.0}};
    private static final double S = 0.947523087;
    private static final double[][] SQUARE = {{0.0, S}, {-S, 0.0}, {0.0, -S}, {S, 0.0}};

    static {
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(-60.0 * (k + 1));
            HEXAGON[k] = new double[] {1.3846 * Math.cos(a), 1.3846 * Math.sin(a)};
        }
        HEXAGON[5] = new double[] {1.3846, 0.0};
    }

    private RingTemplates() {
    }

    /** Template vertices (copies), unrotated and centred on the origin; null for {@link RingType#ORIENTATION}. */
    public static double[][] vertices(RingType type) {
        double[][] t;
        switch (type.size()) {
        case 6: t = HEXAGON; break;
        case 5: t = PENTAGON; break;
        case 4: t = SQUARE; break;
        default: return null;
        }
        double[][] c = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            c[i] = t[i].clone();
        }
        return c;
    }

    /** Template vertices that carry an explicit H in GaUDI's decoder: Bl/Pl vertex 4, DhDb vertices 2 and 5. */
    public static int[] hydrogenVertices(RingType type) {
        switch (type) {
        case Bl:
        case Pl:
            return new int[] {4};
        case DhDb:
            return new int[] {2, 5};
        default:
            return new int[0];
        }
    }
}
