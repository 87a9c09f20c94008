package org.gaudi.core.predictor;

import java.util.List;
import java.util.Objects;

/**
 * Everything that defines a property predictor except its weights: the network shape, the targets with units, their
 * training-split normalisation, and the EDM state it reads — the node-feature vocabulary (one-hot order of ring-type
 * keys, "." for orientation nodes) and the noise schedule its training inputs were noised with. A predictor may
 * only guide an EDM with the same vocabulary and schedule ({@link #requireCompatible}).
 *
 * @param config        network shape
 * @param targets       predicted properties, in output order
 * @param normalisation per-target mean and std of the training split
 * @param vocabulary    the EDM's node-feature vocabulary, e.g. {@code [Bn]} (cata) or the 11 ring types + "."
 * @param schedule      the noise-schedule descriptor, e.g. {@code polynomial_2(T=1000,s=1.0E-5)}
 */
public record PredictorSpec(PredictorConfig config, List<PredictorTarget> targets,
        TargetNormalisation normalisation, List<String> vocabulary, String schedule) {

    public PredictorSpec {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(schedule, "schedule");
        targets = List.copyOf(targets);
        vocabulary = List.copyOf(vocabulary);
        if (targets.size() != config.targets() || normalisation.size() != config.targets()) {
            throw new IllegalArgumentException("predictor has " + config.targets() + " outputs but "
                    + targets.size() + " targets and " + normalisation.size() + " normalisation entries");
        }
        if (vocabulary.size() != config.featureDim()) {
            throw new IllegalArgumentException("vocabulary " + vocabulary + " has " + vocabulary.size()
                    + " entries but the network reads " + config.featureDim() + " node features");
        }
    }

    /** Target names in output order. */
    public List<String> targetNames() {
        return targets.stream().map(PredictorTarget::name).toList();
    }

    /**
     * Checks that this predictor reads the state space of an EDM with the given vocabulary and schedule.
     *
     * @throws IllegalArgumentException naming both sides when they differ
     */
    public void requireCompatible(List<String> edmVocabulary, String edmSchedule) {
        if (!vocabulary.equals(edmVocabulary)) {
            throw new IllegalArgumentException("the property predictor was trained on node features " + vocabulary
                    + " but the diffusion model uses " + edmVocabulary
                    + "; train the predictor on the same dataset kind as the diffusion model");
        }
        if (!schedule.equals(edmSchedule)) {
            throw new IllegalArgumentException("the property predictor was trained with noise schedule " + schedule
                    + " but the diffusion model uses " + edmSchedule + "; guidance needs the same schedule");
        }
    }
}
