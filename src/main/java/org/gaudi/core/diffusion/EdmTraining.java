package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.train.TrainableModel;

/**
 * Plugs an {@link EquivariantDiffusion} into the generic {@link org.gaudi.core.train.Trainer}: items are graphs of
 * rings, encoded per batch with the diffusion's {@link GorFeaturizer} (N_pad = max rings). Training loss: §5.4 ε-loss
 * with the t = 0 term; validation loss: the same normalised ε-loss with t ~ U{1..T} (see
 * {@link EquivariantDiffusion#validationLossPerSample}).
 */
public final class EdmTraining implements TrainableModel<GraphOfRings> {
    private final EquivariantDiffusion diffusion;

    /** @param diffusion a diffusion whose network is already initialised */
    public EdmTraining(EquivariantDiffusion diffusion) {
        this.diffusion = Objects.requireNonNull(diffusion, "diffusion");
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
        GorBatch b = diffusion.featurizer().encode(batch);
        return diffusion.trainingLoss(new ParameterStore(manager, false), manager, b, random);
    }

    @Override
    public NDArray validationLoss(NDManager manager, List<GraphOfRings> batch, SplittableRandom random) {
        GorBatch b = diffusion.featurizer().encode(batch);
        try (NDArray perSample = diffusion.validationLossPerSample(new ParameterStore(manager, false), manager, b,
                random)) {
            return perSample.mean();
        }
    }
}
