package org.gaudi.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;

/**
 * What the dataset offers at one ring count, as a yardstick for designs: the distribution of a property (the Hückel
 * gap in the demo) over every dataset molecule with that many rings, its mean and its extremes.
 *
 * @param property    the property's name, e.g. {@code HMO_GAP_eV}
 * @param ringCount   ring count compared
 * @param values      the property of every dataset molecule with {@code ringCount} rings (finite values only)
 * @param bestValue   the largest value
 * @param bestId      id of the molecule with the largest value
 * @param bestSmiles  its SMILES
 * @param meanValue   the mean
 * @param lowestValue the smallest value
 * @param source      the dataset's description
 */
public record DatasetReference(String property, int ringCount, double[] values, double bestValue, String bestId,
        String bestSmiles, double meanValue, double lowestValue, String source) {

    public DatasetReference {
        Objects.requireNonNull(property, "property");
        values = values.clone();
    }

    /**
     * The reference for one ring count of a dataset.
     *
     * @throws IllegalArgumentException when the dataset lacks the property or has no molecule with that ring count
     *                                  and a finite value
     */
    public static DatasetReference of(Dataset data, String property, int ringCount) {
        int column = data.propertyIndex(property);
        if (column < 0) {
            throw new IllegalArgumentException("dataset '" + data.source() + "' has no property " + property
                    + "; it has " + data.propertyNames());
        }
        List<Double> v = new ArrayList<>();
        MoleculeRecord best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (MoleculeRecord r : data.records()) {
            double x = r.property(column);
            if (r.ringCount() != ringCount || !Double.isFinite(x)) {
                continue;
            }
            v.add(x);
            sum += x;
            lowest = Math.min(lowest, x);
            if (x > bestValue) {
                bestValue = x;
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("dataset '" + data.source() + "' has no molecule with " + ringCount
                    + " rings and a value of " + property);
        }
        double[] values = v.stream().mapToDouble(Double::doubleValue).toArray();
        return new DatasetReference(property, ringCount, values, bestValue, best.id(), best.smiles(),
                sum / values.length, lowest, data.source());
    }

    /** Dataset molecules compared. */
    public int count() {
        return values.length;
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }
}
