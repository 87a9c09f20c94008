/**
 * Model-agnostic training: the AdamW/AMSGrad optimiser, adaptive gradient clipping, an exponential moving average
 * of weights, a seeded train/validation/test split and the training loop ({@link org.gaudi.core.train.Trainer})
 * with progress, cancellation, best-checkpoint selection and resume. A network plugs in by implementing
 * {@link org.gaudi.core.train.TrainableModel}.
 */
package org.gaudi.core.train;
