package org.gaudi.core.objective;

import ai.djl.ndarray.NDArray;

/**
 * Result of a batched, differentiable objective evaluation.
 *
 * @param values objective values, shape (B), in the objective's units, on the clamped domain
 * @param losses what the sampler minimises, shape (B): values for minimize, −values for maximize
 * @param report which samples were clamped or are non-finite
 */
public record BatchEvaluation(NDArray values, NDArray losses, DomainReport report) {
}
