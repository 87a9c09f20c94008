package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gaudi.core.train.TrainableModel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Causal-LM training for the generic {@link org.gaudi.core.train.Trainer}: each item is one molecule's id sequences
 * (the canonical SMILES first, then randomised ones); a training step reads one variant per molecule, drawn from the
 * step's generator when augmenting, and minimises the next-token cross-entropy with padding masked out and GPT-2's
 * dropout (masks from the same generator). Validation always reads the canonical SMILES without dropout, so its loss
 * is the log of the validation perplexity.
 */
final class ClmTrainable implements TrainableModel<int[][]> {
    private final ClmModel model;
    private final boolean augment;

    ClmTrainable(ClmModel model, boolean augment) {
        this.model = model;
        this.augment = augment;
    }

    @Override
    public Block block() {
        return model.network();
    }

    @Override
    public NDArray trainingLoss(NDManager manager, List<int[][]> batch, SplittableRandom random) {
        List<int[]> sequences = new ArrayList<>(batch.size());
        for (int[][] variants : batch) {
            sequences.add(augment && variants.length > 1 ? variants[random.nextInt(variants.length)] : variants[0]);
        }
        DropoutMasks dropout = DropoutMasks.of(model.config().dropout(), random.split());
        return model.loss(manager, new ParameterStore(manager, false), sequences, true, dropout);
    }

    @Override
    public NDArray validationLoss(NDManager manager, List<int[][]> batch, SplittableRandom random) {
        List<int[]> sequences = new ArrayList<>(batch.size());
        for (int[][] variants : batch) {
            sequences.add(variants[0]);
        }
        return model.loss(manager, new ParameterStore(manager, false), sequences, false, DropoutMasks.NONE);
    }
}
