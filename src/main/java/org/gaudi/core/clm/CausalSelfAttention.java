package org.gaudi.core.clm;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.LinearLayer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * GPT-2's masked multi-head self-attention: one fused q/k/v projection (C → 3C), scaled dot products per head,
 * a causal mask (position i sees positions ≤ i only), softmax, dropout on the probabilities, the heads concatenated
 * and an output projection (C → C, the residual projection whose initial std is scaled by 1/√(2·layers)).
 */
final class CausalSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Gpt2Config config;
    private final LinearLayer qkv;
    private final LinearLayer projection;

    CausalSelfAttention(Gpt2Config config) {
        super(VERSION);
        this.config = config;
        int c = config.width();
        this.qkv = addChildBlock("qkv", LinearLayer.normal(c, 3 * c, true, Gpt2Config.initStd()));
        this.projection = addChildBlock("proj", LinearLayer.normal(c, c, true, config.residualInitStd()));
    }

    /**
     * Attention over a whole sequence x (B, T, C) with the causal mask; the result is (B, T, C) before the residual
     * dropout.
     */
    NDArray apply(ParameterStore ps, NDArray x, boolean training, DropoutMasks dropout) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        NDArray[] qkvHeads = heads(ps, x, training, b, t);
        NDArray scores = qkvHeads[0].matMul(qkvHeads[1].transpose(0, 1, 3, 2))
                .mul(Djl.scalarLike(x, (float) (1 / Math.sqrt(config.headWidth()))));
        NDArray masked = scores.add(causalMask(x.getManager(), (int) t, x.getDataType()));
        NDArray probabilities = dropout.apply(masked.softmax(-1));
        NDArray y = probabilities.matMul(qkvHeads[2]);
        return projection.apply(ps, y.transpose(0, 2, 1, 3).reshape(b, t, config.width()), training);
    }

    /**
     * One new position per sequence, x (B, 1, C), attending to the cached keys and values of the earlier positions
     * and to itself; the cache grows by this position. No mask is needed: everything cached lies in the past.
     */
    NDArray applyIncremental(ParameterStore ps, NDArray x, KeyValueCache.Layer cache) {
        long b = x.getShape().get(0);
        NDArray[] qkvHeads = heads(ps, x, false, b, 1);
        NDArray k = cache.append(qkvHeads[1], 0);
        NDArray v = cache.append(qkvHeads[2], 1);
        NDArray scores = qkvHeads[0].matMul(k.transpose(0, 1, 3, 2))
                .mul(Djl.scalarLike(x, (float) (1 / Math.sqrt(config.headWidth()))));
        NDArray y = scores.softmax(-1).matMul(v);
        return projection.apply(ps, y.transpose(0, 2, 1, 3).reshape(b, 1, config.width()), false);
    }

    /** q, k, v as (B, heads, T, head width). */
    private NDArray[] heads(ParameterStore ps, NDArray x, boolean training, long b, long t) {
        NDList parts = qkv.apply(ps, x, training).split(3, 2);
        NDArray[] out = new NDArray[3];
        for (int i = 0; i < 3; i++) {
            out[i] = parts.get(i).reshape(b, t, config.heads(), config.headWidth()).transpose(0, 2, 1, 3);
        }
        return out;
    }

    /** (T, T): 0 on and below the diagonal, −∞ above it (future positions). */
    static NDArray causalMask(NDManager manager, int t, DataType type) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        NDArray mask = Djl.owned(manager, m, new Shape(t, t));
        return type == DataType.FLOAT32 ? mask : mask.toType(type, false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training, DropoutMasks.NONE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, new Shape(1, config.width()));
        projection.initialize(manager, dataType, new Shape(1, config.width()));
    }
}
