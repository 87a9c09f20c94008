package org.gaudi.core.sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of a design run: one row per generated molecule (in generation order) and the summary.
 *
 * @param propertyNames the predictor's target names, the order of {@link DesignedMolecule#predicted()} (empty
 *                      without a predictor)
 * @param propertyUnits their units (same order; may be empty strings)
 * @param molecules     the molecule table
 * @param summary       the run's figures, seed and settings
 */
public record DesignResult(List<String> propertyNames, List<String> propertyUnits, List<DesignedMolecule> molecules,
        DesignSummary summary) {

    public DesignResult {
        propertyNames = List.copyOf(propertyNames);
        propertyUnits = List.copyOf(propertyUnits);
        molecules = List.copyOf(molecules);
    }

    /** The SD record of every valid molecule by id, in generation order (the input of an xtb check). */
    public Map<String, String> sdfById() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DesignedMolecule d : molecules) {
            if (d.valid() && d.sdf() != null) {
                m.put(d.id(), d.sdf());
            }
        }
        return m;
    }

    /** The valid molecules, in generation order. */
    public List<DesignedMolecule> validMolecules() {
        return molecules.stream().filter(DesignedMolecule::valid).toList();
    }
}
