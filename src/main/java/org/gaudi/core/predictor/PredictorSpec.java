package org.gaudi.core.predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.GorFeaturizer;
import org.gaudi.core.diffusion.NodeLayout;
import org.gaudi.core.diffusion.NoiseSchedule;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;

/**
 * Everything that defines a property predictor except its weights: the network shape, the targets with units, their
 * training-split normalisation, and the EDM state space it reads — the node-feature vocabulary (one-hot order),
 * the node layout, and the noise schedule its training inputs were noised with. A predictor can only guide an EDM
 * with the same vocabulary, layout and schedule ({@link #requireCompatible}).
 *
 * @param config            network shape (its featureDim is the vocabulary size)
 * @param targets           predicted properties, in output order
 * @param normalisation     per-target mean and std of the training split
 * @param vocabulary        ring types in one-hot order, e.g. [Bn] (cata) or the 11 ring types + orientation marker
 * @param layout            node layout (cata rings only, or rings plus orientation nodes)
 * @param timesteps         diffusion steps T of the schedule
 * @param schedulePrecision precision floor s of the polynomial schedule
 * @param schedulePower     power of the polynomial schedule (GaUDI: 2)
 */
public record PredictorSpec(PredictorConfig config, List<PredictorTarget> targets, TargetNormalisation normalisation,
        List<RingType> vocabulary, NodeLayout layout, int timesteps, double schedulePrecision,
        double schedulePower) {

    public PredictorSpec {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(layout, "layout");
        targets = List.copyOf(targets);
        vocabulary = List.copyOf(vocabulary);
        if (targets.size() != config.targets() || normalisation.size() != config.targets()) {
            throw new IllegalArgumentException("predictor has " + config.targets() + " outputs but "
                    + targets.size() + " targets and " + normalisation.size() + " normalisation entries");
        }
        if (targets.stream().map(PredictorTarget::name).distinct().count() != targets.size()) {
            throw new IllegalArgumentException("target names must be distinct: " + targets);
        }
        if (vocabulary.size() != config.featureDim()) {
            throw new IllegalArgumentException("vocabulary " + vocabulary + " has " + vocabulary.size()
                    + " entries but the network reads " + config.featureDim() + " node features");
        }
        new GorFeaturizer(vocabulary, 1, layout); // validates vocabulary against layout
        NoiseSchedule.polynomial(1, schedulePrecision, schedulePower); // validates the schedule settings
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, got " + timesteps);
        }
    }

    /** A spec reading the state space of the given EDM (same vocabulary, layout and schedule). */
    public static PredictorSpec forEdm(EdmArchitecture edm, PredictorConfig config, List<PredictorTarget> targets,
            TargetNormalisation normalisation) {
        return new PredictorSpec(config, targets, normalisation, edm.vocabulary(), edm.layout(), edm.timesteps(),
                edm.precision(), edm.power());
    }

    /** A spec for graphs of the given kind with GaUDI's state space (cata [Bn] or hetero) and schedule. */
    public static PredictorSpec forKind(GorKind kind, PredictorConfig config, List<PredictorTarget> targets,
            TargetNormalisation normalisation) {
        return forEdm(EdmArchitecture.forKind(kind, 1, 1, 1), config, targets, normalisation);
    }

    /** Target names in output order. */
    public List<String> targetNames() {
        return targets.stream().map(PredictorTarget::name).toList();
    }

    /** Ring-type keys in one-hot order ('.' for orientation nodes). */
    public List<String> vocabularyKeys() {
        List<String> keys = new ArrayList<>();
        for (RingType t : vocabulary) {
            keys.add(t.key());
        }
        return keys;
    }

    /** The noise schedule the predictor was trained with. */
    public NoiseSchedule schedule() {
        return NoiseSchedule.polynomial(timesteps, schedulePrecision, schedulePower);
    }

    /** A featurizer of this state space with room for {@code maxRings} rings. */
    public GorFeaturizer featurizer(int maxRings) {
        return new GorFeaturizer(vocabulary, maxRings, layout);
    }

    /** Schedule description for reports, e.g. {@code polynomial_2, T=1000, s=1.0E-5}. */
    public String scheduleDescription() {
        String p = schedulePower == Math.rint(schedulePower) ? Integer.toString((int) schedulePower)
                : Double.toString(schedulePower);
        return "polynomial_" + p + ", T=" + timesteps + ", s=" + schedulePrecision;
    }

    /**
     * Checks that this predictor reads the state space of the given EDM, so that its gradient can guide it.
     *
     * @throws IllegalArgumentException naming both sides when vocabulary, layout or schedule differ
     */
    public void requireCompatible(EdmArchitecture edm) {
        if (!vocabulary.equals(edm.vocabulary()) || layout != edm.layout()) {
            throw new IllegalArgumentException("the property predictor was trained on node features "
                    + vocabularyKeys() + " (" + layout + ") but the diffusion model uses " + edm.vocabularyKeys()
                    + " (" + edm.layout() + "); train the predictor on the same kind of molecules as the "
                    + "diffusion model");
        }
        if (timesteps != edm.timesteps() || schedulePrecision != edm.precision() || schedulePower != edm.power()) {
            throw new IllegalArgumentException("the property predictor was trained with noise schedule "
                    + scheduleDescription() + " but the diffusion model uses polynomial_" + edm.power() + ", T="
                    + edm.timesteps() + ", s=" + edm.precision() + "; guidance needs the same schedule");
        }
    }

    /** Writes hyper-parameters and the state-space description into a model header. */
    void writeTo(ModelHeader h) {
        h.hyperParameter("layers", config.layers())
                .hyperParameter("hidden", config.hidden())
                .hyperParameter("coordsRange", config.coordsRange())
                .hyperParameter("featureDim", config.featureDim())
                .hyperParameter("targetCount", config.targets())
                .hyperParameter("distanceBasis", config.distanceBasis())
                .hyperParameter("distanceCutoff", config.distanceCutoff())
                .hyperParameter("layout", layout.name())
                .hyperParameter("vocabulary", vocabularyKeys())
                .hyperParameter("timesteps", timesteps)
                .hyperParameter("schedule", "polynomial_" + (schedulePower == Math.rint(schedulePower)
                        ? Integer.toString((int) schedulePower) : Double.toString(schedulePower)))
                .hyperParameter("schedulePrecision", schedulePrecision)
                .hyperParameter("schedulePower", schedulePower)
                .hyperParameter("normalizeFactors", new double[] {GorFeaturizer.POSITION_SCALE,
                        GorFeaturizer.FEATURE_SCALE})
                .hyperParameter("attention", true)
                .hyperParameter("tanh", true)
                .hyperParameter("aggregation", "sum")
                .hyperParameter("readout", "mean over real nodes");
        h.metadata("targets", targets)
                .metadata("normalisation", normalisation);
    }

    /**
     * Reads a spec from a model header.
     *
     * @throws ModelFormatException naming the file and the entry when one is missing, malformed or unsupported
     */
    static PredictorSpec readFrom(ModelHeader h) throws ModelFormatException {
        String source = h.source();
        try {
            PredictorConfig config = new PredictorConfig(h.hyperParameter("layers", Integer.class),
                    h.hyperParameter("hidden", Integer.class), h.hyperParameter("coordsRange", Double.class),
                    h.hyperParameter("featureDim", Integer.class), h.hyperParameter("targetCount", Integer.class),
                    // files written before the option have the reference network
                    h.hasHyperParameter("distanceBasis") ? h.hyperParameter("distanceBasis", Integer.class) : 0,
                    h.hasHyperParameter("distanceCutoff") ? h.hyperParameter("distanceCutoff", Double.class)
                            : PredictorConfig.DEFAULT_DISTANCE_CUTOFF);
            String layoutName = h.hyperParameter("layout", String.class);
            NodeLayout layout;
            try {
                layout = NodeLayout.valueOf(layoutName);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source, "unknown node layout '" + layoutName + "'");
            }
            List<RingType> vocabulary = new ArrayList<>();
            for (Object k : h.hyperParameter("vocabulary", List.class)) {
                vocabulary.add(ringType(String.valueOf(k), source));
            }
            double[] f = h.hyperParameter("normalizeFactors", double[].class);
            if (f.length != 2 || f[0] != GorFeaturizer.POSITION_SCALE || f[1] != GorFeaturizer.FEATURE_SCALE) {
                throw new ModelFormatException(source, "normalisation factors " + java.util.Arrays.toString(f)
                        + " are not supported (this version uses [3.0, 4.0])");
            }
            List<PredictorTarget> targets = h.metadata("targets",
                    new com.fasterxml.jackson.core.type.TypeReference<List<PredictorTarget>>() { });
            TargetNormalisation norm = h.metadata("normalisation", TargetNormalisation.class);
            return new PredictorSpec(config, targets, norm, vocabulary, layout,
                    h.hyperParameter("timesteps", Integer.class), h.hyperParameter("schedulePrecision", Double.class),
                    h.hyperParameter("schedulePower", Double.class));
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException(source, "invalid predictor hyper-parameters: " + e.getMessage(), e);
        }
    }

    private static RingType ringType(String key, String source) throws ModelFormatException {
        for (RingType t : RingType.values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new ModelFormatException(source, "unknown ring type '" + key + "' in the vocabulary");
    }
}
