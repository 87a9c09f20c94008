package org.gaudi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.gaudi.core.clm.ClmDesign;
import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmSamplingSettings;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.report.ClmComparison;
import org.gaudi.core.report.SweepRun;
import org.gaudi.core.sampling.GuidedSampler;

/**
 * The demo's language-model comparison: draws as many SMILES from the shipped language model as each diffusion run
 * generated, scores them with the demo's predictor, objective and Hückel check, and sets guided diffusion, unguided
 * diffusion with sample-and-rank and the language model with sample-and-rank side by side ({@link ClmComparison}).
 * Kept apart from {@link DemoCommand}, which calls {@link #compare} and {@link #publish}.
 */
final class DemoClmSection {
    /** The shipped language model. */
    static final Path DEFAULT_MODEL = Path.of("models", "demo-clm.gaudi-clm");
    static final String JSON = "clm-comparison.json";

    private DemoClmSection() {
    }

    /**
     * The comparison, or null (with a line saying why) when there is no language model file.
     *
     * @param runs     the demo's sweep (the unguided run, if any, is ranked)
     * @param headline the guided run of the headline
     */
    static ClmComparison compare(Path modelFile, GuidedSampler sampler, List<SweepRun> runs, SweepRun headline,
            int ringCount, int molecules, long seed, ConsoleProgress.Mode mode, PrintStream log,
            BooleanSupplier cancelled) throws IOException {
        if (modelFile == null || !Files.isRegularFile(modelFile)) {
            log.println("demo-compare: skipped (no language model at " + modelFile + "; see models/README.md)");
            return null;
        }
        Objective objective = sampler.objective();
        int k = Math.max(1, molecules / 10);
        List<ClmComparison.Row> rows = new ArrayList<>();
        rows.add(ClmComparison.row("guided diffusion (scale " + headline.label() + ")",
                headline.result().molecules(), objective.direction(), ringCount, k,
                headline.result().summary().seconds()));
        for (SweepRun r : runs) {
            if (r.unguided()) {
                rows.add(ClmComparison.row("unguided diffusion + sample-and-rank", r.result().molecules(),
                        objective.direction(), ringCount, k, r.result().summary().seconds()));
            }
        }
        try (ClmModel lm = ClmModel.load(modelFile, sampler.edm().device())) {
            ClmDesign design = new ClmDesign(lm, sampler.predictor(), objective);
            ClmDesign.Result result;
            try (ConsoleProgress bar = ConsoleProgress.start("language model", 1, mode, log, 0.25)) {
                result = design.run(ClmSamplingSettings.of(molecules, seed), (done, total, msg) -> bar.update(done,
                        total, msg), cancelled);
            }
            rows.add(ClmComparison.row("language model (GPT-2 " + lm.config().layers() + " x " + lm.config().width()
                    + ") + sample-and-rank", result.molecules(), objective.direction(), ringCount, k,
                    result.summary().seconds()));
        }
        return new ClmComparison(objective.toText(), ringCount, k, rows);
    }

    /** Adds the section to the report page and writes {@value #JSON} beside it. */
    static void publish(ClmComparison comparison, Path report, Path dir) throws IOException {
        comparison.insertInto(report);
        new com.fasterxml.jackson.databind.ObjectMapper().enable(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve(JSON).toFile(), comparison.toMap());
    }
}
