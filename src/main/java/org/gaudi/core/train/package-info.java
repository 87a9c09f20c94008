/**
 * Model-agnostic training: the AdamW/AMSGrad optimiser, adaptive gradient clipping, an exponential moving average
 * of weights, a seeded train/validation/test split and the training loop ({@link org.gaudi.core.train.Trainer})
 * with progress, cancellation, best-checkpoint selection and resume.
 *
 * <p>How a network plugs in (sketch for the EDM; the predictor is the same with its own loss):
 * <pre>{@code
 * final class EdmTraining implements TrainableModel<MoleculeRecord> {
 *     public Block block() { return diffusion.dynamics(); }            // initialised beforehand
 *     public NDArray trainingLoss(NDManager m, List<MoleculeRecord> batch, SplittableRandom rng) {
 *         GorBatch b = featurizer.batch(m, batch);                      // tensors on the step manager
 *         return diffusion.trainingLoss(new ParameterStore(m, false), m, b, rng);   // scalar batch mean
 *     }
 *     public NDArray validationLoss(NDManager m, List<MoleculeRecord> batch, SplittableRandom rng) { ... }
 * }
 *
 * TrainingSettings s = TrainingSettings.builder().epochs(1000).batchSize(256).seed(0).build();
 * DataSplit split = DataSplit.random(records.size(), 0.1, 0.1, 42);
 * TrainingResult r = new Trainer(s).listener(progress).cancellation(exec::isCanceled)
 *         .fit(new EdmTraining(...), records, split);                  // block now holds the best weights
 * ModelHeader h = new ModelHeader("gaudi-edm").hyperParameter("hidden", 192)...
 *         .metadata("training", s.toMap()).metadata("result", r.summary())
 *         .metadata("split", split.ids(records, MoleculeRecord::id));
 * ModelArchive.of(h, block).withTrainingState(r.finalCheckpoint()).write(path);   // atomic
 * }</pre>
 *
 * <p>Threads: every gradient computation goes through {@link org.gaudi.core.train.ExclusiveGradientCollector}
 * (DJL allows one collector per JVM), and code that runs a network without needing gradients should run inside
 * {@link org.gaudi.core.train.GradMode#disabled()} (PyTorch records graphs by default on non-DJL threads).
 */
package org.gaudi.core.train;
