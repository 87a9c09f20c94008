package org.gaudi.core.diffusion;

/** Thrown (typically by a {@link SamplingHook}) to stop sampling; the sampler frees its tensors and rethrows. */
public class SamplingCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SamplingCancelledException(String message) {
        super(message);
    }
}
