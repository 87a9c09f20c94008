package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EdmTrainable;
import org.gaudi.core.diffusion.EdmTraining;
import org.gaudi.core.diffusion.EdmTrainingSettings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingDivergedException;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi train-edm}: trains the equivariant diffusion model and writes one model file. */
@Command(name = "train-edm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the E(3)-equivariant diffusion model (EDM) over graphs of rings and writes it as one"
                + " model file (written atomically: Ctrl-C or a failure leaves no half-written file).",
                "Defaults are GaUDI's (9 x 192 network, 1000 epochs, batch 256, lr 1e-3); on a CPU use a smaller"
                        + " network and ring range and count optimiser steps, not epochs: the shipped demo model is"
                        + " --max-rings 9 --layers 4 --hidden 64 --batch 64 --epochs 1100 --ema 0.999 (33,000 steps,"
                        + " 29 min on 2 cores, 90 %% valid; see models/README.md)."})
public final class TrainEdmCommand implements Callable<Integer> {

    @Mixin
    DataSourceOptions data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Model file to write (e.g. models/my.gaudi-edm); replaced atomically if it exists.")
    Path out;

    @Option(names = "--epochs", defaultValue = "1000", paramLabel = "E",
            description = "Total epochs (with --resume: continue up to this many) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "B",
            description = "Molecules per optimiser step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate of AdamW with AMSGrad (default: 1e-3; with --resume: the recorded rate, or"
                    + " this one from the next epoch on).")
    Double lr;

    @Option(names = "--layers", defaultValue = "9", paramLabel = "L",
            description = "Equivariant blocks of the network (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "192", paramLabel = "H",
            description = "Hidden width of the network (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of initial weights, split, shuffling and diffusion noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of the non-test molecules used for validation, which picks the best epoch"
                    + " (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--val-metric", defaultValue = "nll", paramLabel = "nll|eps",
            description = "What picks the best epoch: nll = the variational bound in nats per molecule, as GaUDI"
                    + " (two network passes over the validation split), or eps = the validation noise-prediction"
                    + " loss (one pass, on the training loss's scale) (default: ${DEFAULT-VALUE}).")
    String valMetric;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of all molecules held out entirely (default: ${DEFAULT-VALUE}, as GaUDI).")
    double testFraction;

    @Option(names = "--ema", defaultValue = "0", paramLabel = "DECAY",
            description = "Exponential moving average of the weights with this decay, e.g. 0.999; 0 = off"
                    + " (default: ${DEFAULT-VALUE}, as GaUDI).")
    double ema;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run stored in this model file (written by train-edm) up to --epochs. The"
                    + " data options must give the same molecules; network, seed, batch, lr, split and EMA come from"
                    + " the file.")
    Path resume;

    @Mixin
    TrainingRunOptions runOptions;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("train-edm", this::run);
    }

    private static EdmTrainable.ValidationMetric validationMetric(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "eps":
                return EdmTrainable.ValidationMetric.EPSILON_LOSS;
            case "nll":
                return EdmTrainable.ValidationMetric.NLL;
            default:
                throw new IllegalArgumentException("--val-metric must be eps or nll, got '" + text + "'");
        }
    }

    private int run() throws Exception {
        OutputPaths.checkFile("-o/--out", out, "model.gaudi-edm");
        compute.applyThreads();
        ConsoleProgress.Mode mode = runOptions.progressMode();
        PrintStream log = System.out;
        int min = data.minRingsOr(1);
        int max = data.maxRingsOr(11);
        if (resume != null && (data.minRings == null || data.maxRings == null)) {
            Map<?, ?> recorded = ModelArchive.read(resume, EdmModel.KIND).header().metadata("training", Map.class);
            min = data.minRings != null ? min : ((Number) recorded.get("minRings")).intValue();
            max = data.maxRings != null ? max : ((Number) recorded.get("maxRings")).intValue();
        }
        DataSourceOptions.checkRange(min, max);
        EdmTrainingSettings settings = EdmTrainingSettings.builder().layers(layers).hidden(hidden).epochs(epochs)
                .batchSize(batch).learningRate(lr == null ? 1e-3 : lr).seed(seed).device(compute.deviceSetting())
                .validationFraction(valFraction).testFraction(testFraction).emaDecay(ema).ringRange(min, max)
                .checkpointEvery(runOptions.checkpointEvery).keepTrainingState(!runOptions.noTrainingState)
                .validationMetric(validationMetric(valMetric)).build();
        Dataset dataset = data.load(min, max, mode, log);

        InterruptGuard interrupt = InterruptGuard.install("train-edm", 120);
        long t0 = System.nanoTime();
        try (ConsoleProgress keys = ConsoleProgress.start("inchikeys", -1, mode, log, 0.25);
                ConsoleProgress bar = ConsoleProgress.start("train-edm", 1, mode, log, 0.1)) {
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
                        log.printf(Locale.ROOT, "epoch %d/%d: train %.5f, validation %.5f%s, grad norm %.2f"
                                + " (max %.2f, %d clipped), %.1f s, eta %s%n", s.epoch() + 1, p.epochs(),
                                s.trainLoss(), s.validationLoss(), s.best() ? " (best)" : "", s.meanGradNorm(),
                                s.maxGradNorm(), s.clippedSteps(), s.seconds(),
                                ConsoleProgress.duration(p.remaining().toMillis() / 1000.0));
                        log.flush();
                    }
                }
            };
            EdmTraining training = new EdmTraining(settings).listener(listener).requireValidation()
                    .cancellation(interrupt::cancelled)
                    .messages(m -> {
                        log.println(m);
                        log.flush();
                    })
                    .preparationProgress((done, total) -> keys.update(done, total, null));
            if (resume != null && lr != null) {
                training.resumeLearningRate(lr);
            }
            EdmTraining.Outcome o = resume == null ? training.train(dataset, out)
                    : training.resume(dataset, resume, out);
            try (EdmModel model = o.model()) {
                bar.close();
                Map<String, Object> m = model.metrics();
                log.printf(Locale.ROOT, "parameters: %d%n", model.parameterCount());
                log.printf(Locale.ROOT, "device: %s (%s threads)%n", m.get("device"), m.get("threads"));
                log.printf(Locale.ROOT, "epochs: %s, steps: %s%n", m.get("epochsCompleted"), m.get("steps"));
                log.printf(Locale.ROOT, "best-epoch: %d%n", o.result().bestEpoch() + 1);
                log.printf(Locale.ROOT, "best-validation-loss: %.5f%n", o.result().bestValidationLoss());
                log.printf(Locale.ROOT, "final-train-loss: %.5f%n", o.result().finalTrainLoss());
                log.printf(Locale.ROOT, "seconds: %.1f%n", (System.nanoTime() - t0) / 1e9);
                log.println("model: " + out.toAbsolutePath());
            }
            return 0;
        } catch (TrainingCancelledException e) {
            System.err.println("train-edm: cancelled after " + e.epochsCompleted() + " epoch(s); "
                    + runOptions.leftBehind(out));
            return 130;
        } catch (TrainingDivergedException e) {
            System.err.println("train-edm: training diverged: " + e.getMessage() + "; no model written");
            return 1;
        } finally {
            interrupt.close();
        }
    }
}
