package org.gaudi.core.train;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * What the {@link Trainer} needs from a network: its block and a scalar loss for a batch of items.
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #block()} is initialised before training starts; its parameters that require a gradient are the ones
 * optimised (freeze a parameter to exclude it).</li>
 * <li>The loss methods build their input tensors from the items on {@code manager}, which is a per-step child
 * manager closed right after the step: everything they create is freed with it. Run the block with
 * {@code new ParameterStore(manager, false)}.</li>
 * <li>All randomness (noise, time steps, orientation choices) must come from {@code random}, which the trainer
 * seeds from (seed, epoch, batch). Do not draw from {@code NDManager.random*}: the engine's generator is global
 * state, which would make runs depend on other threads and break bit-identical resume. Drawing on the host and
 * uploading the result costs little next to the forward pass.</li>
 * <li>The returned loss is the mean over the batch (a scalar); the trainer weights batch means by batch size for
 * epoch means.</li>
 * </ul>
 *
 * @param <T> the item type of the training data (e.g. a molecule record or an index into prepared tensors)
 */
public interface TrainableModel<T> {

    /** The network whose trainable parameters are optimised; must already be initialised. */
    Block block();

    /**
     * Differentiable mean training loss of one batch. Called with gradient recording switched on.
     *
     * @param manager per-step manager that owns every array created for this step
     * @param batch the items of the batch (at least one)
     * @param random the only source of randomness for this step
     * @return a scalar (shape {@code ()} or a single element)
     */
    NDArray trainingLoss(NDManager manager, List<T> batch, SplittableRandom random);

    /**
     * Mean validation loss of one batch, used to select the best checkpoint. Called with gradient recording
     * switched off. Defaults to {@link #trainingLoss}.
     */
    default NDArray validationLoss(NDManager manager, List<T> batch, SplittableRandom random) {
        return trainingLoss(manager, batch, random);
    }
}
