/**
 * Guided design (GaUDI §7): sampling from the equivariant diffusion model while the gradient of an objective of a
 * time-conditioned property predictor steers every reverse step, and the molecule table that comes out.
 *
 * <ul>
 *   <li>{@link org.gaudi.core.sampling.GuidedSampler}: settings → {@code run(progress, cancelled)} →
 *       {@link org.gaudi.core.sampling.DesignResult} (rows + summary). Loads models from archives or files
 *       ({@code open}) or wraps loaded ones; checks that predictor and EDM fit together before sampling.</li>
 *   <li>{@link org.gaudi.core.sampling.GuidanceSettings}: scale (0.6), clip norm (10), molecules, ring count (fixed
 *       or drawn), initial-noise std (1.0 with an objective, 0.7 without), seed, device, steps (T or respaced),
 *       batch size, {@link org.gaudi.core.sampling.PredictorTime} (s by default; t reproduces the reference).</li>
 *   <li>{@link org.gaudi.core.sampling.GuidanceHook}: the §7.1 update as a
 *       {@link org.gaudi.core.diffusion.SamplingHook}: gradient of scale·Σ loss at z_s, non-finite entries zeroed
 *       and counted, per-molecule clip (Frobenius over nodes and channels), x part centred, z_s ← z_s − σ·g.</li>
 *   <li>{@link org.gaudi.core.sampling.DesignedMolecule} / {@link org.gaudi.core.sampling.DesignSummary}: one row
 *       per molecule (validity and reason, identity, SDF record, predictions at t = 0 on the clean sampled graph,
 *       objective value, Hückel gap, novelty, duplicates) and the run's figures, seed and settings.</li>
 *   <li>{@link org.gaudi.core.sampling.DesignWriters}: {@code molecules.csv}, {@code molecules.sdf},
 *       {@code summary.json}, each written atomically.</li>
 * </ul>
 */
package org.gaudi.core.sampling;
