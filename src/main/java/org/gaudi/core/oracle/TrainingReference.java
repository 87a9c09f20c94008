package org.gaudi.core.oracle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.diffusion.EdmDataSummary;

/**
 * The molecules a pair of models was given, by canonical id, as recorded in their headers: the EDM's training,
 * validation and test ids and the predictor's split. "Trained on" is the union of both training parts (GaUDI's
 * novelty); "seen" adds the validation and test parts, so that the training maximum is the best value of everything
 * left after a hold-out, not only of the part that happened to be drawn for training.
 */
public final class TrainingReference {
    private final Set<String> trained;
    private final Set<String> seen;

    public TrainingReference(Collection<String> trained, Collection<String> seen) {
        this.trained = Set.copyOf(trained);
        Set<String> all = new HashSet<>(seen);
        all.addAll(trained);
        this.seen = Set.copyOf(all);
    }

    /**
     * From an EDM's data summary and a predictor's data map (its {@code split} with train/validation/test id lists);
     * either may be null.
     */
    public static TrainingReference of(EdmDataSummary edm, Map<String, Object> predictorData) {
        List<String> trained = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (edm != null) {
            trained.addAll(edm.trainIds());
            seen.addAll(edm.validationIds());
            seen.addAll(edm.testIds());
        }
        if (predictorData != null && predictorData.get("split") instanceof Map<?, ?> split) {
            addAll(trained, split.get("train"));
            addAll(seen, split.get("validation"));
            addAll(seen, split.get("test"));
        }
        return new TrainingReference(trained, seen);
    }

    private static void addAll(List<String> to, Object ids) {
        if (ids instanceof Collection<?> c) {
            for (Object o : c) {
                to.add(String.valueOf(o));
            }
        }
    }

    /** Whether either model was trained on this molecule. */
    public boolean trainedOn(String canonicalId) {
        return trained.contains(canonicalId);
    }

    /** Whether the molecule was in either model's data (training, validation or test). */
    public boolean seen(String canonicalId) {
        return seen.contains(canonicalId);
    }

    /** Molecules of the embedded space with this ring count that the models' data held. */
    public int seenCount(int rings) {
        EmbeddedSpace space = EmbeddedSpace.of(rings);
        int n = 0;
        for (String id : space.ids()) {
            n += seen.contains(id) ? 1 : 0;
        }
        return n;
    }

    /**
     * The best exact value of the oracle's criterion among the molecules with this ring count that the models' data
     * held, or null when none of them is in the embedded space (e.g. models trained on another dataset, whose ids are
     * not canonical annulation codes).
     */
    public Double trainingMax(ExactOracle oracle, int rings) {
        EmbeddedSpace space = EmbeddedSpace.of(rings);
        Double best = null;
        for (int i = 0; i < space.size(); i++) {
            if (!seen.contains(space.ids().get(i))) {
                continue;
            }
            double v = oracle.value(space, i);
            if (Double.isFinite(v) && (best == null || oracle.better(v, best))) {
                best = v;
            }
        }
        return best;
    }
}
