package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmTraining;
import org.gaudi.core.clm.ClmTrainingSettings;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingDivergedException;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi train-clm}: trains a GPT-2 chemical language model on SMILES and writes one model file. */
@Command(name = "train-clm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a GPT-2-style chemical language model on the canonical SMILES (CDK) of the molecules"
                + " and writes it as one model file (atomically: Ctrl-C or a failure leaves no half-written file).",
                "Causal-LM training: next-token cross-entropy with padding masked out, AdamW (AMSGrad) with"
                        + " warm-up and cosine decay, gradient-norm clipping, the best epoch by validation"
                        + " perplexity. The shipped model: --max-rings 9 --layers 4 --width 128 (models/README.md)."})
public final class TrainClmCommand implements Callable<Integer> {

    @Mixin
    DataSourceOptions data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Model file to write (e.g. models/my.gaudi-clm); replaced atomically if it exists.")
    Path out;

    @Option(names = "--layers", defaultValue = "4", paramLabel = "L",
            description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--width", defaultValue = "128", paramLabel = "C",
            description = "Embedding width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--heads", defaultValue = "4", paramLabel = "H",
            description = "Attention heads; must divide the width (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--context", defaultValue = "128", paramLabel = "T",
            description = "Context length in tokens, begin and end included; longer SMILES are left out and"
                    + " counted (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--dropout", defaultValue = "0.1", paramLabel = "P",
            description = "Dropout of embeddings, attention and residual branches (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--epochs", defaultValue = "30", paramLabel = "E",
            description = "Total epochs (with --resume: continue up to this many; an interrupted run resumed to its"
                    + " own total follows the same schedule, a finished run extended to a larger total has its cosine"
                    + " stretched to the new end, so the rate rises again) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules per optimiser step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "RATE",
            description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "100", paramLabel = "STEPS",
            description = "Linear warm-up steps before the cosine decay (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--lr-floor", defaultValue = "0.1", paramLabel = "F",
            description = "Learning rate at the last step as a fraction of the peak (default: ${DEFAULT-VALUE}).")
    double floor;

    @Option(names = "--weight-decay", defaultValue = "0.01", paramLabel = "WD",
            description = "Decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip", defaultValue = "1", paramLabel = "NORM",
            description = "Gradient-norm clipping threshold (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--randomised", defaultValue = "0", paramLabel = "K",
            description = "Randomised SMILES per molecule besides the canonical one; each step reads one variant"
                    + " at random (augmentation; default: ${DEFAULT-VALUE} = canonical only).")
    int randomised;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of initial weights, split, randomised SMILES, shuffling and dropout (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of the non-test molecules used for validation (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of all molecules held out entirely (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run stored in this model file up to --epochs; the data options must give the"
                    + " same molecules; network, seed, batch, learning rate and split come from the file.")
    Path resume;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from the weights, vocabulary and network of this model file (a warm start with a"
                    + " fresh optimiser and learning-rate schedule; the network options are then ignored).")
    Path init;

    @Mixin
    ComputeOptions compute;

    @Mixin
    TrainingRunOptions runOptions;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("train-clm", this::run);
    }

    private int run() throws Exception {
        compute.applyThreads();
        ConsoleProgress.Mode mode = runOptions.progressMode();
        PrintStream log = System.out;
        int min = data.minRingsOr(1);
        int max = data.maxRingsOr(9);
        ClmTrainingSettings settings = ClmTrainingSettings.builder().layers(layers).width(width).heads(heads)
                .contextLength(context).dropout(dropout).epochs(epochs).batchSize(batch).learningRate(lr)
                .warmupSteps(warmup).floorFraction(floor).weightDecay(weightDecay).clipNorm(clip)
                .randomisedSmiles(randomised).seed(seed).validationFraction(valFraction).testFraction(testFraction)
                .device(compute.deviceSetting()).checkpointEvery(runOptions.checkpointEvery)
                .keepTrainingState(!runOptions.noTrainingState).build();
        Dataset dataset = data.load(min, max, mode, log);
        InterruptGuard interrupt = InterruptGuard.install("train-clm", 120);
        long t0 = System.nanoTime();
        try (ConsoleProgress bar = ConsoleProgress.start("train-clm", 1, mode, log, 0.1)) {
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(TrainingProgress p) {
                    bar.update(p.globalStep(), p.totalSteps(), String.format(Locale.ROOT,
                            "epoch %d/%d step %d/%d loss %.4f", p.epoch() + 1, p.epochs(), p.step(),
                            p.stepsPerEpoch(), p.epochLoss()));
                }

                @Override
                public void onEpochEnd(EpochStats s, TrainingProgress p) {
                    if (!bar.isBar()) {
                        log.printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, validation perplexity %.4f%s,"
                                + " grad norm %.2f (%d clipped), %.1f s, eta %s%n", s.epoch() + 1, p.epochs(),
                                s.trainLoss(), Math.exp(s.validationLoss()), s.best() ? " (best)" : "",
                                s.meanGradNorm(), s.clippedSteps(), s.seconds(),
                                ConsoleProgress.duration(p.remaining().toMillis() / 1000.0));
                        log.flush();
                    }
                }
            };
            if (init != null && resume != null) {
                throw new IllegalArgumentException("--init and --resume exclude each other");
            }
            ClmTraining training = new ClmTraining(settings).listener(listener).cancellation(interrupt::cancelled)
                    .initialWeights(init)
                    .messages(m -> {
                        log.println(m);
                        log.flush();
                    });
            Map<String, Object> summary = ClmSources.summary(dataset, min, max, data);
            ClmTraining.Outcome o = resume == null ? training.train(ClmSources.of(dataset), summary, out)
                    : training.resume(ClmSources.of(dataset), summary, resume, out);
            try (ClmModel model = o.model()) {
                bar.close();
                Map<String, Object> m = model.metrics();
                log.printf(Locale.ROOT, "parameters: %d%n", model.parameterCount());
                log.printf(Locale.ROOT, "device: %s (%s threads)%n", m.get("device"), m.get("threads"));
                log.printf(Locale.ROOT, "epochs: %s, steps: %s%n", m.get("epochsCompleted"), m.get("steps"));
                log.printf(Locale.ROOT, "best-epoch: %d%n", o.result().bestEpoch() + 1);
                log.printf(Locale.ROOT, "validation-perplexity: %s%n", m.get("validationPerplexity"));
                log.printf(Locale.ROOT, "test-perplexity: %s%n", m.get("testPerplexity"));
                log.printf(Locale.ROOT, "final-train-loss: %.5f%n", o.result().finalTrainLoss());
                log.printf(Locale.ROOT, "training-tokens-per-second: %.1f (validation included)%n",
                        ((Number) m.get("trainingTokensPerSecond")).doubleValue());
                log.printf(Locale.ROOT, "seconds: %.1f%n", (System.nanoTime() - t0) / 1e9);
                log.println("model: " + out.toAbsolutePath());
            }
            return 0;
        } catch (TrainingCancelledException e) {
            System.err.println("train-clm: cancelled after " + e.epochsCompleted() + " epoch(s); "
                    + runOptions.leftBehind(out));
            return 130;
        } catch (TrainingDivergedException e) {
            System.err.println("train-clm: training diverged: " + e.getMessage() + "; no model written");
            return 1;
        } finally {
            interrupt.close();
        }
    }
}
