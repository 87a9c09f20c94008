package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What a {@link SamplingHook} sees after one reverse step z_t → z_s. All arrays belong to {@link #manager()}, the
 * step's sub-manager, which is closed after the hook returns (do temporaries there too).
 *
 * @param zs         the freshly sampled z_s (B, N, 3+F), x part centred
 * @param nodeMask   (B, N, 1)
 * @param edgeMask   (B, N, N, 1)
 * @param t          integer time of the step's input z_t
 * @param s          integer time of z_s (s &lt; t; s = t − 1 without respacing)
 * @param timesteps  T, to normalise times (t/T is what the networks see)
 * @param sigma      the step's standard deviation σ_{t|s}·σ_s/σ_t (guidance moves z_s by −σ·g)
 * @param stepIndex  0-based index of this step
 * @param stepCount  number of reverse steps (excluding the final z_0 → x step)
 * @param manager    the step's NDManager
 */
public record SamplingStep(NDArray zs, NDArray nodeMask, NDArray edgeMask, int t, int s, int timesteps,
        double sigma, int stepIndex, int stepCount, NDManager manager) {

    /** t/T. */
    public double tNormalised() {
        return (double) t / timesteps;
    }

    /** s/T. */
    public double sNormalised() {
        return (double) s / timesteps;
    }
}
