package org.gaudi.core.clm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to draw SMILES from a language model.
 *
 * @param molecules   SMILES to draw
 * @param temperature divides the logits before sampling (1 = the model's distribution; lower is greedier)
 * @param topK        sample among the k most likely tokens only; 0 = all
 * @param seed        the run seed (batch b draws from a generator seeded from (seed, b))
 * @param maxTokens   the longest SMILES in tokens; 0 = as long as the model's context allows
 * @param batchSize   sequences generated together
 */
public record ClmSamplingSettings(int molecules, double temperature, int topK, long seed, int maxTokens,
        int batchSize) {

    public ClmSamplingSettings {
        if (molecules < 1) {
            throw new IllegalArgumentException("molecules must be >= 1, got " + molecules);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0 = all tokens), got " + topK);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maximum length must be >= 0 (0 = the model's context), got "
                    + maxTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }

    /** The model's own distribution: temperature 1, all tokens, full context, batches of 250. */
    public static ClmSamplingSettings of(int molecules, long seed) {
        return new ClmSamplingSettings(molecules, 1.0, 0, seed, 0, 250);
    }

    public ClmSamplingSettings withTemperature(double t) {
        return new ClmSamplingSettings(molecules, t, topK, seed, maxTokens, batchSize);
    }

    public ClmSamplingSettings withTopK(int k) {
        return new ClmSamplingSettings(molecules, temperature, k, seed, maxTokens, batchSize);
    }

    public ClmSamplingSettings withMaxTokens(int n) {
        return new ClmSamplingSettings(molecules, temperature, topK, seed, n, batchSize);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("molecules", molecules);
        m.put("temperature", temperature);
        m.put("topK", topK);
        m.put("seed", seed);
        m.put("maxTokens", maxTokens);
        m.put("batchSize", batchSize);
        return m;
    }
}
