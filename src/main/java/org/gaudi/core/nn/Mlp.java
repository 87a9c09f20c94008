package org.gaudi.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of {@link LinearLayer}s with SiLU between them (and optionally after the last one), like PyTorch's
 * {@code nn.Sequential(Linear, SiLU, Linear[, SiLU])}. Acts on the last axis of inputs of any rank.
 */
public final class Mlp extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<LinearLayer> layers = new ArrayList<>();
    private final boolean activateLast;

    /**
     * @param sizes        layer widths {@code [in, hidden..., out]} (at least two)
     * @param activateLast whether SiLU follows the last layer as well
     */
    public Mlp(int[] sizes, boolean activateLast) {
        super(VERSION);
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(addChildBlock("linear" + i, new LinearLayer(sizes[i], sizes[i + 1])));
        }
        this.activateLast = activateLast;
    }

    /** Builds an MLP from already constructed layers (e.g. a Xavier-initialised output layer). */
    public Mlp(List<LinearLayer> layers, boolean activateLast) {
        super(VERSION);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            LinearLayer l = layers.get(i);
            if (i > 0 && layers.get(i - 1).outFeatures() != l.inFeatures()) {
                throw new IllegalArgumentException("layer " + i + " expects " + l.inFeatures() + " inputs but layer "
                        + (i - 1) + " gives " + layers.get(i - 1).outFeatures());
            }
            this.layers.add(addChildBlock("linear" + i, l));
        }
        this.activateLast = activateLast;
    }

    public List<LinearLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Applies the stack to the last axis of {@code x}; intermediates are freed. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray cur = x;
        for (int i = 0; i < layers.size(); i++) {
            NDArray next = layers.get(i).apply(ps, cur, training);
            if (cur != x) {
                cur.close();
            }
            cur = next;
            if (i + 1 < layers.size() || activateLast) {
                NDArray act = Activations.silu(cur);
                cur.close();
                cur = act;
            }
        }
        return cur;
    }

    /**
     * Applies the stack to an input whose first layer has already been computed as a pre-activation (e.g. by
     * {@link PairLinear}); continues with the activation and the remaining layers. {@code firstLayerOut} is
     * consumed (closed).
     */
    public NDArray applyAfterFirst(ParameterStore ps, NDArray firstLayerOut, boolean training) {
        NDArray cur = firstLayerOut;
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) {
                NDArray next = layers.get(i).apply(ps, cur, training);
                cur.close();
                cur = next;
            }
            if (i + 1 < layers.size() || activateLast) {
                NDArray act = Activations.silu(cur);
                cur.close();
                cur = act;
            }
        }
        return cur;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(layers.get(layers.size() - 1).outFeatures())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (LinearLayer l : layers) {
            l.initialize(manager, dataType, new Shape(1, l.inFeatures()));
        }
    }
}
