package org.gaudi.core.diffusion;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.ReadProgress;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.ParameterSnapshot;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingCheckpoint;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingResult;

/**
 * Trains an {@link EdmModel} on a {@link Dataset} (GaUDI §5.4–5.5) and writes it as one model file.
 *
 * <p>Steps: keep the molecules in the ring range; split them (seeded; test part drawn first, then validation);
 * learn the ring-count distribution from the training part; compute the training molecules' InChIKeys (for
 * novelty); build the network (seeded initialisation) with N_pad = the largest ring count kept; train with the
 * generic {@link Trainer} (AMSGrad-AdamW, adaptive clipping, optional EMA), selecting the best weights by the
 * validation loss ({@link EdmTrainable.ValidationMetric}: ε-loss or the NLL bound); record settings, split, seed and
 * metrics in the header; write the file atomically.
 *
 * <p>Cancellation (checked before every step and every few hundred molecules while computing keys) and failures
 * throw ({@link org.gaudi.core.train.TrainingCancelledException},
 * {@link org.gaudi.core.train.TrainingDivergedException}) and leave no model file behind, except the complete
 * periodic checkpoints written with {@link EdmTrainingSettings#checkpointEvery()} &gt; 0. A file written with
 * training state (the default) can be continued with {@link #resume}.
 *
 * <pre>{@code
 * EdmTraining.Outcome o = new EdmTraining(settings).listener(l).cancellation(cancel::get).train(data, out);
 * try (EdmModel edm = o.model()) { ... }
 * }</pre>
 */
public final class EdmTraining {
    private final EdmTrainingSettings settings;
    private TrainingListener listener = TrainingListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private boolean requireValidation;
    private Consumer<String> messages = s -> { };
    private ReadProgress preparation = ReadProgress.NONE;
    private double resumeLearningRate = Double.NaN;

    /**
     * What a run produced. The caller owns (and must close) the model.
     *
     * @param model   the trained model holding the best weights
     * @param result  per-epoch figures, best epoch, split and final checkpoint
     * @param archive the archive that was (or would be) written, training state included if requested
     * @param file    where it was written, or null
     */
    public record Outcome(EdmModel model, TrainingResult result, ModelArchive archive, Path file) {
    }

    public EdmTraining(EdmTrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EdmTrainingSettings settings() {
        return settings;
    }

    /** Receives every optimiser step and epoch (on the training thread). */
    public EdmTraining listener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /** Checked before every step; when it answers true the run stops without writing a model file. */
    /**
     * Refuse a split without validation molecules (a tiny data set, or a validation fraction of 0) instead of
     * training with NaN validation figures and keeping the last epoch. Off by default: the KNIME learners accept
     * such a split with a warning.
     */
    public EdmTraining requireValidation() {
        this.requireValidation = true;
        return this;
    }

    public EdmTraining cancellation(BooleanSupplier isCancelled) {
        this.cancelled = Objects.requireNonNull(isCancelled, "cancellation");
        return this;
    }

    /** Receives one-line status messages (data filtering, split, device, keys). */
    public EdmTraining messages(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "messages");
        return this;
    }

    /**
     * With {@link #resume}: continue at this learning rate instead of the recorded one (a step decay for fine-tuning
     * a long run). The optimiser's moments are kept; the file records the new rate.
     */
    public EdmTraining resumeLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + rate);
        }
        this.resumeLearningRate = rate;
        return this;
    }

    /** Receives (done, total) while the training molecules' InChIKeys are computed. */
    public EdmTraining preparationProgress(ReadProgress progress) {
        this.preparation = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Trains without writing a file. */
    public Outcome train(Dataset data) throws IOException {
        return train(data, null);
    }

    /**
     * Trains a new model and writes it to {@code out} (atomically; null for no file).
     *
     * @throws IllegalArgumentException when no molecule is in the ring range or a graph does not fit the model
     */
    public Outcome train(Dataset data, Path out) throws IOException {
        Items items = Items.of(data, settings.minRings(), settings.maxRings());
        DataSplit split = DataSplit.random(items.size(), settings.validationFraction(), settings.testFraction(),
                settings.seed());
        split.requireTraining(requireValidation, settings.validationFraction());
        messages.accept(String.format(java.util.Locale.ROOT, "data: %d molecules with %d-%d rings (%d outside the"
                + " range left out); split %d train / %d validation / %d test", items.size(), settings.minRings(),
                settings.maxRings(), items.filteredOut, split.train().length, split.validation().length,
                split.test().length));
        List<GraphOfRings> trainGraphs = new ArrayList<>();
        List<MoleculeRecord> trainRecords = new ArrayList<>();
        for (int i : split.train()) {
            trainGraphs.add(items.records.get(i).gor());
            trainRecords.add(items.records.get(i));
        }
        RingCountDistribution dist = RingCountDistribution.fromGraphs(trainGraphs);
        messages.accept("computing InChIKeys of " + trainRecords.size() + " training molecules (for novelty)");
        TrainingSetKeys keys = TrainingSetKeys.of(trainRecords, preparation, cancelled);
        if (!keys.failures().isEmpty()) {
            messages.accept(keys.failures().size() + " training molecule(s) gave no InChIKey, e.g. "
                    + keys.failures().get(0));
        }
        EdmArchitecture arch = EdmArchitecture.forKind(items.kind, settings.layers(), settings.hidden(),
                items.maxRingCount);
        Device device = Djl.selectDevice(settings.device());
        messages.accept("model: " + arch + " on " + Djl.describe(device));
        EdmDataSummary summary = summary(data, items, split);
        EdmModel model = EdmModel.initialise(arch, device, settings.seed(), dist, keys.keys(), summary);
        try {
            return run(model, items, split, null, settings, keys.failures().size(), 0, out);
        } catch (RuntimeException | IOException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * Continues the run stored in {@code checkpointFile} up to this object's {@link EdmTrainingSettings#epochs()}
     * epochs and writes the result to {@code out}. Everything else (architecture, seed, batch size, learning rate,
     * split, ring range, EMA) comes from the file; the data must be the same molecules in the same order.
     *
     * @throws ModelFormatException     when the file is not an EDM model, is damaged or has no training state
     * @throws IllegalArgumentException when the data differ from the original run or the run already has that many
     *                                  epochs
     */
    public Outcome resume(Dataset data, Path checkpointFile, Path out) throws IOException {
        ModelArchive archive = ModelArchive.read(checkpointFile, EdmModel.KIND);
        TrainingCheckpoint checkpoint = archive.trainingCheckpoint().orElseThrow(() -> new ModelFormatException(
                archive.source(), "has no training state to resume from (it was saved without it)"));
        Device device = Djl.selectDevice(settings.device());
        EdmModel model = EdmModel.fromArchive(archive, device);
        try {
            EdmTrainingSettings recorded;
            try {
                recorded = EdmTrainingSettings.fromMap(model.training());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(archive.source(), "recorded training settings are unusable: "
                        + e.getMessage(), e);
            }
            if (settings.epochs() <= checkpoint.epochsCompleted()) {
                throw new IllegalArgumentException("the run in " + checkpointFile + " has already completed "
                        + checkpoint.epochsCompleted() + " epochs; ask for more than that to continue it");
            }
            EdmTrainingSettings effective = recorded.toBuilder().epochs(settings.epochs()).device(settings.device())
                    .checkpointEvery(settings.checkpointEvery()).keepTrainingState(settings.keepTrainingState())
                    .build();
            if (!Double.isNaN(resumeLearningRate) && resumeLearningRate != recorded.learningRate()) {
                effective = effective.toBuilder().learningRate(resumeLearningRate).build();
                messages.accept(String.format(java.util.Locale.ROOT, "learning rate %.3g (was %.3g) from epoch %d on",
                        resumeLearningRate, recorded.learningRate(), checkpoint.epochsCompleted() + 1));
            }
            Items items = Items.of(data, recorded.minRings(), recorded.maxRings());
            DataSplit split = checkpoint.split();
            checkSameData(items, split, model.data(), checkpointFile);
            if (items.maxRingCount > model.architecture().maxRings()) {
                throw new IllegalArgumentException("the data hold molecules with " + items.maxRingCount
                        + " rings, more than the model's capacity " + model.architecture().maxRings());
            }
            messages.accept("resuming " + checkpointFile + " after epoch " + checkpoint.epochsCompleted() + " of "
                    + effective.epochs() + " on " + Djl.describe(device));
            double earlierSeconds = number(model.metrics().get("totalSeconds"));
            int keyFailures = (int) number(model.metrics().get("trainingKeyFailures"));
            return run(model, items, split, checkpoint, effective, keyFailures, earlierSeconds, out);
        } catch (RuntimeException | IOException | Error e) {
            model.close();
            throw e;
        }
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private Outcome run(EdmModel model, Items items, DataSplit split, TrainingCheckpoint from,
            EdmTrainingSettings effective, int keyFailures, double earlierSeconds, Path out) throws IOException {
        checkEncodable(model.architecture().featurizer(), items);
        EdmTrainable trainable = new EdmTrainable(model.diffusion(), effective.validationMetric());
        Trainer trainer = new Trainer(effective.trainerSettings()).listener(listener).cancellation(cancelled);
        if (out != null && effective.checkpointEvery() > 0) {
            trainer.checkpoints(effective.checkpointEvery(), cp -> {
                model.recordTraining(effective.toMap(), metrics(model, null, cp, keyFailures, earlierSeconds));
                archiveOfBest(model, cp, effective.keepTrainingState()).write(out);
                messages.accept("checkpoint after epoch " + cp.epochsCompleted() + " written to " + out);
            });
        }
        List<GraphOfRings> graphs = new ArrayList<>(items.size());
        for (MoleculeRecord r : items.records) {
            graphs.add(r.gor());
        }
        TrainingResult result = from == null ? trainer.fit(trainable, graphs, split)
                : trainer.resume(trainable, graphs, from);
        // the block now holds the best weights
        model.recordTraining(effective.toMap(), metrics(model, result, result.finalCheckpoint(), keyFailures,
                earlierSeconds));
        ModelArchive archive = model.toArchive();
        if (effective.keepTrainingState()) {
            archive = archive.withTrainingState(result.finalCheckpoint());
        }
        if (out != null) {
            archive.write(out);
            messages.accept("model written to " + out);
        }
        return new Outcome(model, result, archive, out);
    }

    /** An archive with the best weights so far (the block's current weights are put back afterwards). */
    private static ModelArchive archiveOfBest(EdmModel model, TrainingCheckpoint cp, boolean withState) {
        Block block = model.network();
        ModelArchive archive;
        if (cp.bestParameters() == null) {
            archive = model.toArchive();
        } else {
            ParameterSnapshot current = ParameterSnapshot.capture(block);
            try {
                cp.bestParameters().restoreInto(block);
                archive = model.toArchive();
            } finally {
                current.restoreInto(block);
            }
        }
        return withState ? archive.withTrainingState(cp) : archive;
    }

    private static Map<String, Object> metrics(EdmModel model, TrainingResult result, TrainingCheckpoint cp,
            int keyFailures, double earlierSeconds) {
        List<EpochStats> history = result != null ? result.history() : cp.history();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameterCount", model.parameterCount());
        m.put("device", Djl.describe(model.device()));
        m.put("threads", Djl.intraOpThreads());
        m.put("epochsCompleted", cp.epochsCompleted());
        m.put("steps", cp.globalStep());
        m.put("bestEpoch", result != null ? result.bestEpoch() : cp.bestEpoch());
        m.put("bestValidationLoss", finite(result != null ? result.bestValidationLoss() : cp.bestValidationLoss()));
        m.put("finalTrainLoss", history.isEmpty() ? null : finite(history.get(history.size() - 1).trainLoss()));
        double sessionSeconds = result != null ? result.seconds() : 0;
        double epochSeconds = 0;
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        for (EpochStats s : history) {
            train.add(finite(s.trainLoss()));
            validation.add(finite(s.validationLoss()));
            epochSeconds += s.seconds();
        }
        m.put("trainingSeconds", epochSeconds);
        m.put("totalSeconds", result != null ? earlierSeconds + sessionSeconds : earlierSeconds + epochSeconds);
        m.put("trainingKeyFailures", keyFailures);
        m.put("trainLossHistory", train);
        m.put("validationLossHistory", validation);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static EdmDataSummary summary(Dataset data, Items items, DataSplit split) {
        return new EdmDataSummary(data.source(), data.size(), data.rejections().size(), items.minRings,
                items.maxRings, items.filteredOut, items.size(), items.ids(split.train()),
                items.ids(split.validation()), items.ids(split.test()));
    }

    private static void checkSameData(Items items, DataSplit split, EdmDataSummary recorded, Path file) {
        if (split.itemCount() != items.size()) {
            throw new IllegalArgumentException("the run in " + file + " was trained on " + split.itemCount()
                    + " molecules (" + recorded.source() + "), but the data given now have " + items.size()
                    + " in the ring range; resume with the same data");
        }
        compareIds("training", items.ids(split.train()), recorded.trainIds(), file);
        compareIds("validation", items.ids(split.validation()), recorded.validationIds(), file);
        compareIds("test", items.ids(split.test()), recorded.testIds(), file);
    }

    private static void compareIds(String part, List<String> now, List<String> recorded, Path file) {
        for (int k = 0; k < Math.min(now.size(), recorded.size()); k++) {
            if (!now.get(k).equals(recorded.get(k))) {
                throw new IllegalArgumentException("the data differ from the run in " + file + ": " + part
                        + " molecule " + k + " is '" + now.get(k) + "' now but was '" + recorded.get(k) + "'");
            }
        }
        if (now.size() != recorded.size()) {
            throw new IllegalArgumentException("the data differ from the run in " + file + ": the " + part
                    + " part has " + now.size() + " molecules now but had " + recorded.size());
        }
    }

    /** Encodes every item once so that one that does not fit is named by its molecule id before training. */
    private static void checkEncodable(GorFeaturizer featurizer, Items items) {
        List<GraphOfRings> graphs = new ArrayList<>(items.size());
        for (MoleculeRecord r : items.records) {
            graphs.add(r.gor());
        }
        try {
            featurizer.encode(graphs);
        } catch (IllegalArgumentException e) {
            for (MoleculeRecord r : items.records) {
                try {
                    featurizer.encode(List.of(r.gor()));
                } catch (IllegalArgumentException one) {
                    throw new IllegalArgumentException("molecule " + r.id() + " cannot be used for training: "
                            + one.getMessage().replaceFirst("^graph 0[,:]? ?", ""), one);
                }
            }
            throw e;
        }
    }

    /** The molecules in the ring range, in dataset order. */
    private static final class Items {
        final List<MoleculeRecord> records;
        final int filteredOut;
        final int minRings;
        final int maxRings;
        final int maxRingCount;
        final GorKind kind;

        private Items(List<MoleculeRecord> records, int filteredOut, int minRings, int maxRings) {
            this.records = records;
            this.filteredOut = filteredOut;
            this.minRings = minRings;
            this.maxRings = maxRings;
            int max = 0;
            boolean hetero = false;
            for (MoleculeRecord r : records) {
                max = Math.max(max, r.ringCount());
                hetero |= GorKind.of(r.gor()) == GorKind.HETERO;
            }
            this.maxRingCount = max;
            this.kind = hetero ? GorKind.HETERO : GorKind.CATA;
        }

        static Items of(Dataset data, int minRings, int maxRings) {
            List<MoleculeRecord> kept = new ArrayList<>();
            int out = 0;
            for (MoleculeRecord r : data.records()) {
                if (r.ringCount() >= minRings && r.ringCount() <= maxRings) {
                    kept.add(r);
                } else {
                    out++;
                }
            }
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("no molecule of " + data.source() + " has " + minRings + "-"
                        + maxRings + " rings (" + data.size() + " molecules, " + out + " outside the range)");
            }
            return new Items(kept, out, minRings, maxRings);
        }

        int size() {
            return records.size();
        }

        List<String> ids(int[] indices) {
            List<String> out = new ArrayList<>(indices.length);
            for (int i : indices) {
                out.add(records.get(i).id());
            }
            return out;
        }
    }
}
