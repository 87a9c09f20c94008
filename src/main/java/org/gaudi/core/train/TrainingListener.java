package org.gaudi.core.train;

/** Receives progress of a {@link Trainer} run on the training thread; keep the callbacks cheap. */
public interface TrainingListener {

    /** After every optimiser step. */
    default void onStep(TrainingProgress progress) {
    }

    /** After every epoch, validation included. */
    default void onEpochEnd(EpochStats stats, TrainingProgress progress) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
