package org.gaudi.core.clm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.nn.SeededInit;
import org.gaudi.core.train.GradMode;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A chemical language model: a {@link Gpt2Network} with its {@link SmilesVocabulary}, the seed of its initial
 * weights, the InChIKeys of its training molecules (for novelty) and what it was trained on. Saved and loaded as one
 * {@link ModelArchive} of kind {@value #KIND}: hyper-parameters are the {@link Gpt2Config} fields and the vocabulary;
 * metadata hold the seed, the training keys, and data / training / metrics summaries.
 *
 * <p>The instance owns an {@link NDManager} on its device holding the weights; {@link #close()} frees them.
 */
public final class ClmModel implements AutoCloseable {
    /** Model kind in the archive header. */
    public static final String KIND = "gaudi-clm";
    /** Version of this header layout (written and the newest read). */
    public static final int CLM_FORMAT = 1;

    private final Gpt2Config config;
    private final SmilesVocabulary vocabulary;
    private final Device device;
    private final NDManager manager;
    private final Gpt2Network network;
    private final long seed;
    private Set<String> trainingKeys = Set.of();
    private Map<String, Object> data = new LinkedHashMap<>();
    private Map<String, Object> training = new LinkedHashMap<>();
    private Map<String, Object> metrics = new LinkedHashMap<>();

    private ClmModel(Gpt2Config config, SmilesVocabulary vocabulary, Device device, long seed) {
        if (config.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException("the network reads " + config.vocabularySize() + " tokens but the "
                    + "vocabulary has " + vocabulary.size());
        }
        this.config = config;
        this.vocabulary = vocabulary;
        this.device = Objects.requireNonNull(device, "device");
        this.seed = seed;
        this.manager = Djl.call(() -> NDManager.newBaseManager(device));
        try {
            this.network = new Gpt2Network(config);
            Djl.run(() -> network.initializeParameters(manager, seed));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A new model with GPT-2's seeded initial weights. */
    public static ClmModel initialise(Gpt2Config config, SmilesVocabulary vocabulary, Device device, long seed) {
        return new ClmModel(config, vocabulary, device, seed);
    }

    /** Reads a model file. */
    public static ClmModel load(Path file, Device device) throws IOException {
        return fromArchive(ModelArchive.read(file, KIND), device);
    }

    /**
     * Builds the model an archive holds (a file, or KNIME port content).
     *
     * @throws ModelFormatException naming the source when it is not a language model, is from a newer version, or
     *                              its parts do not fit together
     */
    public static ClmModel fromArchive(ModelArchive archive, Device device) throws ModelFormatException {
        ModelHeader h = archive.header();
        String source = archive.source();
        if (!KIND.equals(h.kind())) {
            throw new ModelFormatException(source, "holds a '" + h.kind() + "' model, not a '" + KIND + "' model");
        }
        ClmModel m;
        try {
            int format = h.metadata("clmFormat", Integer.class);
            if (format < 1 || format > CLM_FORMAT) {
                throw new ModelFormatException(source, "language-model format " + format + " is not supported (this "
                        + "version reads 1 to " + CLM_FORMAT + "); update the GaUDI extension");
            }
            Gpt2Config config = new Gpt2Config(h.hyperParameter("vocabularySize", Integer.class),
                    h.hyperParameter("contextLength", Integer.class), h.hyperParameter("width", Integer.class),
                    h.hyperParameter("layers", Integer.class), h.hyperParameter("heads", Integer.class),
                    h.hyperParameter("dropout", Double.class));
            SmilesVocabulary vocabulary = SmilesVocabulary.fromList(List.of(h.hyperParameter("vocabulary",
                    String[].class)));
            m = new ClmModel(config, vocabulary, device, h.metadata("seed", Long.class));
            m.trainingKeys = Collections.unmodifiableSet(new TreeSet<>(h.metadata("trainingInchiKeys",
                    new TypeReference<List<String>>() { })));
            m.data = optionalMap(h, "data");
            m.training = optionalMap(h, "training");
            m.metrics = optionalMap(h, "metrics");
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ModelFormatException(source, "language-model header is inconsistent: " + e.getMessage(), e);
        }
        try {
            archive.loadParametersInto(m.network);
        } catch (ModelFormatException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    private static Map<String, Object> optionalMap(ModelHeader h, String key) {
        return h.hasMetadata(key) ? h.metadata(key, new TypeReference<LinkedHashMap<String, Object>>() { })
                : new LinkedHashMap<>();
    }

    /** The header describing this model. */
    public ModelHeader header() {
        ModelHeader h = new ModelHeader(KIND);
        config.toMap().forEach(h::hyperParameter);
        h.hyperParameter("vocabulary", vocabulary.tokens());
        h.hyperParameter("parameterCount", parameterCount());
        h.metadata("clmFormat", CLM_FORMAT)
                .metadata("seed", seed)
                .metadata("data", data)
                .metadata("training", training)
                .metadata("metrics", metrics)
                .metadata("trainingInchiKeys", new ArrayList<>(trainingKeys));
        return h;
    }

    /** The model as an archive (header and current weights, no training state). */
    public ModelArchive toArchive() {
        return Djl.call(() -> ModelArchive.of(header(), network));
    }

    /** Writes the model file atomically (no training state). */
    public void save(Path file) throws IOException {
        toArchive().write(file);
    }

    /** Records the training molecules' keys and what the model was trained on and how. */
    public void recordTraining(Set<String> keys, Map<String, Object> dataSummary, Map<String, Object> settings,
            Map<String, Object> figures) {
        this.trainingKeys = Collections.unmodifiableSet(new TreeSet<>(keys));
        this.data = new LinkedHashMap<>(dataSummary);
        this.training = new LinkedHashMap<>(settings);
        this.metrics = new LinkedHashMap<>(figures);
    }

    public Gpt2Config config() {
        return config;
    }

    public SmilesVocabulary vocabulary() {
        return vocabulary;
    }

    public Gpt2Network network() {
        return network;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return device;
    }

    public long seed() {
        return seed;
    }

    public long parameterCount() {
        return SeededInit.parameterCount(network);
    }

    /** InChIKeys of the training molecules. */
    public Set<String> trainingInchiKeys() {
        return trainingKeys;
    }

    public Map<String, Object> data() {
        return new LinkedHashMap<>(data);
    }

    public Map<String, Object> training() {
        return new LinkedHashMap<>(training);
    }

    public Map<String, Object> metrics() {
        return new LinkedHashMap<>(metrics);
    }

    /** The longest SMILES (in tokens) the model can read or write: the context minus begin and end tokens. */
    public int maxTokens() {
        return config.contextLength() - 2;
    }

    // ------------------------------------------------------------------------------------------------ maths

    /**
     * Mean next-token cross-entropy (nats per token) of a batch of id sequences (BOS ... EOS), padding masked out:
     * the input is every sequence without its last id, the target every sequence without its first.
     *
     * @param step    manager owning the arrays of this computation
     * @param dropout masks for training; {@link DropoutMasks#NONE} for evaluation
     * @return a scalar (differentiable when recorded)
     */
    NDArray loss(NDManager step, ParameterStore ps, List<int[]> sequences, boolean training, DropoutMasks dropout) {
        Batch b = Batch.of(sequences, config.contextLength());
        NDArray input = step.create(b.input, new Shape(b.rows, b.width));
        NDArray target = step.create(b.target, new Shape(b.rows, b.width, 1));
        NDArray mask = Djl.owned(step, b.mask, new Shape(b.rows, b.width));
        NDArray logits = network.logits(ps, input, training, dropout);
        NDArray logProbabilities = logits.logSoftmax(-1).gather(target, 2).reshape(b.rows, b.width);
        return logProbabilities.mul(mask).sum().neg().div(Djl.scalarLike(logits, b.tokens));
    }

    /**
     * Total negative log-likelihood (nats) and predicted tokens of the given sequences, without dropout; the
     * perplexity of the set is exp(nll / tokens).
     */
    public double[] negativeLogLikelihood(List<int[]> sequences, int batchSize) {
        return Djl.call(() -> {
            double nll = 0;
            long tokens = 0;
            try (GradMode.Scope s = GradMode.disabled()) {
                for (int from = 0; from < sequences.size(); from += batchSize) {
                    List<int[]> part = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
                    try (NDManager step = manager.newSubManager()) {
                        long n = Batch.of(part, config.contextLength()).tokens;
                        double mean = loss(step, new ParameterStore(step, false), part, false, DropoutMasks.NONE)
                                .toType(DataType.FLOAT64, false).getDouble();
                        nll += mean * n;
                        tokens += n;
                    }
                }
            }
            return new double[] {nll, tokens};
        });
    }

    /** Perplexity exp(mean NLL per predicted token) of the sequences. */
    public double perplexity(List<int[]> sequences) {
        double[] r = negativeLogLikelihood(sequences, 256);
        return Math.exp(r[0] / r[1]);
    }

    /** Sequences padded to a common width, as int64 ids, with a mask of the predicted positions. */
    private record Batch(int rows, int width, long[] input, long[] target, float[] mask, long tokens) {
        static Batch of(List<int[]> sequences, int context) {
            int longest = 0;
            for (int[] s : sequences) {
                if (s.length < 2) {
                    throw new IllegalArgumentException("a sequence needs at least a begin and an end token");
                }
                if (s.length > context) {
                    throw new IllegalArgumentException("a sequence of " + s.length + " tokens exceeds the context "
                            + context);
                }
                longest = Math.max(longest, s.length);
            }
            int rows = sequences.size();
            int width = longest - 1;
            long[] input = new long[rows * width];
            long[] target = new long[rows * width];
            float[] mask = new float[rows * width];
            long tokens = 0;
            for (int r = 0; r < rows; r++) {
                int[] s = sequences.get(r);
                for (int i = 0; i + 1 < s.length; i++) {
                    input[r * width + i] = s[i];
                    target[r * width + i] = s[i + 1];
                    mask[r * width + i] = 1;
                    tokens++;
                }
            }
            return new Batch(rows, width, input, target, mask, tokens);
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return config + ", " + parameterCount() + " parameters, vocabulary " + vocabulary.size();
    }
}
