package org.gaudi.core.clm;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.LayerNormLayer;
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
 * One pre-LayerNorm GPT-2 block: x + dropout(attention(LN(x))), then x + dropout(MLP(LN(x))) with the MLP
 * C → 4C → GELU → C (GPT-2's tanh approximation of GELU) whose output projection is a residual projection.
 */
final class Gpt2Layer extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float GELU_C = (float) Math.sqrt(2 / Math.PI);

    private final Gpt2Config config;
    private final LayerNormLayer norm1;
    private final CausalSelfAttention attention;
    private final LayerNormLayer norm2;
    private final LinearLayer fc;
    private final LinearLayer proj;

    Gpt2Layer(Gpt2Config config) {
        super(VERSION);
        this.config = config;
        int c = config.width();
        this.norm1 = addChildBlock("ln1", new LayerNormLayer(c));
        this.attention = addChildBlock("attn", new CausalSelfAttention(config));
        this.norm2 = addChildBlock("ln2", new LayerNormLayer(c));
        this.fc = addChildBlock("fc", LinearLayer.normal(c, config.mlpWidth(), true, Gpt2Config.initStd()));
        this.proj = addChildBlock("proj", LinearLayer.normal(config.mlpWidth(), c, true, config.residualInitStd()));
    }

    NDArray apply(ParameterStore ps, NDArray x, boolean training, DropoutMasks dropout) {
        NDArray h = x.add(dropout.apply(attention.apply(ps, norm1.apply(ps, x, training), training, dropout)));
        return h.add(dropout.apply(mlp(ps, norm2.apply(ps, h, training), training)));
    }

    NDArray applyIncremental(ParameterStore ps, NDArray x, KeyValueCache.Layer cache) {
        NDArray h = x.add(attention.applyIncremental(ps, norm1.apply(ps, x, false), cache));
        return h.add(mlp(ps, norm2.apply(ps, h, false), false));
    }

    private NDArray mlp(ParameterStore ps, NDArray x, boolean training) {
        return proj.apply(ps, gelu(fc.apply(ps, x, training)), training);
    }

    /** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), GPT-2's GELU. */
    static NDArray gelu(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(Djl.scalarLike(x, 0.044715f))).mul(Djl.scalarLike(x, GELU_C));
        return x.mul(inner.tanh().add(Djl.scalarLike(x, 1f))).mul(Djl.scalarLike(x, 0.5f));
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
        Shape row = new Shape(1, config.width());
        norm1.initialize(manager, dataType, row);
        attention.initialize(manager, dataType, row);
        norm2.initialize(manager, dataType, row);
        fc.initialize(manager, dataType, row);
        proj.initialize(manager, dataType, new Shape(1, config.mlpWidth()));
    }
}
