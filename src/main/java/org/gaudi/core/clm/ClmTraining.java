package org.gaudi.core.clm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.ParameterSnapshot;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingCheckpoint;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingResult;

import ai.djl.Device;

/**
 * Trains a {@link ClmModel} on SMILES and writes it as one model file: build the corpus (canonical SMILES, optional
 * randomised ones, every rejection counted), a seeded split of the molecules (test drawn first, then validation),
 * the vocabulary, a GPT-2 with seeded initial weights; train with the generic {@link Trainer} (next-token
 * cross-entropy, AdamW-AMSGrad with warm-up and cosine decay, norm clipping), keeping the weights of the lowest
 * validation loss; record validation and test perplexity, the per-epoch history and the training molecules'
 * InChIKeys (for novelty); write the file atomically. A cancelled or failed run leaves no file behind except complete
 * periodic checkpoints; a file written with training state can be continued with {@link #resume}.
 */
public final class ClmTraining {
    private final ClmTrainingSettings settings;
    private TrainingListener listener = TrainingListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private Consumer<String> messages = s -> { };
    private Path initialWeights;

    /**
     * What a run produced; the caller owns (and must close) the model.
     *
     * @param corpus the training text with its rejections
     */
    public record Outcome(ClmModel model, TrainingResult result, SmilesCorpus corpus, ModelArchive archive,
            Path file) {
    }

    public ClmTraining(ClmTrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ClmTraining listener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    public ClmTraining cancellation(BooleanSupplier isCancelled) {
        this.cancelled = Objects.requireNonNull(isCancelled, "cancellation");
        return this;
    }

    public ClmTraining messages(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "messages");
        return this;
    }

    /**
     * Starts {@link #train} from the weights, vocabulary and network shape of a saved model instead of GPT-2's random
     * initialisation (a warm start with a fresh optimiser and schedule: fine-tuning, or more epochs for a model saved
     * without training state). The network options of the settings are then ignored.
     */
    public ClmTraining initialWeights(Path modelFile) {
        this.initialWeights = modelFile;
        return this;
    }

    /**
     * Trains a new model on {@code sources} and writes it to {@code out} (null: no file).
     *
     * @param dataSummary what the molecules are (source, counts), stored in the header
     */
    public Outcome train(List<SmilesCorpus.Source> sources, Map<String, Object> dataSummary, Path out)
            throws IOException {
        Device device = Djl.selectDevice(settings.device());
        ClmModel init = initialWeights == null ? null : ClmModel.load(initialWeights, device);
        ClmTrainingSettings effective = settings;
        ClmModel model;
        SmilesCorpus corpus;
        try {
            corpus = corpus(sources, settings, init == null ? null : init.vocabulary());
            Gpt2Config config = init == null ? settings.network(corpus.vocabulary().size()) : init.config();
            model = ClmModel.initialise(config, corpus.vocabulary(), device, settings.seed());
            if (init != null) {
                ParameterSnapshot.capture(init.network()).restoreInto(model.network());
                effective = settings.toBuilder().layers(config.layers()).width(config.width()).heads(config.heads())
                        .contextLength(config.contextLength()).dropout(config.dropout()).build();
                messages.accept("starting from the weights of " + initialWeights);
            }
        } finally {
            if (init != null) {
                init.close();
            }
        }
        DataSplit split = DataSplit.random(corpus.size(), settings.validationFraction(), settings.testFraction(),
                settings.seed());
        messages.accept(String.format(Locale.ROOT, "split %d train / %d validation / %d test molecules; vocabulary %s",
                split.train().length, split.validation().length, split.test().length, corpus.vocabulary()));
        messages.accept("model: " + model + " on " + Djl.describe(device));
        Map<String, Object> data = new LinkedHashMap<>(dataSummary);
        if (initialWeights != null) {
            data.put("initialWeights", String.valueOf(initialWeights.getFileName()));
        }
        try {
            return run(model, corpus, split, null, effective, data, 0, out);
        } catch (RuntimeException | IOException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * Continues the run stored in {@code checkpointFile} up to this object's epochs (everything else comes from the
     * file) and writes the result to {@code out}. The molecules must be the same, in the same order.
     *
     * @throws ModelFormatException when the file is not a language model or has no training state
     */
    public Outcome resume(List<SmilesCorpus.Source> sources, Map<String, Object> dataSummary, Path checkpointFile,
            Path out) throws IOException {
        ModelArchive archive = ModelArchive.read(checkpointFile, ClmModel.KIND);
        TrainingCheckpoint checkpoint = archive.trainingCheckpoint().orElseThrow(() -> new ModelFormatException(
                archive.source(), "has no training state to resume from (it was saved without it)"));
        ClmModel model = ClmModel.fromArchive(archive, Djl.selectDevice(settings.device()));
        try {
            ClmTrainingSettings recorded;
            try {
                recorded = ClmTrainingSettings.fromMap(model.training());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(archive.source(), "recorded training settings are unusable: "
                        + e.getMessage(), e);
            }
            if (settings.epochs() <= checkpoint.epochsCompleted()) {
                throw new IllegalArgumentException("the run in " + checkpointFile + " has already completed "
                        + checkpoint.epochsCompleted() + " epochs; ask for more than that to continue it");
            }
            ClmTrainingSettings effective = recorded.toBuilder().epochs(settings.epochs()).device(settings.device())
                    .checkpointEvery(settings.checkpointEvery()).keepTrainingState(settings.keepTrainingState())
                    .build();
            SmilesCorpus corpus = corpus(sources, effective, model.vocabulary());
            if (corpus.size() != checkpoint.split().itemCount()) {
                throw new IllegalArgumentException("the run in " + checkpointFile + " was trained on "
                        + checkpoint.split().itemCount() + " molecules, but the data given now give " + corpus.size()
                        + "; resume with the same data");
            }
            messages.accept("resuming " + checkpointFile + " after epoch " + checkpoint.epochsCompleted() + " of "
                    + effective.epochs());
            Object earlier = model.metrics().get("totalSeconds");
            return run(model, corpus, checkpoint.split(), checkpoint, effective, dataSummary,
                    earlier instanceof Number n ? n.doubleValue() : 0, out);
        } catch (RuntimeException | IOException | Error e) {
            model.close();
            throw e;
        }
    }

    private SmilesCorpus corpus(List<SmilesCorpus.Source> sources, ClmTrainingSettings s, SmilesVocabulary fixed) {
        messages.accept("tokenizing " + sources.size() + " molecules (canonical SMILES"
                + (s.randomisedSmiles() > 0 ? " + " + s.randomisedSmiles() + " randomised each" : "") + ")");
        SmilesCorpus corpus = SmilesCorpus.build(sources, s.randomisedSmiles(), s.seed(), s.contextLength() - 2,
                fixed, cancelled);
        if (!corpus.rejections().isEmpty()) {
            messages.accept(corpus.rejections().size() + " molecule(s) left out " + corpus.rejectionCounts()
                    + (corpus.unknownCharacters().isEmpty() ? "" : "; unknown characters "
                            + corpus.unknownCharacters()) + ", e.g. " + corpus.rejections().get(0));
        }
        return corpus;
    }

    private Outcome run(ClmModel model, SmilesCorpus corpus, DataSplit split, TrainingCheckpoint from,
            ClmTrainingSettings effective, Map<String, Object> dataSummary, double earlierSeconds, Path out)
            throws IOException {
        List<int[][]> items = corpus.encoded();
        Set<String> trainKeys = new TreeSet<>();
        for (int i : split.train()) {
            trainKeys.add(corpus.entries().get(i).inchiKey());
        }
        Map<String, Object> data = new LinkedHashMap<>(dataSummary);
        data.put("corpus", corpus.summary());
        data.put("split", split.ids(corpus.entries(), SmilesCorpus.Entry::id));
        Trainer trainer = new Trainer(effective.trainerSettings()).listener(listener).cancellation(cancelled);
        if (out != null && effective.checkpointEvery() > 0) {
            trainer.checkpoints(effective.checkpointEvery(), cp -> {
                model.recordTraining(trainKeys, data, effective.toMap(), metrics(model, null, cp, earlierSeconds,
                        Double.NaN, Double.NaN));
                archiveOfBest(model, cp, effective.keepTrainingState()).write(out);
                messages.accept("checkpoint after epoch " + cp.epochsCompleted() + " written to " + out);
            });
        }
        ClmTrainable trainable = new ClmTrainable(model, effective.randomisedSmiles() > 0);
        TrainingResult result = from == null ? trainer.fit(trainable, items, split)
                : trainer.resume(trainable, items, from);
        long trainTokens = 0;
        for (int i : split.train()) {
            trainTokens += items.get(i)[0].length - 1;
        }
        int sessionEpochs = result.history().size() - (from == null ? 0 : from.epochsCompleted());
        double tokensPerSecond = trainTokens * (double) sessionEpochs / Math.max(1e-9, result.seconds());
        double validationPerplexity = perplexity(model, items, split.validation());
        double testPerplexity = perplexity(model, items, split.test());
        Map<String, Object> figures = metrics(model, result, result.finalCheckpoint(), earlierSeconds,
                validationPerplexity, testPerplexity);
        figures.put("trainingTokensPerSecond", tokensPerSecond);
        model.recordTraining(trainKeys, data, effective.toMap(), figures);
        ModelArchive archive = model.toArchive();
        if (effective.keepTrainingState()) {
            archive = archive.withTrainingState(result.finalCheckpoint());
        }
        if (out != null) {
            archive.write(out);
            messages.accept("model written to " + out);
        }
        return new Outcome(model, result, corpus, archive, out);
    }

    /** Perplexity of the canonical SMILES of the given items; NaN for none. */
    static double perplexity(ClmModel model, List<int[][]> items, int[] indices) {
        if (indices.length == 0) {
            return Double.NaN;
        }
        List<int[]> seqs = new ArrayList<>(indices.length);
        for (int i : indices) {
            seqs.add(items.get(i)[0]);
        }
        return model.perplexity(seqs);
    }

    private static ModelArchive archiveOfBest(ClmModel model, TrainingCheckpoint cp, boolean withState) {
        ModelArchive archive;
        if (cp.bestParameters() == null) {
            archive = model.toArchive();
        } else {
            ParameterSnapshot current = ParameterSnapshot.capture(model.network());
            try {
                cp.bestParameters().restoreInto(model.network());
                archive = model.toArchive();
            } finally {
                current.restoreInto(model.network());
            }
        }
        return withState ? archive.withTrainingState(cp) : archive;
    }

    private static Map<String, Object> metrics(ClmModel model, TrainingResult result, TrainingCheckpoint cp,
            double earlierSeconds, double validationPerplexity, double testPerplexity) {
        List<EpochStats> history = result != null ? result.history() : cp.history();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameterCount", model.parameterCount());
        m.put("device", Djl.describe(model.device()));
        m.put("threads", Djl.intraOpThreads());
        m.put("epochsCompleted", cp.epochsCompleted());
        m.put("steps", cp.globalStep());
        m.put("bestEpoch", result != null ? result.bestEpoch() : cp.bestEpoch());
        m.put("validationPerplexity", finite(validationPerplexity));
        m.put("testPerplexity", finite(testPerplexity));
        double epochSeconds = 0;
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        for (EpochStats s : history) {
            train.add(finite(s.trainLoss()));
            validation.add(finite(Math.exp(s.validationLoss())));
            epochSeconds += s.seconds();
        }
        m.put("trainingSeconds", epochSeconds);
        m.put("totalSeconds", earlierSeconds + (result != null ? result.seconds() : epochSeconds));
        m.put("trainLossHistory", train);
        m.put("validationPerplexityHistory", validation);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
