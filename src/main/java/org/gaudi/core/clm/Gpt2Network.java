package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gaudi.core.nn.LayerNormLayer;
import org.gaudi.core.nn.NormalInit;
import org.gaudi.core.nn.SeededInit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A GPT-2 decoder (Radford et al. 2019) exactly: token embedding + learned position embedding, embedding dropout,
 * {@code layers} pre-LayerNorm blocks ({@link Gpt2Layer}), a final LayerNorm and an LM head tied to the token
 * embedding (logits = h · Wteᵀ, no bias). Initialisation as GPT-2: every weight N(0, 0.02²), the two residual
 * projections of each block N(0, (0.02/√(2·layers))²), biases 0, LayerNorm scale 1 and shift 0.
 *
 * <p>All parameter shapes are declared at construction, so {@link SeededInit#parameterCount} counts a model
 * (GPT-2 small: 124,439,808) without allocating a single weight; {@link #initializeParameters} allocates them.
 *
 * <p>Inputs are token ids as int64 (B, T) with T ≤ the context length; the output is (B, T, vocabulary) logits.
 */
public final class Gpt2Network extends AbstractBlock implements SeededInit.Seedable {
    private static final byte VERSION = 1;

    private final Gpt2Config config;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<Gpt2Layer> layers = new ArrayList<>();
    private final LayerNormLayer finalNorm;

    public Gpt2Network(Gpt2Config config) {
        super(VERSION);
        this.config = config;
        this.tokenEmbedding = addParameter(Parameter.builder().setName("wte").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabularySize(), config.width()))
                .optInitializer(new NormalInit(Gpt2Config.initStd(), null)).build());
        this.positionEmbedding = addParameter(Parameter.builder().setName("wpe").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.contextLength(), config.width()))
                .optInitializer(new NormalInit(Gpt2Config.initStd(), null)).build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("h" + i, new Gpt2Layer(config)));
        }
        this.finalNorm = addChildBlock("ln_f", new LayerNormLayer(config.width()));
    }

    public Gpt2Config config() {
        return config;
    }

    /** Seeds every initialiser from {@code seed} and allocates the weights on {@code manager}'s device. */
    public void initializeParameters(NDManager manager, long seed) {
        SeededInit.apply(this, seed);
        initialize(manager, DataType.FLOAT32, new Shape(1, 1));
    }

    @Override
    public void seedInitializers(SplittableRandom seeds) {
        tokenEmbedding.setInitializer(new NormalInit(Gpt2Config.initStd(), seeds.nextLong()));
        positionEmbedding.setInitializer(new NormalInit(Gpt2Config.initStd(), seeds.nextLong()));
    }

    /**
     * Logits of every position.
     *
     * @param tokens  int64 (B, T), T ≤ context length
     * @param dropout masks for training ({@link DropoutMasks#NONE} for inference)
     */
    NDArray logits(ParameterStore ps, NDArray tokens, boolean training, DropoutMasks dropout) {
        Shape s = tokens.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("tokens must be (batch, positions), got " + s);
        }
        int t = (int) s.get(1);
        if (t > config.contextLength()) {
            throw new IllegalArgumentException(t + " positions exceed the context length " + config.contextLength());
        }
        NDArray wte = ps.getValue(tokenEmbedding, tokens.getDevice(), training);
        NDArray wpe = ps.getValue(positionEmbedding, tokens.getDevice(), training);
        NDArray h = Embedding.embedding(tokens, wte, SparseFormat.DENSE).singletonOrThrow()
                .add(wpe.get(new NDIndex("0:{}", t)));
        h = dropout.apply(h);
        for (Gpt2Layer layer : layers) {
            h = layer.apply(ps, h, training, dropout);
        }
        return finalNorm.apply(ps, h, training).matMul(wte.transpose());
    }

    /**
     * Logits of the next token after one more position per sequence, using and extending the cache.
     *
     * @param tokens   int64 (B, 1), the tokens at position {@code cache.length()}
     * @return (B, vocabulary)
     */
    NDArray nextLogits(ParameterStore ps, NDArray tokens, KeyValueCache cache) {
        int position = (int) cache.length();
        if (position >= config.contextLength()) {
            throw new IllegalArgumentException("position " + position + " is beyond the context length "
                    + config.contextLength());
        }
        NDArray wte = ps.getValue(tokenEmbedding, tokens.getDevice(), false);
        NDArray wpe = ps.getValue(positionEmbedding, tokens.getDevice(), false);
        NDArray h = Embedding.embedding(tokens, wte, SparseFormat.DENSE).singletonOrThrow()
                .add(wpe.get(new NDIndex("{}:{}", position, position + 1)));
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).applyIncremental(ps, h, cache.layer(i));
        }
        NDArray logits = finalNorm.apply(ps, h, false).matMul(wte.transpose());
        return logits.reshape(logits.getShape().get(0), config.vocabularySize());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(logits(ps, inputs.singletonOrThrow(), training, DropoutMasks.NONE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Gpt2Layer layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, 1, config.width()));
        }
        finalNorm.initialize(manager, dataType, new Shape(1, config.width()));
    }
}
