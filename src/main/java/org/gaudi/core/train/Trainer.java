package org.gaudi.core.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.gaudi.core.djl.Djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * The generic training loop: seeded split and per-epoch shuffling, batches, forward + backward + gradient clipping +
 * AMSGrad-AdamW step (each step inside a child {@link NDManager} closed after the step), validation after every
 * epoch, best weights by validation loss, progress, cancellation and resume.
 *
 * <p>Usage:
 * <pre>{@code
 * Trainer trainer = new Trainer(settings).listener(l).cancellation(() -> exec.isCanceled());
 * TrainingResult r = trainer.fit(model, items, DataSplit.random(items.size(), 0.1, 0.1, seed));
 * // the block now holds the best weights; write it with ModelArchive
 * }</pre>
 *
 * <p>Reproducibility: the shuffle of epoch e uses a {@code Random} seeded from (seed, e); the {@code SplittableRandom} handed
 * to the model for batch b of epoch e is seeded from (seed, e, b); validation batches get the same seeds every
 * epoch, so validation losses of different epochs are compared on the same noise. With a deterministic engine (one
 * CPU thread) a run is bit-identical on repetition, and {@link #resume} continues to the same weights as an
 * uninterrupted run.
 *
 * <p>Errors: a NaN/infinite loss or gradient norm throws {@link TrainingDivergedException}; a cancellation throws
 * {@link TrainingCancelledException}. The trainer never writes files itself; checkpoints go to the
 * {@link CheckpointSink}.
 */
public final class Trainer {
    private static final long TRAIN_STREAM = 0x7472L;
    private static final long VALIDATION_STREAM = 0x76616cL;
    private static final long SHUFFLE_STREAM = 0x736875L;

    /** Receives checkpoints during training (e.g. writes them with {@code ModelArchive}). */
    @FunctionalInterface
    public interface CheckpointSink {
        void accept(TrainingCheckpoint checkpoint) throws IOException;
    }

    private final TrainingSettings settings;
    private TrainingListener listener = TrainingListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private CheckpointSink checkpointSink;
    private int checkpointEvery;

    public Trainer(TrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** Progress receiver (default: none). */
    public Trainer listener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /** Checked before every step and validation batch; when it answers true the run stops. */
    public Trainer cancellation(BooleanSupplier isCancelled) {
        this.cancelled = Objects.requireNonNull(isCancelled, "cancellation");
        return this;
    }

    /** Hands a checkpoint to {@code sink} every {@code everyEpochs} epochs and after the last epoch. */
    public Trainer checkpoints(int everyEpochs, CheckpointSink sink) {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 epoch, got " + everyEpochs);
        }
        this.checkpointEvery = everyEpochs;
        this.checkpointSink = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * Trains from the block's current (initialised) weights.
     *
     * @param items the data; the split refers to indices into this list
     * @throws TrainingCancelledException if cancelled
     * @throws TrainingDivergedException on a non-finite loss or gradient
     */
    public <T> TrainingResult fit(TrainableModel<T> model, List<T> items, DataSplit split) {
        if (split.itemCount() != items.size()) {
            throw new IllegalArgumentException("the split is for " + split.itemCount() + " items, but "
                    + items.size() + " were given");
        }
        return Djl.call(() -> new Run<>(model, items, split, null).execute());
    }

    /**
     * Continues a run from a checkpoint up to {@link TrainingSettings#epochs()} epochs. The items must be the same
     * (same order) as in the original run, and the seed the same.
     */
    public <T> TrainingResult resume(TrainableModel<T> model, List<T> items, TrainingCheckpoint checkpoint) {
        if (checkpoint.seed() != settings.seed()) {
            throw new IllegalArgumentException("the checkpoint was trained with seed " + checkpoint.seed()
                    + ", but the settings give seed " + settings.seed());
        }
        DataSplit split = checkpoint.split();
        if (split.itemCount() != items.size()) {
            throw new IllegalArgumentException("the checkpoint was trained on " + split.itemCount()
                    + " items, but " + items.size() + " were given");
        }
        return Djl.call(() -> new Run<>(model, items, split, checkpoint).execute());
    }

    /** One training session; holds the optimiser, clipper and EMA for its duration. */
    private final class Run<T> {
        private final TrainableModel<T> model;
        private final List<T> items;
        private final DataSplit split;
        private final TrainingCheckpoint from;
        private final Block block;
        private final Map<String, NDArray> weights = new LinkedHashMap<>();
        private final NDManager baseManager;
        private final List<EpochStats> history = new ArrayList<>();
        private AdaptiveGradientClipper clipper;
        private int bestEpoch = -1;
        private double bestLoss = Double.NaN;
        private ParameterSnapshot best;
        private long globalStep;
        private double lastValidation = Double.NaN;

        Run(TrainableModel<T> model, List<T> items, DataSplit split, TrainingCheckpoint from) {
            this.model = Objects.requireNonNull(model, "model");
            this.items = items;
            this.split = split;
            this.from = from;
            this.block = model.block();
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().isInitialized()) {
                    throw new IllegalStateException("the block is not initialised (parameter " + p.getKey()
                            + "); initialise it before training");
                }
                if (p.getValue().requiresGradient()) {
                    weights.put(p.getKey(), p.getValue().getArray());
                }
            }
            if (weights.isEmpty()) {
                throw new IllegalStateException("the block has no trainable parameter");
            }
            this.baseManager = weights.values().iterator().next().getManager();
        }

        TrainingResult execute() {
            long start = System.nanoTime();
            try (GradMode.Scope noGrad = GradMode.disabled();
                    AmsGradAdamW optimizer = settings.newOptimizer();
                    ExponentialMovingAverage ema = settings.emaDecay() > 0
                            ? new ExponentialMovingAverage(settings.emaDecay(), weights) : null) {
                int firstEpoch = 0;
                if (settings.clipping() == TrainingSettings.Clipping.ADAPTIVE) {
                    clipper = new AdaptiveGradientClipper(settings.clipHistory(), settings.clipInitialNorm());
                }
                if (from != null) {
                    firstEpoch = restore(optimizer, ema);
                }
                int stepsPerEpoch = ceilDiv(split.trainSize(), settings.batchSize());
                long totalSteps = (long) stepsPerEpoch * settings.epochs();
                long sessionStartStep = globalStep;
                boolean scheduled = !settings.schedule().equals(LearningRateSchedule.CONSTANT);
                for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    int[] order = shuffledTrainIndices(epoch);
                    double lossSum = 0;
                    long lossCount = 0;
                    double normSum = 0;
                    double normMax = 0;
                    int clipped = 0;
                    for (int b = 0; b < stepsPerEpoch; b++) {
                        checkCancelled(epoch);
                        int from0 = b * settings.batchSize();
                        int to = Math.min(order.length, from0 + settings.batchSize());
                        List<T> batch = new ArrayList<>(to - from0);
                        for (int k = from0; k < to; k++) {
                            batch.add(items.get(order[k]));
                        }
                        if (scheduled) {
                            optimizer.setLearningRateFactor(settings.schedule().factor(globalStep, totalSteps));
                        }
                        StepOutcome o = step(batch, new SplittableRandom(mix(settings.seed(), TRAIN_STREAM, epoch, b)),
                                optimizer, ema, epoch, b);
                        globalStep++;
                        lossSum += o.loss * batch.size();
                        lossCount += batch.size();
                        normSum += o.norm;
                        normMax = Math.max(normMax, o.norm);
                        clipped += o.clipped ? 1 : 0;
                        listener.onStep(progress(epoch, b + 1, stepsPerEpoch, totalSteps, o.loss,
                                lossSum / lossCount, start, sessionStartStep));
                    }
                    double valLoss = validate(epoch, ema);
                    boolean isBest = false;
                    if (split.validationSize() > 0 && (best == null || valLoss < bestLoss)) {
                        isBest = true;
                        bestLoss = valLoss;
                        bestEpoch = epoch;
                        best = bestSnapshot(ema);
                    }
                    lastValidation = valLoss;
                    EpochStats stats = new EpochStats(epoch, lossSum / lossCount, valLoss,
                            normSum / stepsPerEpoch, normMax, clipped, stepsPerEpoch,
                            (System.nanoTime() - epochStart) / 1e9, isBest);
                    history.add(stats);
                    listener.onEpochEnd(stats, progress(epoch, stepsPerEpoch, stepsPerEpoch, totalSteps,
                            Double.NaN, stats.trainLoss(), start, sessionStartStep));
                    boolean last = epoch == settings.epochs() - 1;
                    if (checkpointSink != null && (last || (epoch + 1) % checkpointEvery == 0)) {
                        try {
                            checkpointSink.accept(checkpoint(epoch + 1, optimizer, ema));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write training checkpoint after epoch " + epoch
                                    + ": " + e.getMessage(), e);
                        }
                    }
                }
                TrainingCheckpoint finalCheckpoint = checkpoint(Math.max(firstEpoch, settings.epochs()), optimizer,
                        ema);
                if (split.validationSize() == 0) {
                    // Without validation the "best" weights are the final ones (EMA ones if enabled).
                    best = bestSnapshot(ema);
                    bestEpoch = history.isEmpty() ? -1 : history.get(history.size() - 1).epoch();
                }
                if (settings.restoreBest() && best != null) {
                    best.restoreInto(block);
                }
                return new TrainingResult(List.copyOf(history), bestEpoch, bestLoss, split, best, finalCheckpoint,
                        globalStep, (System.nanoTime() - start) / 1e9);
            }
        }

        private int restore(AmsGradAdamW optimizer, ExponentialMovingAverage ema) {
            TrainingCheckpoint.Info info = from.info();
            from.parameters().restoreInto(block);
            try {
                optimizer.loadState(new DataInputStream(new ByteArrayInputStream(from.optimizerState())),
                        baseManager);
            } catch (IOException e) {
                throw new IllegalArgumentException("the checkpoint's optimiser state is damaged: "
                        + e.getMessage(), e);
            }
            if (clipper != null && info.clipHistory() != null && info.clipHistory().length > 0) {
                clipper.restoreHistory(info.clipHistory());
            }
            if (ema != null) {
                if (from.ema() == null) {
                    throw new IllegalArgumentException("the settings ask for EMA but the checkpoint has none");
                }
                ema.restore(from.ema());
            }
            history.addAll(info.history());
            globalStep = info.globalStep();
            bestEpoch = info.bestEpoch();
            bestLoss = info.bestValidationLoss();
            best = from.bestParameters();
            if (!history.isEmpty()) {
                lastValidation = history.get(history.size() - 1).validationLoss();
            }
            return info.epochsCompleted();
        }

        private record StepOutcome(double loss, double norm, boolean clipped) {
        }

        private StepOutcome step(List<T> batch, SplittableRandom random, AmsGradAdamW optimizer, ExponentialMovingAverage ema,
                int epoch, int b) {
            try (NDManager sub = baseManager.newSubManager()) {
                double loss;
                try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
                    NDArray l = model.trainingLoss(sub, batch, random);
                    loss = scalar(l, "training loss");
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException("training loss is " + loss + " at epoch " + epoch
                                + ", batch " + b + " (step " + (globalStep + 1) + "); lower the learning rate or"
                                + " check the data");
                    }
                    gc.backward(l);
                }
                List<NDArray> grads = new ArrayList<>(weights.size());
                for (NDArray w : weights.values()) {
                    NDArray g = w.getGradient();
                    g.attach(sub);
                    grads.add(g);
                }
                try {
                    double norm = GradientNorm.total(grads);
                    if (!Double.isFinite(norm)) {
                        throw new TrainingDivergedException("gradient norm is " + norm + " at epoch " + epoch
                                + ", batch " + b + " (step " + (globalStep + 1) + ") although the loss was " + loss);
                    }
                    boolean clipped = clipper != null ? clipper.clip(grads, norm) : clipToNorm(grads, norm);
                    int k = 0;
                    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
                        optimizer.update(e.getKey(), e.getValue(), grads.get(k++));
                    }
                    if (ema != null) {
                        ema.update(weights);
                    }
                    return new StepOutcome(loss, norm, clipped);
                } finally {
                    int k = 0;
                    for (NDArray w : weights.values()) {
                        GradMode.zeroGradient(w, grads.get(k++));
                    }
                }
            }
        }

        /** {@link TrainingSettings.Clipping#NORM}: scales as {@code torch.nn.utils.clip_grad_norm_} does. */
        private boolean clipToNorm(List<NDArray> grads, double norm) {
            if (settings.clipping() != TrainingSettings.Clipping.NORM || norm <= settings.clipNorm()) {
                return false;
            }
            float coef = (float) (settings.clipNorm() / (norm + 1e-6));
            for (NDArray g : grads) {
                g.muli(coef);
            }
            return true;
        }

        private double validate(int epoch, ExponentialMovingAverage ema) {
            if (split.validationSize() == 0) {
                return Double.NaN;
            }
            ParameterSnapshot current = null;
            if (ema != null) {
                current = ParameterSnapshot.of(weights);
                ema.snapshot().restoreInto(weights);
            }
            try {
                int bs = settings.validationBatchSize();
                int n = split.validationSize();
                double sum = 0;
                for (int b = 0, from0 = 0; from0 < n; b++, from0 += bs) {
                    checkCancelled(epoch);
                    int to = Math.min(n, from0 + bs);
                    List<T> batch = new ArrayList<>(to - from0);
                    for (int k = from0; k < to; k++) {
                        batch.add(items.get(split.validationIndex(k)));
                    }
                    try (NDManager sub = baseManager.newSubManager()) {
                        double l = scalar(model.validationLoss(sub, batch,
                                new SplittableRandom(mix(settings.seed(), VALIDATION_STREAM, b))), "validation loss");
                        if (!Double.isFinite(l)) {
                            throw new TrainingDivergedException("validation loss is " + l + " after epoch " + epoch
                                    + " (validation batch " + b + ")");
                        }
                        sum += l * batch.size();
                    }
                }
                return sum / n;
            } finally {
                if (current != null) {
                    current.restoreInto(weights);
                }
            }
        }

        /** The weights to keep as "best": the EMA ones when EMA is on. */
        private ParameterSnapshot bestSnapshot(ExponentialMovingAverage ema) {
            if (ema == null) {
                return ParameterSnapshot.capture(block);
            }
            ParameterSnapshot current = ParameterSnapshot.of(weights);
            ema.snapshot().restoreInto(weights);
            try {
                return ParameterSnapshot.capture(block);
            } finally {
                current.restoreInto(weights);
            }
        }

        private TrainingCheckpoint checkpoint(int epochsCompleted, AmsGradAdamW optimizer,
                ExponentialMovingAverage ema) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bos)) {
                optimizer.saveState(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TrainingCheckpoint.Info info = new TrainingCheckpoint.Info(1, settings.seed(), settings.batchSize(),
                    epochsCompleted, globalStep, bestEpoch, bestLoss, split.itemCount(), split.train(),
                    split.validation(), split.test(), clipper == null ? new double[0] : clipper.history(),
                    List.copyOf(history));
            return new TrainingCheckpoint(info, ParameterSnapshot.capture(block), bos.toByteArray(),
                    ema == null ? null : ema.snapshot(), best);
        }

        private int[] shuffledTrainIndices(int epoch) {
            int[] perm = DataSplit.permutation(split.trainSize(), new Random(mix(settings.seed(), SHUFFLE_STREAM,
                    epoch)));
            int[] order = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                order[i] = split.trainIndex(perm[i]);
            }
            return order;
        }

        private void checkCancelled(int epoch) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(epoch);
            }
        }

        private TrainingProgress progress(int epoch, int step, int stepsPerEpoch, long totalSteps, double stepLoss,
                double epochLoss, long start, long sessionStartStep) {
            long elapsedNanos = System.nanoTime() - start;
            long done = globalStep - sessionStartStep;
            long remainingSteps = Math.max(0, totalSteps - globalStep);
            long remainingNanos = done == 0 ? 0 : (long) ((double) elapsedNanos / done * remainingSteps);
            return new TrainingProgress(epoch, settings.epochs(), step, stepsPerEpoch, globalStep, totalSteps,
                    stepLoss, epochLoss, lastValidation, bestLoss, Duration.ofNanos(elapsedNanos),
                    Duration.ofNanos(remainingNanos));
        }
    }

    private static double scalar(NDArray a, String what) {
        if (a == null) {
            throw new IllegalStateException("the model returned no " + what);
        }
        if (a.size() != 1) {
            throw new IllegalStateException("the " + what + " must be a scalar, but has shape " + a.getShape());
        }
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** SplitMix64-style mixing of a seed with stream/epoch/batch numbers into a well-spread long. */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h ^= v;
            h += 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
