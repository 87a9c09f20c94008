package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.predictor.PredictorTraining;
import org.gaudi.core.predictor.PredictorTrainingSettings;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.predictor.TimeSampling;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingDivergedException;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi train-predictor}: trains the time-conditioned property predictor and writes one model file. */
@Command(name = "train-predictor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the time-conditioned property predictor (an E(3)-invariant EGNN regressor on noised"
                + " graphs of rings, L1 loss on z-scored targets) and writes it as one model file (written"
                + " atomically: Ctrl-C or a failure leaves no half-written file). Prints the test MAE per target in"
                + " physical units at t = 0, 100, ..., 1000 next to the predict-the-mean baseline.",
                "Defaults are GaUDI's (12 x 196 network, 1000 epochs, batch 256, lr 6e-4) plus a 32-function"
                        + " distance basis and low-noise-biased time sampling (--distance-basis 0"
                        + " --low-noise-fraction 0 give the reference); on a CPU use a smaller network, e.g."
                        + " --layers 4 --hidden 64 --batch 32 --lr 1e-3 (see models/README.md)."})
public final class TrainPredictorCommand implements Callable<Integer> {

    @Mixin
    DataSourceOptions data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Model file to write (e.g. models/gap.gaudi-predictor); replaced atomically if it exists.")
    Path out;

    @Option(names = "--targets", split = ",", paramLabel = "COL",
            description = "Property columns to predict, in output order (default: every property of the data; for"
                    + " CSV/SDF data they are also read, so --properties is not needed).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--edm", paramLabel = "FILE",
            description = "EDM model file to match: the predictor reads exactly its node features and noise schedule"
                    + " (default: GaUDI's state space for the kind of molecules in the data).")
    Path edm;

    @Option(names = "--epochs", defaultValue = "1000", paramLabel = "E",
            description = "Total epochs (with --resume: continue up to this many) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "B",
            description = "Molecules per optimiser step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "6e-4", paramLabel = "RATE",
            description = "Learning rate of AdamW with AMSGrad (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--layers", defaultValue = "12", paramLabel = "L",
            description = "E_GCL layers of the network (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "196", paramLabel = "H",
            description = "Hidden width of the network (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--distance-basis", paramLabel = "K",
            description = "Gaussian radial-basis functions of the input ring distances added to every layer's edge"
                    + " attributes (0 = the reference GaUDI network; default: 32, without which small networks learn"
                    + " little beyond the ring count).")
    Integer distanceBasis;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of initial weights, split, shuffling and noise (default: ${DEFAULT-VALUE}; the same"
                    + " seed and data give train-edm's split).")
    long seed;

    @Option(names = "--low-noise-fraction", paramLabel = "F",
            description = "Probability that a training molecule's noise level is drawn from U{0..--low-noise-max-step}"
                    + " instead of U{0..T}; 0 is the reference GaUDI sampling (default: 0.75, which trained the clean"
                    + " and low-noise predictions much faster on a CPU budget).")
    Double lowNoiseFraction;

    @Option(names = "--low-noise-max-step", paramLabel = "N",
            description = "Largest time step of a low-noise draw (0 = clean inputs; default: 100).")
    Integer lowNoiseMaxStep;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of the non-test molecules used for validation, which picks the best epoch"
                    + " (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of all molecules held out and evaluated at the end (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run stored in this predictor file up to --epochs. The data options must give"
                    + " the same molecules; network, targets, seed, batch, lr and split come from the file.")
    Path resume;

    @Mixin
    TrainingRunOptions runOptions;

    private TimeSampling timeSampling() {
        TimeSampling d = PredictorTrainingSettings.DEFAULT_TIME_SAMPLING;
        double fraction = lowNoiseFraction != null ? lowNoiseFraction : d.lowFraction();
        int step = lowNoiseMaxStep != null ? lowNoiseMaxStep : d.lowMaxStep();
        return new TimeSampling(fraction, step);
    }

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("train-predictor", this::run);
    }

    private int run() throws Exception {
        OutputPaths.checkFile("-o/--out", out, "model.gaudi-predictor");
        compute.applyThreads();
        ConsoleProgress.Mode mode = runOptions.progressMode();
        PrintStream log = System.out;
        int min = data.minRingsOr(1);
        int max = data.maxRingsOr(11);
        List<String> wanted = targets;
        if (resume != null) {
            Map<?, ?> recorded = ModelArchive.read(resume, PropertyPredictor.KIND).header()
                    .metadata("training", Map.class);
            min = data.minRings != null ? min : ((Number) recorded.get("minRings")).intValue();
            max = data.maxRings != null ? max : ((Number) recorded.get("maxRings")).intValue();
            if (wanted.isEmpty() && recorded.get("targets") instanceof List<?> t) {
                wanted = t.stream().map(String::valueOf).toList();
            }
        }
        DataSourceOptions.checkRange(min, max);
        if (!data.isEmbedded()) {
            for (String t : wanted) {
                if (!data.properties.contains(t)) {
                    data.properties.add(t); // CSV/SDF readers read only the named properties
                }
            }
            if (data.properties.isEmpty()) {
                throw new IllegalArgumentException("name the properties to predict with --targets (CSV/SDF data have"
                        + " no default property columns)");
            }
        }
        PredictorTrainingSettings settings = PredictorTrainingSettings.builder().targets(wanted).layers(layers)
                .hidden(hidden).epochs(epochs).batchSize(batch).learningRate(lr).seed(seed)
                .device(compute.deviceSetting()).validationFraction(valFraction).testFraction(testFraction)
                .ringRange(min, max).checkpointEvery(runOptions.checkpointEvery)
                .keepTrainingState(!runOptions.noTrainingState)
                .timeSampling(timeSampling())
                .distanceBasis(distanceBasis != null ? distanceBasis : PredictorTrainingSettings.DEFAULT_DISTANCE_BASIS)
                .build();
        EdmArchitecture space = null;
        if (edm != null) {
            try (EdmModel e = EdmModel.load(edm, Device.cpu())) {
                space = e.architecture();
            }
            log.println("matching EDM " + edm + ": " + space);
        }
        Dataset dataset = data.load(min, max, mode, log);

        InterruptGuard interrupt = InterruptGuard.install("train-predictor", 120);
        long t0 = System.nanoTime();
        ConsoleProgress[] test = {null}; // started when the test evaluation begins
        try (ConsoleProgress bar = ConsoleProgress.start("train-predictor", 1, mode, log, 0.1)) {
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(TrainingProgress p) {
                    bar.update(p.globalStep(), p.totalSteps(), String.format(Locale.ROOT,
                            "epoch %d/%d step %d/%d L1 %.4f", p.epoch() + 1, p.epochs(), p.step(),
                            p.stepsPerEpoch(), p.epochLoss()));
                }

                @Override
                public void onEpochEnd(EpochStats s, TrainingProgress p) {
                    if (!bar.isBar()) {
                        log.printf(Locale.ROOT, "epoch %d/%d: train L1 %.5f, validation L1 %.5f%s, grad norm %.2f"
                                + " (max %.2f), %.1f s, eta %s%n", s.epoch() + 1, p.epochs(), s.trainLoss(),
                                s.validationLoss(), s.best() ? " (best)" : "", s.meanGradNorm(), s.maxGradNorm(),
                                s.seconds(), ConsoleProgress.duration(p.remaining().toMillis() / 1000.0));
                        log.flush();
                    }
                }
            };
            PredictorTraining training = new PredictorTraining(settings).listener(listener)
                    .requireValidation().cancellation(interrupt::cancelled)
                    .messages(m -> {
                        log.println(m);
                        log.flush();
                    })
                    .evaluationProgress((done, total) -> {
                        if (test[0] == null) {
                            bar.close();
                            test[0] = ConsoleProgress.start("test", total, mode, log, 0.25);
                        }
                        test[0].update(done, total, null);
                    });
            if (space != null) {
                training.matching(space);
            }
            PredictorTraining.Outcome o = resume == null ? training.train(dataset, out)
                    : training.resume(dataset, resume, out);
            try (PropertyPredictor p = o.predictor()) {
                bar.close();
                if (test[0] != null) {
                    test[0].close();
                }
                Map<String, Object> m = p.metrics();
                log.printf(Locale.ROOT, "parameters: %d%n", p.parameterCount());
                log.printf(Locale.ROOT, "device: %s (%s threads)%n", m.get("device"), m.get("threads"));
                log.printf(Locale.ROOT, "epochs: %s, steps: %s%n", m.get("epochsCompleted"), m.get("steps"));
                log.printf(Locale.ROOT, "best-epoch: %d%n", o.result().bestEpoch() + 1);
                log.printf(Locale.ROOT, "best-validation-l1: %.5f%n", o.result().bestValidationLoss());
                log.printf(Locale.ROOT, "best-validation-l1-rescaled: %s%n", m.get("bestValidationL1Rescaled"));
                log.printf(Locale.ROOT, "final-train-l1: %.5f%n", o.result().finalTrainLoss());
                if (o.test() != null) {
                    EvalPredictorCommand.printFigures(o.test(), log);
                }
                log.printf(Locale.ROOT, "seconds: %.1f%n", (System.nanoTime() - t0) / 1e9);
                log.println("model: " + out.toAbsolutePath());
            }
            return 0;
        } catch (TrainingCancelledException e) {
            System.err.println("train-predictor: cancelled after " + e.epochsCompleted() + " epoch(s); "
                    + runOptions.leftBehind(out));
            return 130;
        } catch (TrainingDivergedException e) {
            System.err.println("train-predictor: training diverged: " + e.getMessage() + "; no model written");
            return 1;
        } finally {
            if (test[0] != null) {
                test[0].close();
            }
            interrupt.close();
        }
    }
}
