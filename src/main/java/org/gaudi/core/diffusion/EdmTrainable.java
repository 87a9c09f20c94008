package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.train.TrainableModel;

/**
 * Plugs an {@link EquivariantDiffusion} into the generic {@link org.gaudi.core.train.Trainer}: items are graphs of
 * rings, encoded per batch with the diffusion's {@link GorFeaturizer} (N_pad = max rings). Training loss: §5.4 ε-loss
 * with the t = 0 term. Validation loss (checkpoint selection) per {@link ValidationMetric}.
 */
public final class EdmTrainable implements TrainableModel<GraphOfRings> {

    /** What the validation loss reports. */
    public enum ValidationMetric {
        /** The normalised training ε-loss at t ~ U{1..T}: one network pass, same scale as the training loss. */
        EPSILON_LOSS,
        /**
         * The variational bound −log p(x, h) in nats per graph, as the reference selects its checkpoint (two
         * network passes; a noisier estimate).
         */
        NLL
    }

    private final EquivariantDiffusion diffusion;
    private final ValidationMetric metric;

    /** Validation by {@link ValidationMetric#EPSILON_LOSS}; {@code diffusion}'s network must be initialised. */
    public EdmTrainable(EquivariantDiffusion diffusion) {
        this(diffusion, ValidationMetric.EPSILON_LOSS);
    }

    public EdmTrainable(EquivariantDiffusion diffusion, ValidationMetric metric) {
        this.diffusion = Objects.requireNonNull(diffusion, "diffusion");
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    public ValidationMetric validationMetric() {
        return metric;
    }

    public EquivariantDiffusion diffusion() {
        return diffusion;
    }

    @Override
    public Block block() {
        return diffusion.dynamics();
    }

    @Override
    public NDArray trainingLoss(NDManager manager, List<GraphOfRings> batch, SplittableRandom random) {
        GorBatch b = diffusion.featurizer().encode(drawOrientation(batch, random));
        return diffusion.trainingLoss(new ParameterStore(manager, false), manager, b, random);
    }

    /**
     * GaUDI's augmentation: every time a molecule is drawn for training, a ring with two heteroatoms (Pz, Db) gets
     * its orientation node on one of them at random. Validation keeps the stored choice, so its loss is comparable
     * between epochs.
     */
    static List<GraphOfRings> drawOrientation(List<GraphOfRings> batch, SplittableRandom random) {
        List<GraphOfRings> out = new ArrayList<>(batch.size());
        for (GraphOfRings g : batch) {
            out.add(g.withOrientationDrawn(random));
        }
        return out;
    }

    @Override
    public NDArray validationLoss(NDManager manager, List<GraphOfRings> batch, SplittableRandom random) {
        GorBatch b = diffusion.featurizer().encode(batch);
        if (metric == ValidationMetric.NLL) {
            double sum = 0;
            for (double v : diffusion.negativeLogLikelihood(new ParameterStore(manager, false), manager, b, random)) {
                sum += v;
            }
            return manager.full(new Shape(), (float) (sum / batch.size()));
        }
        try (NDArray perSample = diffusion.validationLossPerSample(new ParameterStore(manager, false), manager, b,
                random)) {
            return perSample.mean();
        }
    }
}
