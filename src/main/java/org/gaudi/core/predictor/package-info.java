/**
 * The time-conditioned property predictor of GaUDI (§6) and its use for guidance (§7.1).
 *
 * <ul>
 * <li>{@link org.gaudi.core.predictor.EgnnPredictor}: the E(3)-invariant EGNN regressor (12 × 196 by default,
 * 3,249,697 parameters for cata with 5 targets) on the EDM's normalised state z = [x/3 | one-hot/4] and time t. It
 * averages the per-node outputs over the <em>real</em> nodes (the reference divides by the padded count; see the
 * class documentation).</li>
 * <li>{@link org.gaudi.core.predictor.PropertyPredictor}: the network with its
 * {@link org.gaudi.core.predictor.PredictorSpec} (targets and units, training-split z-scoring, the EDM vocabulary,
 * layout and noise schedule it reads); predictions in physical units, the guidance gradient
 * {@link org.gaudi.core.predictor.PropertyPredictor#gradient}, the noised-input L1 training loss, MAE versus noise
 * level, and persistence as a {@code gaudi-predictor} {@link org.gaudi.core.model.ModelArchive}.</li>
 * <li>{@link org.gaudi.core.predictor.PredictorTraining}: the training driver on a dataset with the generic
 * {@link org.gaudi.core.train.Trainer} (split, normalisation, best checkpoint, test evaluation, resume).</li>
 * </ul>
 *
 * <p><b>Rule for differentiable code (here and in objectives):</b> never use DJL's {@code Number} overloads such as
 * {@code x.mul(0.5)}, {@code x.div(2)}, {@code x.pow(2)} or {@code x.maximum(0)} on tensors that take part in a
 * backward pass. The PyTorch engine wraps the number in a temporary tensor over a direct buffer and closes it at
 * once; autograd may still need it, and if the garbage collector frees the buffer before backward runs the gradient
 * is silently wrong (zero, garbage or NaN). Make constants as tensors owned by the step's manager instead
 * ({@code x.getManager().create(0.5f)}).
 */
package org.gaudi.core.predictor;
