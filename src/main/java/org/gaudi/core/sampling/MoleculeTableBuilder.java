package org.gaudi.core.sampling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.huckel.HuckelCalculator;
import org.gaudi.core.huckel.HuckelCalibration;
import org.gaudi.core.huckel.HuckelException;
import org.gaudi.core.huckel.HuckelResult;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveValue;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.OracleScore;
import org.openscience.cdk.exception.CDKException;

/**
 * Turns sampled, decoded molecules into design-table rows: identity, validity with reasons, predictions, objective
 * value, Hückel gap, novelty against the EDM's training keys, duplicates within the run, the exact-oracle rank among
 * all molecules of the design's ring count (when the objective reads Hückel properties and the design is a benzenoid
 * the embedded space covers), and the SDF record that carries the row's fields.
 */
public final class MoleculeTableBuilder {
    /** SDF data-field names (also the CSV header, see {@link DesignWriters}). */
    static final String ID = "id";
    static final String INDEX = "index";
    static final String BATCH = "batch";
    static final String SEED = "seed";
    static final String RINGS = "rings";
    static final String VALID = "valid";
    static final String INVALID_REASON = "invalid_reason";
    static final String STABLE = "stable";
    static final String STABILITY_FAILURE = "stability_failure";
    static final String SMILES = "smiles";
    static final String INCHI = "inchi";
    static final String INCHIKEY = "inchikey";
    static final String PREDICTED_PREFIX = "predicted_";
    static final String OBJECTIVE = "objective";
    static final String HUCKEL_GAP_BETA = "huckel_gap_beta";
    static final String HUCKEL_GAP_EV = "huckel_gap_eV";
    static final String NOVEL = "novel";
    static final String DUPLICATE = "duplicate";
    static final String EXACT_OBJECTIVE = "exact_objective";
    static final String EXACT_RANK = "exact_rank";
    static final String EXACT_RANK_OF = "exact_rank_of";
    static final String EXACT_PERCENTILE = "exact_percentile";

    private final List<String> propertyNames;
    private final Objective objective;
    private final Set<String> trainingKeys;
    private final HuckelCalculator huckel = new HuckelCalculator();
    private final ExactOracle oracle;

    /**
     * @param propertyNames the predictor's target names (empty without a predictor)
     * @param objective     bound to {@code propertyNames}, or null
     * @param trainingKeys  InChIKeys of the EDM's training molecules
     */
    public MoleculeTableBuilder(List<String> propertyNames, Objective objective, Set<String> trainingKeys) {
        this.propertyNames = List.copyOf(propertyNames);
        this.objective = objective;
        this.trainingKeys = Objects.requireNonNull(trainingKeys, "trainingKeys");
        if (objective != null && !objective.targetNames().equals(this.propertyNames)) {
            throw new IllegalArgumentException("objective '" + objective + "' is bound to " + objective.targetNames()
                    + ", not to the predictor's targets " + this.propertyNames);
        }
        this.oracle = ExactOracle.forObjective(objective).orElse(null);
    }

    /**
     * @param cancelled checked before every molecule
     * @throws SamplingCancelledException when cancelled
     */
    List<DesignedMolecule> build(List<SampledMolecule> sampled, BooleanSupplier cancelled) {
        int width = Math.max(4, Integer.toString(Math.max(0, sampled.size() - 1)).length());
        List<DesignedMolecule> rows = new ArrayList<>(sampled.size());
        Set<String> seen = new HashSet<>();
        for (SampledMolecule s : sampled) {
            if (cancelled.getAsBoolean()) {
                throw new SamplingCancelledException("design cancelled while building the molecule table");
            }
            rows.add(row(s, String.format(Locale.ROOT, "design-%0" + width + "d", s.index()), seen));
        }
        return rows;
    }

    /**
     * One row; {@code seen} holds the InChIs of the run's earlier valid molecules (for duplicates) and receives this
     * one's. Used directly by other generators whose molecules are decoded graphs of rings (the language model).
     */
    public DesignedMolecule row(SampledMolecule s, String id, Set<String> seen) {
        DecodedMolecule d = s.decoded();
        boolean valid = d.chemicallyValid();
        String invalidReason = valid ? null : reason(d.chemicalFailure().name(), d.chemicalFailureMessage());
        String smiles = null;
        String inchi = null;
        String key = null;
        if (valid) {
            try {
                smiles = d.smiles();
                inchi = d.inchi();
                key = d.inchiKey();
            } catch (IllegalStateException e) {
                valid = false;
                invalidReason = reason("IDENTITY", e.getMessage());
            }
        }
        boolean stable = d.stable();
        String stabilityFailure = stable ? null : d.stability() == null
                ? reason(d.failure().name(), d.failureMessage())
                : reason(d.stability().firstFailure().name(), d.stability().message());
        List<Double> predicted = new ArrayList<>(propertyNames.size());
        boolean allFinite = s.predicted() != null;
        if (s.predicted() != null) {
            if (s.predicted().length != propertyNames.size()) {
                throw new IllegalArgumentException("molecule " + s.index() + " has " + s.predicted().length
                        + " predicted values, expected " + propertyNames.size() + " " + propertyNames);
            }
            for (double v : s.predicted()) {
                predicted.add(Double.isFinite(v) ? v : null);
                allFinite &= Double.isFinite(v);
            }
        }
        Double objectiveValue = null;
        if (objective != null && allFinite) {
            ObjectiveValue v = objective.evaluate(s.predicted());
            objectiveValue = v.isDefined() && Double.isFinite(v.value()) ? v.value() : null;
        }
        Double gapBeta = null;
        Double gapEv = null;
        Boolean novel = null;
        boolean duplicate = false;
        if (valid) {
            try {
                HuckelResult r = huckel.compute(d.molecule());
                gapBeta = r.gap();
                gapEv = HuckelCalibration.gapEv(r.gap());
            } catch (HuckelException e) {
                // Hückel theory does not apply (e.g. no parameters for an atom): leave the check empty
            }
            novel = !trainingKeys.contains(key);
            duplicate = !seen.add(inchi);
        }
        OracleScore exact = valid && oracle != null ? oracle.score(d.molecule()) : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ID, id);
        fields.put(INDEX, s.index());
        fields.put(BATCH, s.batch());
        fields.put(SEED, s.seed());
        fields.put(RINGS, s.ringCount());
        fields.put(VALID, valid);
        fields.put(STABLE, stable);
        if (stabilityFailure != null) {
            fields.put(STABILITY_FAILURE, stabilityFailure);
        }
        fields.put(SMILES, smiles);
        fields.put(INCHI, inchi);
        fields.put(INCHIKEY, key);
        for (int k = 0; k < predicted.size(); k++) {
            if (predicted.get(k) != null) {
                fields.put(PREDICTED_PREFIX + propertyNames.get(k), predicted.get(k));
            }
        }
        if (objectiveValue != null) {
            fields.put(OBJECTIVE, objectiveValue);
        }
        if (gapBeta != null) {
            fields.put(HUCKEL_GAP_BETA, gapBeta);
            fields.put(HUCKEL_GAP_EV, gapEv);
        }
        fields.put(NOVEL, novel);
        fields.put(DUPLICATE, duplicate);
        if (exact != null) {
            fields.put(EXACT_OBJECTIVE, exact.value());
            fields.put(EXACT_RANK, exact.rank());
            fields.put(EXACT_RANK_OF, exact.of());
            fields.put(EXACT_PERCENTILE, exact.percentile());
        }
        String sdf = null;
        if (valid) {
            try {
                fields.values().removeIf(Objects::isNull);
                sdf = d.toSdf(id, fields);
            } catch (CDKException | RuntimeException e) {
                throw new IllegalStateException("cannot write the SDF record of " + id + " (" + smiles + "): "
                        + e.getMessage(), e);
            }
        }
        return new DesignedMolecule(id, s.index(), s.batch(), s.seed(), s.ringCount(), valid, invalidReason, stable,
                stabilityFailure, smiles, inchi, key, sdf, predicted, objectiveValue, gapBeta, gapEv, novel,
                duplicate, s.gor(), exact);
    }

    private static String reason(String code, String message) {
        return message == null || message.isBlank() ? code : code + ": " + message;
    }
}
