package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;

/** Small selections on core datasets that nodes need (data plumbing only). */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The same dataset with only the given properties, in the given order.
     *
     * @throws IllegalArgumentException naming a property the dataset does not have
     */
    public static Dataset selectProperties(final Dataset data, final List<String> properties) {
        if (properties.equals(data.propertyNames())) {
            return data;
        }
        int[] idx = new int[properties.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = data.propertyIndex(properties.get(i));
            if (idx[i] < 0) {
                throw new IllegalArgumentException("property \"" + properties.get(i) + "\" is not in " + data
                        .source() + " (available: " + String.join(", ", data.propertyNames()) + ")");
            }
        }
        List<MoleculeRecord> records = new ArrayList<>(data.size());
        for (MoleculeRecord r : data.records()) {
            double[] p = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                p[i] = r.property(idx[i]);
            }
            records.add(new MoleculeRecord(r.id(), r.smiles(), r.gor(), p));
        }
        return new Dataset(data.source(), properties, records, data.rejections(),
                data.geometryFallbacks());
    }
}
