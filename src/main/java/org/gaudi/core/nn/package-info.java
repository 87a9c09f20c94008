/**
 * Network building blocks on dense padded graph tensors and the EDM noise-prediction network.
 *
 * <ul>
 *   <li>{@link org.gaudi.core.nn.LinearLayer}: PyTorch-layout linear layer with PyTorch's default init or Xavier
 *       uniform; {@link org.gaudi.core.nn.SeededInit} makes a whole block tree's initial weights depend only on a
 *       seed; {@link org.gaudi.core.nn.Mlp} stacks layers with SiLU.</li>
 *   <li>{@link org.gaudi.core.nn.PairLinear}: the first edge layer W·[h_i, h_j, e_ij] + b computed factorised
 *       (node terms once per node), identical in parameters and results to the concatenated form.</li>
 *   <li>{@link org.gaudi.core.nn.MaskedOps}: masked centring and pair differences.</li>
 *   <li>{@link org.gaudi.core.nn.EgnnDynamics}: the EDM's φ (GaUDI §5.3) built from
 *       {@link org.gaudi.core.nn.EquivariantBlock}s = {@link org.gaudi.core.nn.GclLayer} +
 *       {@link org.gaudi.core.nn.EquivariantUpdate}.</li>
 * </ul>
 *
 * <p>Layout: x (B, N, 3), h (B, N, C), node mask (B, N, 1), pairs (B, N, N, C) with pair (i, j) at [b, i, j],
 * edge mask (B, N, N, 1); aggregation is a masked sum over j. Layers create their results in the manager of their
 * input, so running them inside a per-step child manager frees everything with it.
 */
package org.gaudi.core.nn;
