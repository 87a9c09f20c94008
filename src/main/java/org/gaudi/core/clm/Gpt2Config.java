package org.gaudi.core.clm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a GPT-2 decoder: vocabulary size, context length (learned positions), width, layers, heads and the
 * dropout rate used for embeddings, attention probabilities and residual branches (GPT-2 uses one rate for all
 * three). GPT-2 small is {@link #gpt2Small()}.
 *
 * @param vocabularySize tokens the model reads and predicts
 * @param contextLength  positions (the longest sequence, begin and end tokens included)
 * @param width          embedding width C (GPT-2's n_embd)
 * @param layers         transformer blocks
 * @param heads          attention heads; must divide the width
 * @param dropout        dropout rate in [0, 1)
 */
public record Gpt2Config(int vocabularySize, int contextLength, int width, int layers, int heads, double dropout) {

    public Gpt2Config {
        if (vocabularySize < 2 || contextLength < 2 || width < 1 || layers < 1 || heads < 1) {
            throw new IllegalArgumentException("GPT-2 shape must be positive (vocabulary and context at least 2), got"
                    + " vocabulary " + vocabularySize + ", context " + contextLength + ", width " + width
                    + ", layers " + layers + ", heads " + heads);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("the width " + width + " must be a multiple of the heads " + heads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** GPT-2 small (Radford et al. 2019): 12 layers, 12 heads, width 768, vocabulary 50,257, context 1,024. */
    public static Gpt2Config gpt2Small() {
        return new Gpt2Config(50_257, 1_024, 768, 12, 12, 0.1);
    }

    /** Width of one attention head. */
    public int headWidth() {
        return width / heads;
    }

    /** Width of the MLP's hidden layer (4 × width, as GPT-2). */
    public int mlpWidth() {
        return 4 * width;
    }

    /**
     * Trainable values, counted from the architecture: token and position embeddings, per block two LayerNorms
     * (2C each), the fused q/k/v projection (3C² + 3C), the attention output projection (C² + C) and the MLP
     * (4C² + 4C and 4C² + C); the final LayerNorm; the LM head shares the token embedding.
     */
    public long parameterCount() {
        long c = width;
        long perBlock = 2 * c + (3 * c * c + 3 * c) + (c * c + c) + 2 * c + (4 * c * c + 4 * c) + (4 * c * c + c);
        return (long) vocabularySize * c + (long) contextLength * c + layers * perBlock + 2 * c;
    }

    /** Standard deviation of the initial weights (GPT-2: 0.02). */
    public static double initStd() {
        return 0.02;
    }

    /** Standard deviation of the residual output projections: 0.02 / √(2 · layers) (GPT-2's scaling). */
    public double residualInitStd() {
        return initStd() / Math.sqrt(2.0 * layers);
    }

    /** The shape by name, for model-file headers. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vocabularySize", vocabularySize);
        m.put("contextLength", contextLength);
        m.put("width", width);
        m.put("layers", layers);
        m.put("heads", heads);
        m.put("dropout", dropout);
        return m;
    }

    @Override
    public String toString() {
        return "GPT-2 " + layers + " x " + width + " (" + heads + " heads, context " + contextLength
                + ", vocabulary " + vocabularySize + ", dropout " + dropout + ")";
    }
}
