package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.predictor.PredictorEvaluation;
import org.gaudi.core.predictor.PropertyPredictor;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi eval-predictor}: MAE of a trained property predictor versus noise level. */
@Command(name = "eval-predictor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a trained property predictor on molecules: the MAE per target in physical units on"
                + " clean graphs at t = 0 and on graphs noised to each time step, next to the baseline that always"
                + " predicts the training mean. Prints a table and one 'key: value' line per figure.",
                "By default the predictor's own test molecules (recorded in the file) are taken from the data; the"
                        + " data options must then give the molecules it was trained on."})
public final class EvalPredictorCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE",
            description = "Predictor file written by train-predictor.")
    Path model;

    @Mixin
    DataSourceOptions data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "test|validation|train|all",
            description = "Which molecules to evaluate: a part of the predictor's recorded split, or all molecules"
                    + " of the data in the ring range (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--time-steps", split = ",", paramLabel = "T",
            description = "Integer time steps to evaluate with noise (default: 0,100,...,1000).")
    List<Integer> timeSteps = new ArrayList<>();

    @Option(names = "--batch", defaultValue = "256", paramLabel = "B",
            description = "Molecules per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the evaluation noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--edm", paramLabel = "FILE",
            description = "Also check that the predictor can guide this EDM (same node features and schedule).")
    Path edm;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display (default: ${DEFAULT-VALUE}: a bar on a terminal, else lines).")
    String progress;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("eval-predictor", this::run);
    }

    private int run() throws Exception {
        compute.applyThreads();
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.valueOf(progress.trim().toUpperCase(Locale.ROOT));
        PrintStream out = System.out;
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        String part = split.trim().toLowerCase(Locale.ROOT);
        if (!List.of("test", "validation", "train", "all").contains(part)) {
            throw new IllegalArgumentException("--split must be test, validation, train or all, got '" + split + "'");
        }
        InterruptGuard interrupt = InterruptGuard.install("eval-predictor", 60);
        try (PropertyPredictor p = PropertyPredictor.load(model, compute.deviceSetting())) {
            out.println("model: " + model + " (" + p.spec().config().layers() + "x" + p.spec().config().hidden()
                    + " EGNN, " + p.parameterCount() + " parameters, targets " + p.spec().targetNames()
                    + ", features " + p.spec().vocabularyKeys() + ", " + p.spec().scheduleDescription() + ")");
            if (edm != null) {
                try (EdmModel e = EdmModel.load(edm, Device.cpu())) {
                    p.requireCompatible(e.architecture());
                }
                out.println("compatible-with-edm: " + edm);
            }
            Map<String, Object> recorded = p.training();
            int min = data.minRingsOr(recorded.get("minRings") instanceof Number n ? n.intValue() : 1);
            int max = data.maxRingsOr(recorded.get("maxRings") instanceof Number n ? n.intValue() : 11);
            if (!data.isEmbedded()) {
                for (String t : p.spec().targetNames()) {
                    if (!data.properties.contains(t)) {
                        data.properties.add(t);
                    }
                }
            }
            Dataset dataset = data.load(min, max, mode, out);
            List<MoleculeRecord> records = select(dataset, p, part, min, max);
            double[][] y = PropertyPredictor.targetValues(records, p.targetColumns(dataset.propertyNames()));
            int[] steps = timeSteps.isEmpty() ? PropertyPredictor.REFERENCE_EVAL_STEPS
                    : timeSteps.stream().mapToInt(Integer::intValue).toArray();
            PredictorEvaluation ev;
            try (ConsoleProgress bar = ConsoleProgress.start("eval-predictor", 1, mode, System.err, 0.1)) {
                ev = p.evaluate(PropertyPredictor.gors(records), y, steps, batch, seed, (done, total) -> {
                    if (interrupt.cancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    bar.update(done, total, null);
                });
            }
            out.println("split: " + part + " (" + records.size() + " molecules)");
            printFigures(ev, out);
            return 0;
        } catch (CancellationException e) {
            System.err.println("eval-predictor: cancelled");
            return 130;
        } finally {
            interrupt.close();
        }
    }

    /** The molecules of the chosen part: ids from the file's recorded split, or everything in the ring range. */
    private static List<MoleculeRecord> select(Dataset dataset, PropertyPredictor p, String part, int min, int max) {
        List<MoleculeRecord> inRange = new ArrayList<>();
        for (MoleculeRecord r : dataset.records()) {
            if (r.ringCount() >= min && r.ringCount() <= max) {
                inRange.add(r);
            }
        }
        if (part.equals("all")) {
            if (inRange.isEmpty()) {
                throw new IllegalArgumentException("no molecule of " + dataset.source() + " has " + min + "-" + max
                        + " rings");
            }
            return inRange;
        }
        Object splitIds = p.data().get("split");
        if (!(splitIds instanceof Map<?, ?> ids) || !(ids.get(part) instanceof List<?> wanted)) {
            throw new IllegalArgumentException("the predictor file records no " + part + " split; use --split all");
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("the predictor's " + part + " part is empty; use another --split");
        }
        Map<String, MoleculeRecord> byId = new HashMap<>();
        for (MoleculeRecord r : inRange) {
            byId.put(r.id(), r);
        }
        List<MoleculeRecord> out = new ArrayList<>();
        for (Object id : wanted) {
            MoleculeRecord r = byId.get(String.valueOf(id));
            if (r == null) {
                throw new IllegalArgumentException(part + " molecule '" + id + "' of the predictor's split is not in "
                        + dataset.source() + "; give the data it was trained on, or use --split all");
            }
            out.add(r);
        }
        return out;
    }

    /**
     * The MAE table and one line per figure: mae-&lt;target&gt;-clean, mae-&lt;target&gt;-t&lt;step&gt; and
     * baseline-mae-&lt;target&gt; (the predict-the-training-mean MAE).
     */
    static void printFigures(PredictorEvaluation ev, PrintStream out) {
        out.print(ev.table());
        for (int k = 0; k < ev.targets().size(); k++) {
            String name = ev.targets().get(k).name();
            out.printf(Locale.ROOT, "mae-%s-clean: %.5f%n", name, ev.cleanMae()[k]);
            for (int i = 0; i < ev.timeSteps().length; i++) {
                out.printf(Locale.ROOT, "mae-%s-t%d: %.5f%n", name, ev.timeSteps()[i], ev.noisedMae()[i][k]);
            }
            out.printf(Locale.ROOT, "baseline-mae-%s: %.5f%n", name, ev.baselineMae()[k]);
        }
        out.flush();
    }
}
