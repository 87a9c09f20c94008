package org.gaudi.core.predictor;

import ai.djl.ndarray.NDArray;

/**
 * Scalar constants as tensors, for arithmetic inside differentiable code.
 *
 * <p>Why not {@code x.mul(2.0)}: DJL's PyTorch engine implements the {@code Number} overloads (add, sub, mul, div,
 * pow, maximum, minimum, ...) by wrapping the number in a temporary tensor over a direct buffer and closing it at
 * once. Autograd may keep that tensor for the backward pass (mul, div, pow, maximum, ...); when the garbage
 * collector frees the buffer before backward runs, the gradients silently become garbage or NaN (reproduced:
 * {@code PropertyPredictorTest.parameterGradientsSurviveGarbageCollectionBeforeBackward}). A constant made here is
 * owned by the array's manager until the step ends.
 */
final class Constants {
    private Constants() {
    }

    /** {@code value} as a scalar in {@code like}'s manager, device and data type. */
    static NDArray of(NDArray like, double value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }
}
