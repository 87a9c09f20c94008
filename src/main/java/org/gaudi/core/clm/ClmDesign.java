package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.sampling.DesignProgress;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.MoleculeTableBuilder;
import org.gaudi.core.sampling.SampledMolecule;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Design with the language model: draw SMILES ({@link ClmSampler}), then check and score each one exactly as the
 * diffusion outputs are, so the two generators land in the same molecule table ({@link DesignedMolecule}).
 *
 * <ol>
 * <li>A sequence cut at the maximum length is invalid ({@code TRUNCATED}); one CDK cannot parse is
 * {@code UNPARSEABLE}.</li>
 * <li>A parsed molecule that the graph-of-rings encoder does not accept (here: not an all-carbon cata-condensed
 * benzenoid, which {@link BenzenoidEmbedder} places on the hexagonal lattice as the dataset readers do) is
 * {@code OUT_OF_DOMAIN}: our validity rules cannot judge it, so it is never counted valid.</li>
 * <li>Otherwise its graph of rings is decoded by {@link GorDecoder} and judged by GaUDI's validity rules; the decoded
 * molecule must be the sampled one (same InChIKey, else {@code DECODE_MISMATCH}).</li>
 * <li>Valid molecules get their InChIKey, novelty against the model's training molecules, duplicates within the run,
 * the predictor's values at t = 0 on the placed graph of rings, the objective, and the exact Hückel gap — all by
 * the same {@link MoleculeTableBuilder} as guided diffusion.</li>
 * </ol>
 */
public final class ClmDesign {
    private final ClmModel model;
    private final PropertyPredictor predictor;
    private final Objective objective;

    /**
     * @param predictor scores valid molecules, or null
     * @param objective needs the predictor; bound to its targets here, or null
     */
    public ClmDesign(ClmModel model, PropertyPredictor predictor, Objective objective) {
        this.model = Objects.requireNonNull(model, "model");
        this.predictor = predictor;
        if (objective != null && predictor == null) {
            throw new IllegalArgumentException("the objective '" + objective.sourceText() + "' needs a property "
                    + "predictor");
        }
        this.objective = objective == null ? null : bind(objective, predictor);
    }

    private static Objective bind(Objective objective, PropertyPredictor predictor) {
        List<String> names = predictor.spec().targetNames();
        if (objective.isBound() && objective.targetNames().equals(names)) {
            return objective;
        }
        try {
            return objective.bind(names);
        } catch (ObjectiveSyntaxException e) {
            throw new IllegalArgumentException("objective does not fit the predictor: " + e.getMessage(), e);
        }
    }

    /** The bound objective, or null. */
    public Objective objective() {
        return objective;
    }

    /**
     * The molecule table of a run, in drawing order, with the drawn sequences alongside.
     *
     * @param generated parallel to {@code molecules}
     */
    public record Result(List<String> propertyNames, List<String> propertyUnits, List<DesignedMolecule> molecules,
            List<GeneratedSmiles> generated, ClmSummary summary) {
        public Result {
            propertyNames = List.copyOf(propertyNames);
            propertyUnits = List.copyOf(propertyUnits);
            molecules = List.copyOf(molecules);
            generated = List.copyOf(generated);
        }

        public List<DesignedMolecule> validMolecules() {
            return molecules.stream().filter(DesignedMolecule::valid).toList();
        }
    }

    /**
     * Draws, checks and scores.
     *
     * @throws SamplingCancelledException when cancelled
     */
    public Result run(ClmSamplingSettings settings, DesignProgress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        List<GeneratedSmiles> generated = new ClmSampler(model).sample(settings, progress, cancelled);
        double samplingSeconds = (System.nanoTime() - start) / 1e9;
        return score(generated, settings, cancelled, start, samplingSeconds);
    }

    /** Checks and scores drawn sequences (the second half of {@link #run}). */
    Result score(List<GeneratedSmiles> generated, ClmSamplingSettings settings, BooleanSupplier cancelled,
            long start, double samplingSeconds) {
        List<String> names = predictor == null ? List.of() : predictor.spec().targetNames();
        MoleculeTableBuilder table = new MoleculeTableBuilder(names, objective, model.trainingInchiKeys());
        int width = Math.max(4, Integer.toString(Math.max(0, generated.size() - 1)).length());
        List<Judged> judged = new ArrayList<>(generated.size());
        int parsed = 0;
        int outOfDomain = 0;
        for (GeneratedSmiles g : generated) {
            if (cancelled.getAsBoolean()) {
                throw new SamplingCancelledException("language-model design cancelled while checking molecules");
            }
            Judged j = judge(g);
            parsed += j.parsed ? 1 : 0;
            outOfDomain += j.parsed && j.decoded == null && j.reason.startsWith("OUT_OF_DOMAIN") ? 1 : 0;
            judged.add(j);
        }
        double[][] predicted = predict(judged);
        Set<String> seen = new HashSet<>();
        List<DesignedMolecule> rows = new ArrayList<>(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            GeneratedSmiles g = generated.get(i);
            Judged j = judged.get(i);
            String id = String.format(Locale.ROOT, "clm-%0" + width + "d", g.index());
            if (j.decoded != null) {
                rows.add(table.row(new SampledMolecule(g.index(), g.batch(), g.seed(), j.gor.ringCount(), j.gor,
                        j.decoded, predicted == null ? null : predicted[i]), id, seen));
            } else {
                rows.add(new DesignedMolecule(id, g.index(), g.batch(), g.seed(), j.rings, false, j.reason, false,
                        j.reason.split(":", 2)[0], null, null, null, null, List.of(), null, null, null, null, false,
                        j.gor));
            }
        }
        List<String> units = predictor == null ? List.of()
                : predictor.spec().targets().stream().map(PredictorTarget::unit).map(u -> u == null ? "" : u)
                        .toList();
        ClmSummary summary = ClmSummary.of(rows, generated, parsed, outOfDomain, objective, settings.seed(),
                Djl.describe(model.device()), settings.toMap(), model.toString(), (System.nanoTime() - start) / 1e9,
                samplingSeconds);
        return new Result(names, units, rows, generated, summary);
    }

    /** What the checks found for one sequence: a decodable graph of rings, or the reason it has none. */
    private static final class Judged {
        boolean parsed;
        int rings;
        GraphOfRings gor;
        DecodedMolecule decoded;
        String reason;
    }

    private static Judged judge(GeneratedSmiles g) {
        Judged j = new Judged();
        if (!g.finished()) {
            j.reason = "TRUNCATED: no end token within " + g.tokens() + " tokens";
            return j;
        }
        if (g.text().isEmpty()) {
            j.reason = "UNPARSEABLE: empty SMILES";
            return j;
        }
        IAtomContainer molecule;
        try {
            molecule = MoleculeIdentity.parseSmiles(g.text());
        } catch (CDKException | RuntimeException e) {
            j.reason = "UNPARSEABLE: " + e.getMessage();
            return j;
        }
        j.parsed = true;
        try {
            j.gor = BenzenoidEmbedder.embed(molecule);
        } catch (GorEncodingException | RuntimeException e) {
            j.reason = "OUT_OF_DOMAIN: " + e.getMessage();
            return j;
        }
        j.rings = j.gor.ringCount();
        DecodedMolecule decoded = GorDecoder.decode(j.gor);
        if (decoded.chemicallyValid()) {
            try {
                String sampledKey = MoleculeIdentity.of(molecule).inchiKey();
                if (!sampledKey.equals(decoded.inchiKey())) {
                    j.reason = "DECODE_MISMATCH: the decoded graph of rings is " + decoded.inchiKey()
                            + ", the sampled SMILES " + sampledKey;
                    j.gor = null;
                    return j;
                }
            } catch (CDKException | IllegalStateException e) {
                j.reason = "IDENTITY: " + e.getMessage();
                j.gor = null;
                return j;
            }
        }
        j.decoded = decoded;
        return j;
    }

    /** Predictions at t = 0 of the placed graphs of rings (null rows for molecules without one). */
    private double[][] predict(List<Judged> judged) {
        if (predictor == null) {
            return null;
        }
        List<GraphOfRings> gors = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            if (judged.get(i).decoded != null) {
                gors.add(judged.get(i).gor);
                where.add(i);
            }
        }
        double[][] out = new double[judged.size()][];
        if (gors.isEmpty()) {
            return out;
        }
        double[][] p = predictor.predict(gors, 0.0);
        for (int k = 0; k < where.size(); k++) {
            out[where.get(k)] = p[k];
        }
        return out;
    }
}
