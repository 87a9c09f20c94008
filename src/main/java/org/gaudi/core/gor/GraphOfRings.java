package org.gaudi.core.gor;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A molecule as a graph of rings (GaUDI §3): one node per ring at the ring's centroid (Å) with a ring type.
 * Cata-condensed benzenoids use only {@link RingType#Bn} and no orientation nodes. For hetero systems,
 * {@code orientation[i]} is ring i's orientation-node position (the centroid itself for Bn/Cbd), else null.
 * A ring with two heteroatoms (Pz, Db) may also carry its other candidate position
 * ({@link #orientationAlternatives()}); {@link #withOrientationDrawn} picks one of the two at random, as GaUDI does
 * every time it loads a training sample. Instances are immutable.
 */
public final class GraphOfRings {
    private final RingType[] types;
    private final double[][] centroids;
    private final double[][] orientation;
    private final double[][] alternatives;

    public GraphOfRings(RingType[] types, double[][] centroids, double[][] orientation) {
        this(types, centroids, orientation, null);
    }

    /**
     * @param alternatives per ring, the second orientation-node candidate or null (one candidate); null for none at
     *                     all. Needs {@code orientation}.
     */
    public GraphOfRings(RingType[] types, double[][] centroids, double[][] orientation, double[][] alternatives) {
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
        if (alternatives != null) {
            if (orientation == null || alternatives.length != types.length) {
                throw new IllegalArgumentException("orientation alternatives need orientation nodes, one entry per ring");
            }
            for (double[] a : alternatives) {
                if (a != null && (a.length != 3 || !Double.isFinite(a[0]) || !Double.isFinite(a[1])
                        || !Double.isFinite(a[2]))) {
                    throw new IllegalArgumentException("each orientation alternative must be 3 finite coordinates");
                }
            }
        }
        this.types = types.clone();
        this.centroids = deepCopy(centroids);
        this.orientation = orientation == null ? null : deepCopy(orientation);
        this.alternatives = alternatives == null || allNull(alternatives) ? null : deepCopy(alternatives);
    }

    private static boolean allNull(double[][] a) {
        for (double[] p : a) {
            if (p != null) {
                return false;
            }
        }
        return true;
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

    /**
     * Per ring, the second orientation-node candidate (the other heteroatom of a Pz or Db ring) or null; null when
     * no ring has one.
     */
    public double[][] orientationAlternatives() {
        return alternatives == null ? null : deepCopy(alternatives);
    }

    /** Whether some ring has a second orientation-node candidate. */
    public boolean hasOrientationAlternatives() {
        return alternatives != null;
    }

    /**
     * This graph with each two-candidate ring's orientation node drawn uniformly from its two candidates (GaUDI's
     * load-time augmentation); the graph itself when no ring has a choice. The result keeps the candidate not drawn
     * as its alternative, so it can be drawn again.
     */
    public GraphOfRings withOrientationDrawn(SplittableRandom random) {
        if (alternatives == null) {
            return this;
        }
        double[][] o = deepCopy(orientation);
        double[][] alt = deepCopy(alternatives);
        for (int i = 0; i < o.length; i++) {
            if (alt[i] != null && random.nextBoolean()) {
                double[] t = o[i];
                o[i] = alt[i];
                alt[i] = t;
            }
        }
        return new GraphOfRings(types, centroids, o, alt);
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
                && Arrays.deepEquals(orientation, g.orientation) && Arrays.deepEquals(alternatives, g.alternatives);
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
