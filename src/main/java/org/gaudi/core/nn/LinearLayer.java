package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/**
 * A fully connected layer y = x W^T + b on the last axis, with explicit input and output sizes and PyTorch's
 * parameter layout (weight (out, in), bias (out)), so converted PyTorch weights drop in unchanged.
 *
 * <p>Initialisation: {@link Init#PYTORCH_DEFAULT} is {@code nn.Linear}'s default, U(±1/√fan_in) for weight and bias;
 * {@link #xavier} gives Xavier-uniform weights with a gain (EGNN's coordinate output layer uses gain 0.001 and no
 * bias).
 */
public final class LinearLayer extends AbstractBlock implements SeededInit.Seedable {

    /** Weight initialisation scheme. */
    public enum Init {
        /** U(±1/√fan_in) for weight and bias (PyTorch {@code nn.Linear} default). */
        PYTORCH_DEFAULT,
        /** Xavier/Glorot uniform with the layer's gain; bias (if any) as PyTorch default. */
        XAVIER_UNIFORM,
        /** N(0, std²) with std = the layer's gain, bias zero (GPT-2). */
        NORMAL
    }

    private static final byte VERSION = 1;

    private final int in;
    private final int out;
    private final boolean hasBias;
    private final Init init;
    private final double gain;
    private final Parameter weight;
    private final Parameter bias;

    /** A PyTorch-default layer {@code in -> out} with or without bias. */
    public LinearLayer(int in, int out, boolean bias) {
        this(in, out, bias, Init.PYTORCH_DEFAULT, 1.0);
    }

    /** A PyTorch-default layer {@code in -> out} with bias. */
    public LinearLayer(int in, int out) {
        this(in, out, true);
    }

    private LinearLayer(int in, int out, boolean bias, Init init, double gain) {
        super(VERSION);
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive, got " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.hasBias = bias;
        this.init = init;
        this.gain = gain;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in)).optInitializer(weightInit(null)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).optInitializer(biasInit(null)).build()) : null;
    }

    /** GPT-2's layer: weights N(0, std²), bias zero. */
    public static LinearLayer normal(int in, int out, boolean bias, double std) {
        return new LinearLayer(in, out, bias, Init.NORMAL, std);
    }

    private Initializer weightInit(Long seed) {
        return init == Init.NORMAL ? new NormalInit(gain, seed) : new UniformInit(weightBound(), seed);
    }

    private Initializer biasInit(Long seed) {
        return init == Init.NORMAL ? Initializer.ZEROS : new UniformInit(UniformInit.pytorchDefaultBound(in), seed);
    }

    /** Xavier-uniform weights with {@code gain}; e.g. {@code xavier(H, 1, false, 0.001)} for EGNN's coord head. */
    public static LinearLayer xavier(int in, int out, boolean bias, double gain) {
        return new LinearLayer(in, out, bias, Init.XAVIER_UNIFORM, gain);
    }

    private double weightBound() {
        return init == Init.XAVIER_UNIFORM ? UniformInit.xavierBound(in, out, gain)
                : UniformInit.pytorchDefaultBound(in);
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public boolean hasBias() {
        return hasBias;
    }

    public Init init() {
        return init;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null for a bias-free layer. */
    public Parameter bias() {
        return bias;
    }

    /** Number of trainable values (weight plus bias). */
    public long parameterCount() {
        return (long) in * out + (hasBias ? out : 0);
    }

    @Override
    public void seedInitializers(SplittableRandom seeds) {
        weight.setInitializer(weightInit(seeds.nextLong()));
        if (bias != null) {
            bias.setInitializer(biasInit(seeds.nextLong()));
        }
    }

    /** The weight (out, in) as used for a forward pass on {@code like}'s device. */
    public NDArray weightValue(ParameterStore ps, NDArray like, boolean training) {
        return ps.getValue(weight, like.getDevice(), training);
    }

    /** The bias (out) for a forward pass on {@code like}'s device, or null without bias. */
    public NDArray biasValue(ParameterStore ps, NDArray like, boolean training) {
        return bias == null ? null : ps.getValue(bias, like.getDevice(), training);
    }

    /** y = x W^T + b on the last axis of {@code x} (any rank). The result belongs to {@code x}'s manager. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        if (x.getShape().tail() != in) {
            throw new IllegalArgumentException("LinearLayer expects last axis " + in + ", got shape " + x.getShape());
        }
        return Linear.linear(x, weightValue(ps, x, training), biasValue(ps, x, training)).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }

    @Override
    public String toString() {
        return "LinearLayer(" + in + " -> " + out + (hasBias ? "" : ", no bias")
                + (init == Init.XAVIER_UNIFORM ? ", xavier gain " + gain : "")
                + (init == Init.NORMAL ? ", normal std " + gain : "") + ")";
    }
}
