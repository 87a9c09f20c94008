package org.gaudi.core.oracle;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.gaudi.core.objective.ObjectiveValue;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Exact ground truth for a design objective: the objective evaluated on exact Hückel properties instead of a
 * predictor's, and every design ranked against all molecules of its ring count in the {@link EmbeddedSpace}. Applies
 * when the objective reads only embedded-dataset properties ({@link EmbeddedDataset#PROPERTIES}, e.g.
 * {@code maximize HMO_GAP_eV}) and the design is an all-carbon cata-condensed benzenoid with at most
 * {@link EmbeddedDataset#MAX_RINGS} rings. Thread-safe; the per-ring-count rankings are built on first use.
 */
public final class ExactOracle {
    private final Objective criterion;
    private final Map<Integer, double[]> sortedLosses = new ConcurrentHashMap<>();

    private ExactOracle(Objective criterion) {
        this.criterion = criterion;
    }

    /**
     * The oracle of an objective, when the objective can be evaluated on exact Hückel properties.
     *
     * @return empty when the objective names a property the embedded space does not have (e.g. a DFT target)
     */
    public static Optional<ExactOracle> forObjective(Objective objective) {
        if (objective == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExactOracle(objective.bind(EmbeddedDataset.PROPERTIES)));
        } catch (ObjectiveSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The objective, bound to {@link EmbeddedDataset#PROPERTIES}. */
    public Objective criterion() {
        return criterion;
    }

    /** Unit of the criterion's value: the property's unit when it reads one property, else empty. */
    public String unit() {
        var names = criterion.referencedNames();
        String u = names.size() == 1 ? org.gaudi.core.huckel.HuckelProperties.unit(names.iterator().next()) : null;
        return u == null ? "" : u;
    }

    /**
     * The canonical annulation id of a molecule, or null when it is not an all-carbon cata-condensed benzenoid with a
     * ring count the embedded space covers.
     */
    public static String canonicalId(IAtomContainer molecule) {
        if (molecule == null) {
            return null;
        }
        try {
            String id = BenzenoidEmbedder.canonicalId(molecule);
            return EmbeddedSpace.covers(ringsOf(id)) ? id : null;
        } catch (GorEncodingException e) {
            return null;
        }
    }

    /** The ring count of a canonical id ({@code h:code}). */
    static int ringsOf(String canonicalId) {
        return Integer.parseInt(canonicalId.substring(0, canonicalId.indexOf(':')));
    }

    /** The score of a decoded molecule; null when it is outside the embedded space (see {@link #canonicalId}). */
    public OracleScore score(IAtomContainer molecule) {
        String id = canonicalId(molecule);
        return id == null ? null : score(id);
    }

    /**
     * The score of a molecule of the space.
     *
     * @throws IllegalArgumentException when the id is not a molecule of the embedded space
     */
    public OracleScore score(String canonicalId) {
        int rings = ringsOf(canonicalId);
        EmbeddedSpace space = EmbeddedSpace.of(rings);
        int i = space.indexOf(canonicalId);
        if (i < 0) {
            throw new IllegalArgumentException(canonicalId + " is not a molecule of the embedded space");
        }
        ObjectiveValue v = criterion.evaluate(space.properties(i));
        double loss = loss(v);
        double[] sorted = sortedLosses(rings);
        int better = lowerBound(sorted, loss);
        Double value = v.isDefined() && Double.isFinite(v.value()) ? v.value() : null;
        return new OracleScore(canonicalId, rings, value, better + 1, sorted.length);
    }

    /** The exact value of the criterion for molecule i of a space, NaN where undefined. */
    public double value(EmbeddedSpace space, int i) {
        ObjectiveValue v = criterion.evaluate(space.properties(i));
        return v.isDefined() ? v.value() : Double.NaN;
    }

    /** The best exact value of the criterion among all molecules of a ring count. */
    public double bestValue(int rings) {
        double best = sortedLosses(rings)[0];
        return criterion.direction().lossSign() * best;
    }

    /** Whether value a is strictly better than b under the criterion's direction. */
    public boolean better(double a, double b) {
        return criterion.direction().lossSign() * a < criterion.direction().lossSign() * b;
    }

    /** Loss (lower is better); undefined values rank last. */
    private double loss(ObjectiveValue v) {
        double x = v.isDefined() ? criterion.direction().lossSign() * v.value() : Double.NaN;
        return Double.isFinite(x) ? x : Double.POSITIVE_INFINITY;
    }

    private double[] sortedLosses(int rings) {
        return sortedLosses.computeIfAbsent(rings, r -> {
            EmbeddedSpace space = EmbeddedSpace.of(r);
            double[] l = new double[space.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = loss(criterion.evaluate(space.properties(i)));
            }
            Arrays.sort(l);
            return l;
        });
    }

    /** Number of entries strictly below x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
