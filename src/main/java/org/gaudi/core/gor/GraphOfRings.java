package org.gaudi.core.gor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A molecule as a graph of rings (GaUDI §3): one node per ring at the ring's centroid (Å) with a ring type.
 * Cata-condensed benzenoids use only {@link RingType#Bn} and no orientation nodes. For hetero systems,
 * {@code orientation[i]} is ring i's orientation-node position (the centroid itself for Bn/Cbd), else null.
 * Instances are immutable.
 */
public final class GraphOfRings {
    private final RingType[] types;
    private final double[][] centroids;
    private final double[][] orientation;

    public GraphOfRings(RingType[] types, double[][] centroids, double[][] orientation) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(centroids, "centroids");
        if (types.length != centroids.length) {
            throw new IllegalArgumentException("types (" + types.length + ") and centroids (" + centroids.length
                    + ") differ in length");
        }
        if (orientation != null && orientation.length != types.length) {
            throw new IllegalArgumentException("orientation nodes must be one per ring");
        }
        for (double[] c : centroids) {
            if (c.length != 3 || !Double.isFinite(c[0]) || !Double.isFinite(c[1]) || !Double.isFinite(c[2])) {
                throw new IllegalArgumentException("each centroid must be 3 finite coordinates");
            }
        }
        this.types = types.clone();
        this.centroids = deepCopy(centroids);
        this.orientation = orientation == null ? null : deepCopy(orientation);
    }

    /** A benzenoid (all rings {@link RingType#Bn}) graph of rings. */
    public static GraphOfRings benzenoid(double[][] centroids) {
        RingType[] t = new RingType[centroids.length];
        Arrays.fill(t, RingType.Bn);
        return new GraphOfRings(t, centroids, null);
    }

    public int ringCount() {
        return types.length;
    }

    public RingType type(int ring) {
        return types[ring];
    }

    public RingType[] types() {
        return types.clone();
    }

    /** Centroid of ring i in Å (a copy). */
    public double[] centroid(int ring) {
        return centroids[ring].clone();
    }

    public double[][] centroids() {
        return deepCopy(centroids);
    }

    public boolean hasOrientationNodes() {
        return orientation != null;
    }

    public double[][] orientationNodes() {
        return orientation == null ? null : deepCopy(orientation);
    }

    public boolean isBenzenoid() {
        for (RingType t : types) {
            if (t != RingType.Bn) {
                return false;
            }
        }
        return true;
    }

    public double distance(int i, int j) {
        double dx = centroids[i][0] - centroids[j][0];
        double dy = centroids[i][1] - centroids[j][1];
        double dz = centroids[i][2] - centroids[j][2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GraphOfRings)) {
            return false;
        }
        GraphOfRings g = (GraphOfRings) o;
        return Arrays.equals(types, g.types) && Arrays.deepEquals(centroids, g.centroids)
                && Arrays.deepEquals(orientation, g.orientation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(types) + Arrays.deepHashCode(centroids);
    }

    @Override
    public String toString() {
        return "GraphOfRings[" + types.length + " rings]";
    }
}
