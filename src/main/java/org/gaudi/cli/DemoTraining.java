package org.gaudi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EdmTraining;
import org.gaudi.core.diffusion.EdmTrainingSettings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.predictor.PredictorTraining;
import org.gaudi.core.predictor.PredictorTrainingSettings;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;

/**
 * {@code demo --train}: retrains the demo's diffusion model and gap predictor on an embedded space with the recipes
 * recorded in the shipped model files (or {@link #FALLBACK_EDM} / {@link #FALLBACK_PREDICTOR} when those are missing),
 * with a progress bar and ETA for each.
 */
final class DemoTraining {
    /** CPU recipe used when no shipped EDM file records one. */
    static final EdmTrainingSettings FALLBACK_EDM = EdmTrainingSettings.builder().layers(4).hidden(64).epochs(200)
            .batchSize(64).learningRate(1e-3).ringRange(1, 8).seed(0).build();
    /** CPU recipe used when no shipped predictor file records one. */
    static final PredictorTrainingSettings FALLBACK_PREDICTOR = PredictorTrainingSettings.builder()
            .targets(List.of(HuckelProperties.GAP_EV)).layers(4).hidden(64).epochs(200).batchSize(64)
            .learningRate(1e-3).ringRange(1, 8).seed(0).build();

    private final EdmTrainingSettings edmSettings;
    private final PredictorTrainingSettings predictorSettings;
    /** The hold-out the EDM recipe was trained with (replayed for both models), or null. */
    private final HoldOutBest holdOut;
    /** The embedded space both models are trained on. */
    private final EmbeddedDataset.Space space;
    private final ConsoleProgress.Mode mode;
    private final PrintStream log;
    private final BooleanSupplier cancelled;

    /**
     * @param edmRecipe       a shipped EDM file whose recorded training settings are reused, or a missing path
     * @param predictorRecipe the same for the predictor
     * @param epochs          overrides: empty, {E} for both, or {EDM, PREDICTOR}
     */
    DemoTraining(EmbeddedDataset.Space space, Path edmRecipe, Path predictorRecipe, List<Integer> epochs,
            ComputeOptions compute, ConsoleProgress.Mode mode, PrintStream log, BooleanSupplier cancelled)
            throws IOException {
        this.space = space;
        if (epochs.size() > 2 || epochs.stream().anyMatch(e -> e == null || e < 1)) {
            throw new IllegalArgumentException("--train-epochs takes one or two numbers >= 1, got " + epochs);
        }
        EdmTrainingSettings e = Files.isRegularFile(edmRecipe) ? EdmTrainingSettings.fromMap(recipe(edmRecipe,
                EdmModel.KIND)) : FALLBACK_EDM;
        PredictorTrainingSettings p = Files.isRegularFile(predictorRecipe) ? PredictorTrainingSettings.fromMap(
                recipe(predictorRecipe, PropertyPredictor.KIND)) : FALLBACK_PREDICTOR;
        EdmTrainingSettings.Builder eb = e.toBuilder().device(compute.deviceSetting()).checkpointEvery(0);
        PredictorTrainingSettings.Builder pb = p.toBuilder().device(compute.deviceSetting()).checkpointEvery(0);
        if (!epochs.isEmpty()) {
            eb.epochs(epochs.get(0));
            pb.epochs(epochs.get(epochs.size() - 1));
        }
        this.edmSettings = eb.build();
        this.predictorSettings = pb.build();
        this.holdOut = Files.isRegularFile(edmRecipe) ? HoldOutBest.fromSource(ModelArchive.read(edmRecipe,
                EdmModel.KIND).header().metadata().path("data").path("source").asText("")).orElse(null) : null;
        this.mode = mode;
        this.log = log;
        this.cancelled = cancelled;
        log.println("recipe of the diffusion model: " + describe(edmSettings.toMap()) + (Files.isRegularFile(
                edmRecipe) ? " (from " + edmRecipe + ")" : " (built-in)"));
        log.println("recipe of the predictor: " + describe(predictorSettings.toMap()) + (Files.isRegularFile(
                predictorRecipe) ? " (from " + predictorRecipe + ")" : " (built-in)"));
        if (holdOut != null) {
            log.printf(Locale.ROOT, "hold-out of the recipe: the best %s %% by %s of every ring count are left out of"
                    + " both models' data%n", org.gaudi.core.report.SweepRun.formatScale(100 * holdOut.fraction()),
                    holdOut.property());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> recipe(Path file, String kind) throws IOException {
        Map<String, ?> m = ModelArchive.read(file, kind).header().metadata("training", Map.class);
        if (m == null) {
            throw new IllegalArgumentException(file + ": records no training settings to retrain with");
        }
        return m;
    }

    private static String describe(Map<String, Object> m) {
        return String.format(Locale.ROOT, "%sx%s network, %s epochs, batch %s, lr %s, rings %s-%s, seed %s%s",
                m.get("layers"), m.get("hidden"), m.get("epochs"), m.get("batchSize"), m.get("learningRate"),
                m.get("minRings"), m.get("maxRings"), m.get("seed"), m.containsKey("targets") ? ", targets "
                        + m.get("targets") : "");
    }

    private Dataset data(int min, int max) {
        try (ConsoleProgress p = ConsoleProgress.start("dataset " + min + "-" + max + " rings",
                space == EmbeddedDataset.Space.BENZENOID ? EmbeddedDataset.size(min, max) : -1, mode, log, 0.25)) {
            Dataset d = EmbeddedDataset.generate(space, min, max, n -> p.stepTo(n, null));
            if (holdOut != null) {
                d = holdOut.apply(d).kept();
            }
            log.printf(Locale.ROOT, "data: %s: %d molecules, %d rejected%n", d.source(), d.size(),
                    d.rejections().size());
            return d;
        }
    }

    /** Trains the EDM into {@code out} and returns it. */
    Path trainEdm(Path out) throws IOException {
        Dataset d = data(edmSettings.minRings(), edmSettings.maxRings());
        try (ConsoleProgress keys = ConsoleProgress.start("inchikeys", -1, mode, log, 0.5);
                ConsoleProgress bar = ConsoleProgress.start("train diffusion model", 1, mode, log, 0.1)) {
            EdmTraining t = new EdmTraining(edmSettings).listener(listener(bar, "loss")).cancellation(cancelled)
                    .messages(log::println).preparationProgress((done, total) -> keys.update(done, total, null));
            EdmTraining.Outcome o = t.train(d, out);
            o.model().close();
            bar.close();
            log.printf(Locale.ROOT, "diffusion model trained: best validation loss %.5f (epoch %d)%n",
                    o.result().bestValidationLoss(), o.result().bestEpoch() + 1);
        }
        return out;
    }

    /** Trains the predictor, matched to the EDM in {@code edmFile}, into {@code out} and returns it. */
    Path trainPredictor(Path out, Path edmFile) throws IOException {
        Dataset d = data(predictorSettings.minRings(), predictorSettings.maxRings());
        ConsoleProgress[] test = {null};
        try (ConsoleProgress bar = ConsoleProgress.start("train predictor", 1, mode, log, 0.1)) {
            PredictorTraining t = new PredictorTraining(predictorSettings).listener(listener(bar, "L1"))
                    .cancellation(cancelled).messages(log::println)
                    .evaluationProgress((done, total) -> {
                        if (test[0] == null) {
                            bar.close();
                            test[0] = ConsoleProgress.start("test predictor", total, mode, log, 0.5);
                        }
                        test[0].update(done, total, null);
                    });
            try (EdmModel e = EdmModel.load(edmFile, ai.djl.Device.cpu())) {
                t.matching(e.architecture());
            }
            PredictorTraining.Outcome o = t.train(d, out);
            o.predictor().close();
            log.printf(Locale.ROOT, "predictor trained: best validation L1 %.5f (epoch %d)%n",
                    o.result().bestValidationLoss(), o.result().bestEpoch() + 1);
        } finally {
            if (test[0] != null) {
                test[0].close();
            }
        }
        return out;
    }

    private TrainingListener listener(ConsoleProgress bar, String loss) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                bar.update(p.globalStep(), p.totalSteps(), String.format(Locale.ROOT, "epoch %d/%d %s %.4f",
                        p.epoch() + 1, p.epochs(), loss, p.epochLoss()));
            }

            @Override
            public void onEpochEnd(EpochStats s, TrainingProgress p) {
                // the bar (or its periodic lines) shows progress and ETA
            }
        };
    }
}
