package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis with a learned scale (init 1) and shift (init 0), as PyTorch's
 * {@code nn.LayerNorm(width)} with ε = 1e-5. Parameter shapes are declared up front, so a network can be counted
 * before anything is allocated.
 */
public final class LayerNormLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-5f;

    private final int width;
    private final Parameter gamma;
    private final Parameter beta;

    public LayerNormLayer(int width) {
        super(VERSION);
        if (width < 1) {
            throw new IllegalArgumentException("layer-norm width must be positive, got " + width);
        }
        this.width = width;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(width)).optInitializer(Initializer.ONES).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(width)).optInitializer(Initializer.ZEROS).build());
    }

    public int width() {
        return width;
    }

    /** Normalises the last axis of {@code x}; the result belongs to {@code x}'s manager. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        if (x.getShape().tail() != width) {
            throw new IllegalArgumentException("LayerNorm expects last axis " + width + ", got " + x.getShape());
        }
        NDArray g = ps.getValue(gamma, x.getDevice(), training);
        NDArray b = ps.getValue(beta, x.getDevice(), training);
        return LayerNorm.layerNorm(x, new Shape(width), g, b, EPSILON).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
