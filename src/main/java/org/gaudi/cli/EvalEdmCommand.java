package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaudi.core.diffusion.EdmEvaluation;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EvaluationReport;
import org.gaudi.core.diffusion.SamplingCancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi eval-edm}: unconditional sample quality of a trained EDM (GaUDI's eval_validity). */
@Command(name = "eval-edm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Samples molecules from a trained EDM without guidance and prints GaUDI's figures, one per"
                + " line: valid, unique, novel, stable, each geometric check's pass rate, and the device used.",
                "valid = chemically valid / generated; unique = distinct InChIs / valid; novel = distinct valid"
                        + " InChIs not among the training molecules' InChIKeys / valid; stable = all geometric checks"
                        + " passed / generated."})
public final class EvalEdmCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE",
            description = "EDM model file written by train-edm.")
    Path model;

    @Option(names = "--samples", defaultValue = "256", paramLabel = "N",
            description = "Molecules to sample; ring counts are drawn from the training distribution"
                    + " (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of ring counts and sampling noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "K",
            description = "Reverse diffusion steps (default: the model's T, 1000, as GaUDI); fewer respace the"
                    + " time grid (faster, approximate).")
    Integer steps;

    @Option(names = "--std", defaultValue = "0.7", paramLabel = "STD",
            description = "Standard deviation of the initial noise (default: ${DEFAULT-VALUE}, GaUDI's unconditional"
                    + " value).")
    double std;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules sampled together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display (default: ${DEFAULT-VALUE}: a bar on a terminal, else lines).")
    String progress;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("eval-edm", this::run);
    }

    private int run() throws Exception {
        compute.applyThreads();
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.parse(progress);
        PrintStream out = System.out;
        InterruptGuard interrupt = InterruptGuard.install("eval-edm", 60);
        try (EdmModel edm = EdmModel.load(model, compute.deviceSetting())) {
            int k = steps != null ? steps : edm.timesteps();
            EdmEvaluation.Settings s = new EdmEvaluation.Settings(samples, seed, k, std, batch);
            EvaluationReport r;
            try (ConsoleProgress p = ConsoleProgress.start("eval-edm", 1, mode, System.err, 0.1)) {
                r = EdmEvaluation.evaluate(edm, s, (done, total) -> p.update(done, total, null), interrupt::cancelled);
            }
            out.println("model: " + model + " (" + edm.architecture() + ", " + edm.parameterCount()
                    + " parameters)");
            for (String line : r.lines()) {
                out.println(line);
            }
            return 0;
        } catch (SamplingCancelledException e) {
            System.err.println("eval-edm: cancelled");
            return 130;
        } finally {
            interrupt.close();
        }
    }
}
