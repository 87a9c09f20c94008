package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.sampling.DesignProgress;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.train.GradMode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Draws SMILES from a {@link ClmModel} token by token (ancestral sampling with temperature and top-k), one position
 * per step with a key/value cache. The model never emits padding or a second begin token (they are masked), so a
 * sequence ends with the end token or at the maximum length. Batch b draws from a generator seeded with
 * {@link GuidedSampler#batchSeed}(seed, b), on the host, so a run depends only on the model and the settings.
 */
public final class ClmSampler {
    private final ClmModel model;

    public ClmSampler(ClmModel model) {
        this.model = model;
    }

    /**
     * @param progress  receives sequences done over the run
     * @param cancelled checked before every token step
     * @throws SamplingCancelledException when cancelled
     */
    public List<GeneratedSmiles> sample(ClmSamplingSettings s, DesignProgress progress, BooleanSupplier cancelled) {
        int limit = s.maxTokens() == 0 ? model.maxTokens() : s.maxTokens();
        if (limit > model.maxTokens()) {
            throw new IllegalArgumentException("maximum length " + limit + " exceeds what the model's context holds ("
                    + model.maxTokens() + " tokens)");
        }
        return Djl.call(() -> {
            List<GeneratedSmiles> out = new ArrayList<>(s.molecules());
            try (GradMode.Scope g = GradMode.disabled()) {
                int batches = (s.molecules() + s.batchSize() - 1) / s.batchSize();
                for (int b = 0; b < batches; b++) {
                    int from = b * s.batchSize();
                    int rows = Math.min(s.batchSize(), s.molecules() - from);
                    out.addAll(batch(s, b, from, rows, limit, cancelled));
                    progress.update(from + rows, s.molecules(), "batch " + (b + 1) + "/" + batches);
                }
            }
            return out;
        });
    }

    private List<GeneratedSmiles> batch(ClmSamplingSettings s, int b, int from, int rows, int limit,
            BooleanSupplier cancelled) {
        long seed = GuidedSampler.batchSeed(s.seed(), b);
        SplittableRandom random = new SplittableRandom(seed);
        int vocab = model.vocabulary().size();
        int[][] tokens = new int[rows][limit + 1];
        int[] length = new int[rows];
        boolean[] done = new boolean[rows];
        double[] logLikelihood = new double[rows];
        long[] input = new long[rows];
        Arrays.fill(input, SmilesVocabulary.BOS_ID);
        int open = rows;
        double[] weights = new double[vocab];
        try (KeyValueCache cache = new KeyValueCache(model.manager(), model.config().layers())) {
            for (int pos = 0; pos <= limit && open > 0; pos++) {
                if (cancelled.getAsBoolean()) {
                    throw new SamplingCancelledException("language-model sampling cancelled");
                }
                float[] logits;
                try (NDManager step = model.manager().newSubManager()) {
                    NDArray in = step.create(input, new Shape(rows, 1));
                    logits = model.network().nextLogits(new ParameterStore(step, false), in, cache)
                            .toType(DataType.FLOAT32, false).toFloatArray();
                }
                for (int r = 0; r < rows; r++) {
                    if (done[r]) {
                        input[r] = SmilesVocabulary.PAD_ID;
                        continue;
                    }
                    int next = pos == limit ? SmilesVocabulary.EOS_ID
                            : draw(logits, r * vocab, vocab, s.temperature(), s.topK(), random, weights);
                    if (pos == limit) {
                        done[r] = true; // cut: the model did not end the sequence within the limit
                        open--;
                        continue;
                    }
                    logLikelihood[r] += logProbability(logits, r * vocab, vocab, next);
                    if (next == SmilesVocabulary.EOS_ID) {
                        done[r] = true;
                        open--;
                        length[r] = -length[r] - 1; // negative: finished by the model
                    } else {
                        tokens[r][length[r]++] = next;
                    }
                    input[r] = next;
                }
            }
        }
        List<GeneratedSmiles> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            boolean finished = length[r] < 0;
            int n = finished ? -length[r] - 1 : length[r];
            String text = model.vocabulary().decode(Arrays.copyOf(tokens[r], n));
            out.add(new GeneratedSmiles(from + r, b, seed, text, n, finished, logLikelihood[r]));
        }
        return out;
    }

    /** Draws a token from row {@code off} of the logits with temperature and top-k; PAD and BOS are excluded. */
    static int draw(float[] logits, int off, int vocab, double temperature, int topK, SplittableRandom random,
            double[] weights) {
        double threshold = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < vocab - 2) {
            double[] sorted = new double[vocab - 2];
            for (int v = 2; v < vocab; v++) {
                sorted[v - 2] = logits[off + v];
            }
            Arrays.sort(sorted);
            threshold = sorted[sorted.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 2; v < vocab; v++) {
            max = Math.max(max, logits[off + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            boolean allowed = v != SmilesVocabulary.PAD_ID && v != SmilesVocabulary.BOS_ID
                    && logits[off + v] >= threshold;
            weights[v] = allowed ? Math.exp((logits[off + v] - max) / temperature) : 0;
            sum += weights[v];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalStateException("the language model produced non-finite logits (sum of weights " + sum
                    + ")");
        }
        double u = random.nextDouble() * sum;
        int last = -1;
        for (int v = 0; v < vocab; v++) {
            if (weights[v] > 0) {
                last = v;
                u -= weights[v];
                if (u < 0) {
                    return v;
                }
            }
        }
        return last;
    }

    /** log softmax(logits row)[token] at temperature 1 over the whole vocabulary. */
    static double logProbability(float[] logits, int off, int vocab, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits[off + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            sum += Math.exp(logits[off + v] - max);
        }
        return logits[off + token] - max - Math.log(sum);
    }
}
