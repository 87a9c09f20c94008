package org.gaudi.core.data;

import java.util.Objects;

import org.gaudi.core.gor.GraphOfRings;

/**
 * One usable molecule of a dataset: its id, SMILES, graph of rings and property values, in the order of
 * {@link Dataset#propertyNames()}.
 */
public final class MoleculeRecord {
    private final String id;
    private final String smiles;
    private final GraphOfRings gor;
    private final double[] properties;

    public MoleculeRecord(String id, String smiles, GraphOfRings gor, double[] properties) {
        this.id = Objects.requireNonNull(id, "id");
        this.smiles = Objects.requireNonNull(smiles, "smiles");
        this.gor = Objects.requireNonNull(gor, "gor");
        this.properties = properties.clone();
        for (double p : this.properties) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("molecule " + id + ": non-finite property value");
            }
        }
    }

    public String id() {
        return id;
    }

    public String smiles() {
        return smiles;
    }

    public GraphOfRings gor() {
        return gor;
    }

    public int ringCount() {
        return gor.ringCount();
    }

    public double[] properties() {
        return properties.clone();
    }

    public double property(int index) {
        return properties[index];
    }
}
