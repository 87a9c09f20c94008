package org.gaudi.core.predictor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.ParameterSnapshot;
import org.gaudi.core.train.TrainableModel;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingCheckpoint;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingResult;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Trains a {@link PropertyPredictor} on a {@link Dataset} (GaUDI §6.2) and writes it as one model file.
 *
 * <p>Steps: keep the molecules in the ring range; pick the target columns; split (seeded, as the EDM does: test
 * part first, then validation); z-score the targets with the training part's mean and population std; build the
 * network (seeded) for the dataset's state space — cata or hetero, or exactly that of a given EDM
 * ({@link #matching}); train with the generic {@link Trainer} (AMSGrad-AdamW, lr 6e-4, no clipping) on the L1 loss
 * of noised inputs at random t, keeping the weights with the lowest validation loss; evaluate the test part (MAE per
 * target in physical units at t = 0 and at t_int = 0, 100, …, 1000, plus the predict-the-mean baseline); record
 * settings, split, normalisation and figures in the header; write the file atomically.
 *
 * <p>Cancellation (checked before every step and every evaluation batch) and failures throw
 * ({@link TrainingCancelledException}, {@link org.gaudi.core.train.TrainingDivergedException}) and leave no file
 * behind, except complete periodic checkpoints ({@link PredictorTrainingSettings#checkpointEvery()} &gt; 0).
 */
public final class PredictorTraining {
    private final PredictorTrainingSettings settings;
    private EdmArchitecture edm;
    private TrainingListener listener = TrainingListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private boolean requireValidation;
    private Consumer<String> messages = s -> { };
    private BiConsumer<Integer, Integer> evaluationProgress = (done, total) -> { };

    /**
     * What a run produced. The caller owns (and must close) the predictor.
     *
     * @param predictor the trained predictor holding the best weights
     * @param result    per-epoch figures, best epoch, split and final checkpoint
     * @param test      figures on the test part, or null without one
     * @param archive   the archive that was (or would be) written, training state included if requested
     * @param file      where it was written, or null
     */
    public record Outcome(PropertyPredictor predictor, TrainingResult result, PredictorEvaluation test,
            ModelArchive archive, Path file) {
    }

    public PredictorTraining(PredictorTrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Build the predictor for exactly this EDM's state space (vocabulary, layout, schedule). */
    public PredictorTraining matching(EdmArchitecture architecture) {
        this.edm = Objects.requireNonNull(architecture, "architecture");
        return this;
    }

    /** Receives every optimiser step and epoch (on the training thread). */
    public PredictorTraining listener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /** Checked before every step and evaluation batch; when it answers true the run stops without a file. */
    /**
     * Refuse a split without validation molecules (a tiny data set, or a validation fraction of 0) instead of
     * training with NaN validation figures and keeping the last epoch. Off by default: the KNIME learners accept
     * such a split with a warning.
     */
    public PredictorTraining requireValidation() {
        this.requireValidation = true;
        return this;
    }

    public PredictorTraining cancellation(BooleanSupplier isCancelled) {
        this.cancelled = Objects.requireNonNull(isCancelled, "cancellation");
        return this;
    }

    /** Receives one-line status messages (data, split, targets, device). */
    public PredictorTraining messages(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "messages");
        return this;
    }

    /** Receives (batches done, total) while the test part is evaluated after training. */
    public PredictorTraining evaluationProgress(BiConsumer<Integer, Integer> progress) {
        this.evaluationProgress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Trains without writing a file. */
    public Outcome train(Dataset data) throws IOException {
        return train(data, null);
    }

    /**
     * Trains a new predictor and writes it to {@code out} (atomically; null for no file).
     *
     * @throws IllegalArgumentException when no molecule is in the ring range, a target is not a property of the data,
     *                                  a target is constant on the training part, or a graph does not fit
     */
    public Outcome train(Dataset data, Path out) throws IOException {
        Items items = Items.of(data, settings.minRings(), settings.maxRings(), settings.targets());
        DataSplit split = DataSplit.random(items.size(), settings.validationFraction(), settings.testFraction(),
                settings.seed());
        split.requireTraining(requireValidation, settings.validationFraction());
        messages.accept(String.format(Locale.ROOT, "data: %d molecules with %d-%d rings (%d outside the range left "
                + "out); split %d train / %d validation / %d test; targets %s", items.size(), settings.minRings(),
                settings.maxRings(), items.filteredOut, split.train().length, split.validation().length,
                split.test().length, items.targetNames));
        double[][] trainY = new double[split.train().length][];
        for (int k = 0; k < trainY.length; k++) {
            trainY[k] = items.targets[split.train()[k]];
        }
        List<PredictorTarget> targets = new ArrayList<>();
        for (String name : items.targetNames) {
            String huckelUnit = HuckelProperties.unit(name);
            targets.add(huckelUnit != null ? new PredictorTarget(name, huckelUnit) : PredictorTarget.fromColumn(name));
        }
        TargetNormalisation norm = TargetNormalisation.fit(trainY, targets);
        EdmArchitecture space = edm != null ? edm : EdmArchitecture.forKind(items.kind, 1, 1, 1);
        PredictorConfig config = new PredictorConfig(settings.layers(), settings.hidden(),
                PredictorConfig.DEFAULT_COORDS_RANGE, space.vocabulary().size(), targets.size(),
                settings.distanceBasis(), PredictorConfig.DEFAULT_DISTANCE_CUTOFF);
        PredictorSpec spec = PredictorSpec.forEdm(space, config, targets, norm);
        Device device = Djl.selectDevice(settings.device());
        PropertyPredictor predictor = PropertyPredictor.initialise(spec, device, settings.seed());
        messages.accept("predictor: " + config.layers() + "x" + config.hidden() + " EGNN, "
                + predictor.parameterCount() + " parameters, features " + spec.vocabularyKeys() + ", schedule "
                + spec.scheduleDescription() + ", on " + Djl.describe(device));
        try {
            items.checkFits(predictor);
            return run(predictor, items, split, null, settings, 0, out);
        } catch (RuntimeException | IOException | Error e) {
            predictor.close();
            throw e;
        }
    }

    /**
     * Continues the run stored in {@code checkpointFile} up to this object's {@link
     * PredictorTrainingSettings#epochs()} epochs and writes the result to {@code out}. Everything else comes from the
     * file; the data must be the same molecules in the same order.
     *
     * @throws ModelFormatException     when the file is not a predictor, is damaged or has no training state
     * @throws IllegalArgumentException when the data differ from the original run or it already has that many epochs
     */
    public Outcome resume(Dataset data, Path checkpointFile, Path out) throws IOException {
        ModelArchive archive = ModelArchive.read(checkpointFile, PropertyPredictor.KIND);
        TrainingCheckpoint checkpoint = archive.trainingCheckpoint().orElseThrow(() -> new ModelFormatException(
                archive.source(), "has no training state to resume from (it was saved without it)"));
        Device device = Djl.selectDevice(settings.device());
        PropertyPredictor predictor = PropertyPredictor.fromArchive(archive, device);
        try {
            PredictorTrainingSettings recorded;
            try {
                recorded = PredictorTrainingSettings.fromMap(predictor.training());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(archive.source(), "recorded training settings are unusable: "
                        + e.getMessage(), e);
            }
            if (settings.epochs() <= checkpoint.epochsCompleted()) {
                throw new IllegalArgumentException("the run in " + checkpointFile + " has already completed "
                        + checkpoint.epochsCompleted() + " epochs; ask for more than that to continue it");
            }
            PredictorTrainingSettings effective = recorded.toBuilder().epochs(settings.epochs())
                    .device(settings.device()).checkpointEvery(settings.checkpointEvery())
                    .keepTrainingState(settings.keepTrainingState()).build();
            Items items = Items.of(data, recorded.minRings(), recorded.maxRings(),
                    predictor.spec().targetNames());
            DataSplit split = checkpoint.split();
            checkSameData(items, split, predictor.data(), checkpointFile);
            items.checkFits(predictor);
            messages.accept("resuming " + checkpointFile + " after epoch " + checkpoint.epochsCompleted() + " of "
                    + effective.epochs() + " on " + Djl.describe(device));
            double earlier = number(predictor.metrics().get("totalSeconds"));
            return run(predictor, items, split, checkpoint, effective, earlier, out);
        } catch (RuntimeException | IOException | Error e) {
            predictor.close();
            throw e;
        }
    }

    private Outcome run(PropertyPredictor predictor, Items items, DataSplit split, TrainingCheckpoint from,
            PredictorTrainingSettings effective, double earlierSeconds, Path out) throws IOException {
        Trainable trainable = new Trainable(predictor, items, effective.timeSampling());
        Trainer trainer = new Trainer(effective.trainerSettings()).listener(listener).cancellation(cancelled);
        Map<String, Object> dataSummary = dataSummary(items, split);
        if (out != null && effective.checkpointEvery() > 0) {
            trainer.checkpoints(effective.checkpointEvery(), cp -> {
                predictor.recordTraining(dataSummary, effective.toMap(),
                        metrics(predictor, null, cp, null, earlierSeconds));
                archiveOfBest(predictor, cp, effective.keepTrainingState()).write(out);
                messages.accept("checkpoint after epoch " + cp.epochsCompleted() + " written to " + out);
            });
        }
        List<Integer> indices = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            indices.add(i);
        }
        TrainingResult result = from == null ? trainer.fit(trainable, indices, split)
                : trainer.resume(trainable, indices, from);
        // the block now holds the best weights
        PredictorEvaluation test = null;
        if (split.test().length > 0) {
            messages.accept("evaluating " + split.test().length + " test molecules at t = 0, 100, ..., 1000");
            List<GraphOfRings> g = new ArrayList<>();
            double[][] y = new double[split.test().length][];
            for (int k = 0; k < y.length; k++) {
                g.add(items.records.get(split.test()[k]).gor());
                y[k] = items.targets[split.test()[k]];
            }
            int epochs = result.history().size();
            test = predictor.evaluate(g, y, PropertyPredictor.REFERENCE_EVAL_STEPS, effective.batchSize(),
                    effective.seed(), (done, total) -> {
                        if (cancelled.getAsBoolean()) {
                            throw new TrainingCancelledException(epochs);
                        }
                        evaluationProgress.accept(done, total);
                    });
            messages.accept(test.summary());
        }
        predictor.recordTraining(dataSummary, effective.toMap(),
                metrics(predictor, result, result.finalCheckpoint(), test, earlierSeconds));
        ModelArchive archive = predictor.toArchive();
        if (effective.keepTrainingState()) {
            archive = archive.withTrainingState(result.finalCheckpoint());
        }
        if (out != null) {
            archive.write(out);
            messages.accept("predictor written to " + out);
        }
        return new Outcome(predictor, result, test, archive, out);
    }

    /** An archive with the best weights so far (the block's current weights are put back afterwards). */
    private static ModelArchive archiveOfBest(PropertyPredictor predictor, TrainingCheckpoint cp, boolean withState) {
        Block block = predictor.network();
        ModelArchive archive;
        if (cp.bestParameters() == null) {
            archive = predictor.toArchive();
        } else {
            ParameterSnapshot current = ParameterSnapshot.capture(block);
            try {
                cp.bestParameters().restoreInto(block);
                archive = predictor.toArchive();
            } finally {
                current.restoreInto(block);
            }
        }
        return withState ? archive.withTrainingState(cp) : archive;
    }

    private static Map<String, Object> metrics(PropertyPredictor predictor, TrainingResult result,
            TrainingCheckpoint cp, PredictorEvaluation test, double earlierSeconds) {
        List<EpochStats> history = result != null ? result.history() : cp.history();
        Map<String, Object> m = new LinkedHashMap<>();
        double meanStd = 0;
        for (double s : predictor.spec().normalisation().std()) {
            meanStd += s / predictor.spec().normalisation().size();
        }
        m.put("parameterCount", predictor.parameterCount());
        m.put("device", Djl.describe(predictor.device()));
        m.put("threads", Djl.intraOpThreads());
        m.put("epochsCompleted", cp.epochsCompleted());
        m.put("steps", cp.globalStep());
        double best = result != null ? result.bestValidationLoss() : cp.bestValidationLoss();
        m.put("bestEpoch", result != null ? result.bestEpoch() : cp.bestEpoch());
        m.put("bestValidationL1", finite(best));
        m.put("bestValidationL1Rescaled", finite(best * meanStd));
        m.put("finalTrainL1", history.isEmpty() ? null : finite(history.get(history.size() - 1).trainLoss()));
        double epochSeconds = 0;
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        for (EpochStats s : history) {
            train.add(finite(s.trainLoss()));
            validation.add(finite(s.validationLoss()));
            epochSeconds += s.seconds();
        }
        m.put("trainingSeconds", epochSeconds);
        m.put("totalSeconds", result != null ? earlierSeconds + result.seconds() : earlierSeconds + epochSeconds);
        m.put("trainLossHistory", train);
        m.put("validationLossHistory", validation);
        if (test != null) {
            m.put("testMolecules", test.samples());
            m.put("testMaeClean", byTarget(test, test.cleanMae()));
            m.put("testMaeMeanBaseline", byTarget(test, test.baselineMae()));
            Map<String, Object> byTime = new LinkedHashMap<>();
            for (int i = 0; i < test.timeSteps().length; i++) {
                byTime.put(Integer.toString(test.timeSteps()[i]), byTarget(test, test.noisedMae()[i]));
            }
            m.put("testMaeByTimeStep", byTime);
        }
        return m;
    }

    private static Map<String, Double> byTarget(PredictorEvaluation e, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            m.put(e.targets().get(k).name(), finite(values[k]));
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static Map<String, Object> dataSummary(Items items, DataSplit split) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", items.source);
        m.put("records", items.records.size() + items.filteredOut);
        m.put("rejected", items.rejected);
        m.put("kind", items.kind.name());
        m.put("minRings", items.minRings);
        m.put("maxRings", items.maxRings);
        m.put("filteredOut", items.filteredOut);
        m.put("used", items.size());
        m.put("split", split.ids(items.records, MoleculeRecord::id));
        m.put("fingerprint", items.fingerprint());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void checkSameData(Items items, DataSplit split, Map<String, Object> recorded, Path file) {
        if (split.itemCount() != items.size()) {
            throw new IllegalArgumentException("the run in " + file + " was trained on " + split.itemCount()
                    + " molecules (" + recorded.get("source") + "), but the data given now have " + items.size()
                    + " in the ring range; resume with the same data");
        }
        Object ids = recorded.get("split");
        if (!(ids instanceof Map<?, ?> stored)) {
            throw new IllegalArgumentException("the file " + file + " records no split; it cannot be resumed");
        }
        Object print = recorded.get("fingerprint");
        if (print != null && !print.equals(items.fingerprint())) {
            throw new IllegalArgumentException("the data differ from the run in " + file + ": same molecule ids but"
                    + " other graphs or target values; resume with the same data");
        }
        Map<String, List<String>> now = split.ids(items.records, MoleculeRecord::id);
        for (Map.Entry<String, List<String>> e : now.entrySet()) {
            Object before = stored.get(e.getKey());
            if (!e.getValue().equals(before)) {
                throw new IllegalArgumentException("the data differ from the run in " + file + ": its "
                        + e.getKey() + " part holds other molecules; resume with the same data");
            }
        }
    }

    /** The molecules in the ring range with their target values, in dataset order. */
    static final class Items {
        final String source;
        final int rejected;
        final List<MoleculeRecord> records;
        final double[][] targets;
        final List<String> targetNames;
        final int filteredOut;
        final int minRings;
        final int maxRings;
        final GorKind kind;

        private Items(Dataset data, List<MoleculeRecord> records, List<String> targetNames, int filteredOut,
                int minRings, int maxRings) {
            this.source = data.source();
            this.rejected = data.rejections().size();
            this.records = records;
            this.targetNames = List.copyOf(targetNames);
            this.targets = PropertyPredictor.targetValues(records,
                    PropertyPredictor.columnsOf(targetNames, data.propertyNames()));
            this.filteredOut = filteredOut;
            this.minRings = minRings;
            this.maxRings = maxRings;
            boolean hetero = false;
            for (MoleculeRecord r : records) {
                hetero |= GorKind.of(r.gor()) == GorKind.HETERO;
            }
            this.kind = hetero ? GorKind.HETERO : GorKind.CATA;
        }

        static Items of(Dataset data, int minRings, int maxRings, List<String> targets) {
            List<String> names = targets.isEmpty() ? data.propertyNames() : targets;
            if (names.isEmpty()) {
                throw new IllegalArgumentException(data.source() + " has no property columns to predict");
            }
            PropertyPredictor.columnsOf(names, data.propertyNames()); // clear error for an unknown target
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
            return new Items(data, kept, names, out, minRings, maxRings);
        }

        int size() {
            return records.size();
        }

        /** SHA-256 over ids, ring types, centroids and target values, to recognise the same data on resume. */
        String fingerprint() {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
                for (int i = 0; i < records.size(); i++) {
                    MoleculeRecord r = records.get(i);
                    md.update(r.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    for (int k = 0; k < r.ringCount(); k++) {
                        md.update(r.gor().type(k).key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        for (double c : r.gor().centroid(k)) {
                            md.update(buf.clear().putDouble(c).array());
                        }
                    }
                    for (double v : targets[i]) {
                        md.update(buf.clear().putDouble(v).array());
                    }
                }
                return java.util.HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }

        /** Encodes every graph once, naming the first molecule that does not fit the predictor's state space. */
        void checkFits(PropertyPredictor predictor) {
            for (MoleculeRecord r : records) {
                try {
                    predictor.encode(List.of(r.gor()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("molecule " + r.id() + " cannot be used for training: "
                            + e.getMessage().replaceFirst("^graph 0[,:]? ?", ""), e);
                }
            }
        }
    }

    /** The noised L1 loss on batches of items (indices into {@link Items}). */
    private static final class Trainable implements TrainableModel<Integer> {
        private final PropertyPredictor predictor;
        private final Items items;
        private final TimeSampling sampling;

        Trainable(PropertyPredictor predictor, Items items, TimeSampling sampling) {
            this.predictor = predictor;
            this.items = items;
            this.sampling = sampling;
        }

        @Override
        public Block block() {
            return predictor.network();
        }

        @Override
        public NDArray trainingLoss(NDManager manager, List<Integer> batch, SplittableRandom random) {
            return loss(manager, batch, random, TimeSampling.UNIFORM, true);
        }

        /**
         * Always at t ~ U{0..T}, as GaUDI validates, whatever the training draw: guidance queries every noise
         * level, so the best epoch must be the best over all of them, and the figure stays comparable between
         * runs trained with different low-noise fractions.
         */
        @Override
        public NDArray validationLoss(NDManager manager, List<Integer> batch, SplittableRandom random) {
            return loss(manager, batch, random, TimeSampling.UNIFORM, false);
        }

        /** @param redraw GaUDI's augmentation: a Pz/Db ring's orientation node drawn anew for each training draw */
        private NDArray loss(NDManager manager, List<Integer> batch, SplittableRandom random, TimeSampling times,
                boolean redraw) {
            List<GraphOfRings> g = new ArrayList<>(batch.size());
            double[][] y = new double[batch.size()][];
            for (int k = 0; k < y.length; k++) {
                GraphOfRings gor = items.records.get(batch.get(k)).gor();
                g.add(redraw ? gor.withOrientationDrawn(random) : gor);
                y[k] = items.targets[batch.get(k)];
            }
            return predictor.trainingLoss(manager, new ParameterStore(manager, false), g, y, random, times);
        }
    }
}
