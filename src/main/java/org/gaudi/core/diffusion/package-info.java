/**
 * The equivariant diffusion model over graphs of rings (GaUDI §5).
 *
 * <ul>
 *   <li>{@link org.gaudi.core.diffusion.NoiseSchedule}: polynomial_2 γ table (T = 1000, s = 1e-5) and the
 *       α, σ, α_{t|s}, σ²_{t|s} helpers.</li>
 *   <li>{@link org.gaudi.core.diffusion.GorFeaturizer} / {@link org.gaudi.core.diffusion.GorBatch}: graphs of rings
 *       ↔ padded tensors in normalised units (x/3, one-hot/4), cata and hetero (orientation-node) layouts.</li>
 *   <li>{@link org.gaudi.core.diffusion.EquivariantDiffusion}: training loss, validation ε-loss, NLL bound and
 *       ancestral sampling with a per-step {@link org.gaudi.core.diffusion.SamplingHook} (progress, cancellation,
 *       guidance).</li>
 *   <li>{@link org.gaudi.core.diffusion.RingCountDistribution}: ring counts for unconditional sampling.</li>
 *   <li>{@link org.gaudi.core.diffusion.EdmTrainable} (adapter to {@link org.gaudi.core.train.Trainer}) and
 *       {@link org.gaudi.core.diffusion.EdmModelFile} (header and rebuild from a model file).</li>
 *   <li>{@link org.gaudi.core.diffusion.EdmModel}: a trained model as one object (diffusion, architecture, ring
 *       counts, training-set InChIKeys, seed, data summary and split, settings, metrics), saved as one
 *       {@code gaudi-edm} file; sampling and decoding.</li>
 *   <li>{@link org.gaudi.core.diffusion.EdmTraining} with {@link org.gaudi.core.diffusion.EdmTrainingSettings}:
 *       dataset → trained model file (ring-range filter, split, keys, best checkpoint, resume, cancellation).</li>
 *   <li>{@link org.gaudi.core.diffusion.EdmEvaluation} → {@link org.gaudi.core.diffusion.EvaluationReport}:
 *       GaUDI's validity, uniqueness, novelty and per-check pass rates of unconditional samples (§8.1).</li>
 * </ul>
 *
 * <p>Randomness: every random draw comes from a caller-supplied {@link java.util.SplittableRandom} (or the seed in
 * {@link org.gaudi.core.diffusion.SamplingOptions}) on the Java side, so results depend on seeds only.
 */
package org.gaudi.core.diffusion;
