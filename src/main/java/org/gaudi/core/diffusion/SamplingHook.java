package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Called after every reverse diffusion step. It can report progress, cancel (throw
 * {@link SamplingCancelledException}, or any runtime exception) and modify z_s, e.g. guided sampling (GaUDI §7.1:
 * z_s ← z_s − σ·clip(∇f(z_s))). The sampler re-centres the x part of whatever is returned, replaces NaN there by 0
 * (counted in {@link SampleResult#nanReplacements()}) and frees the previous state.
 */
@FunctionalInterface
public interface SamplingHook {

    /**
     * @return {@code step.zs()} unchanged, or a replacement of the same shape (created in {@code step.manager()})
     */
    NDArray afterStep(SamplingStep step);

    /** A hook that does nothing. */
    static SamplingHook none() {
        return SamplingStep::zs;
    }

    /** Progress only: {@code listener.onStep(done, total)} after each step; may throw to cancel. */
    static SamplingHook progress(ProgressListener listener) {
        return step -> {
            listener.onStep(step.stepIndex() + 1, step.stepCount());
            return step.zs();
        };
    }

    /** Receives (steps done, total steps). */
    @FunctionalInterface
    interface ProgressListener {
        void onStep(int done, int total);
    }
}
