package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.sampling.PredictorTime;
import org.gaudi.core.xtb.XtbCancelledException;
import org.gaudi.core.xtb.XtbColumn;
import org.gaudi.core.xtb.XtbRunner;
import org.gaudi.core.xtb.XtbUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi sample}: guided (or plain) design with an EDM and a property predictor; writes the molecule table. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates molecules with a trained EDM, steered by the gradient of an objective of a property"
                + " predictor's predictions (GaUDI guided design), and writes molecules.sdf (valid molecules,"
                + " explicit H, decoded coordinates, all fields), molecules.csv (every molecule, invalid ones with"
                + " their reason) and summary.json (figures, seed, settings) into --out.",
                "Prints one figure per line: valid, unique, novel, objective-mean, objective-best (over valid"
                        + " molecules), huckel-gap-mean (the Hückel gap of the valid molecules, an independent check"
                        + " on the predictor), then huckel-gap-max, stable, non-finite-gradients and device.",
                "Without --objective (or with --scale 0) sampling is unguided; a --predictor then still adds"
                        + " its predictions to every row."})
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--edm", required = true, paramLabel = "FILE", description = "EDM model file (train-edm).")
    Path edm;

    @Option(names = "--predictor", paramLabel = "FILE",
            description = "Property predictor file; needed for --objective, otherwise adds predictions to the rows.")
    Path predictor;

    @Option(names = "--objective", paramLabel = "TEXT",
            description = "What to optimise over the predictor's targets in physical units, e.g. \"maximize"
                    + " HMO_GAP_eV\" or \"minimize abs(HMO_GAP_eV - 2.5)\" (numbers, + - * / ^, parentheses, abs,"
                    + " min, max, sqrt, exp, log).")
    String objective;

    @Option(names = "--scale", defaultValue = "0.6", paramLabel = "S",
            description = "Guidance scale in GaUDI's units: multiplies the objective divided by its spread over the"
                    + " predictor's training targets (so 'maximize X' pushes as GaUDI's z-scored objective does, in"
                    + " any units), before its gradient is clipped; respaced runs (--steps) push as far in total as"
                    + " all 1000 steps. 0 samples unguided (default: ${DEFAULT-VALUE}, GaUDI's).")
    double scale;

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "How the objective steers sampling: gaudi (GaUDI's gradient update, the default), resample"
                    + " (particle resampling by the predicted objective without a gradient push: more valid molecules"
                    + " at the same property, fewer distinct ones) or smc (GaUDI's update as the proposal of a"
                    + " particle filter, at most 2 copies per resampling, no push in the last 20 %% of the steps: the"
                    + " best validity and reach beyond the training data on bench ood).")
    String sampler;

    @Option(names = {"-n", "--n"}, defaultValue = "128", paramLabel = "N",
            description = "Molecules to generate (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of ring counts and sampling noise; the same seed and settings give the same"
                    + " molecules (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed; existing result files are replaced).")
    Path out;

    @Option(names = "--rings", paramLabel = "N",
            description = "Rings of every molecule (default: drawn from the EDM's ring-count distribution).")
    Integer rings;

    @Option(names = "--steps", paramLabel = "K",
            description = "Reverse diffusion steps (default: the model's T, 1000); fewer respace the time grid"
                    + " (faster, approximate).")
    Integer steps;

    @Option(names = "--std", paramLabel = "STD",
            description = "Initial-noise standard deviation (default: 1.0 with an objective, 0.7 without, as"
                    + " GaUDI).")
    Double std;

    @Option(names = "--clip", defaultValue = "10", paramLabel = "NORM",
            description = "Maximum norm of one molecule's guidance gradient (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules sampled together; lower it if memory runs short (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--predictor-time", defaultValue = "s", paramLabel = "s|t",
            description = "Time the predictor is told when its gradient is taken at z_s: s (its noise level,"
                    + " default) or t (the reference code's off-by-one).")
    String predictorTime;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--xtb", arity = "0..1", fallbackValue = "", paramLabel = "PATH",
            description = "Also compute the GFN2-xTB HOMO-LUMO gap of every valid molecule (xtb optimises the"
                    + " decoded 3-D conformer): adds columns " + XtbColumn.GAP + " and " + XtbColumn.ERROR
                    + " (why a valid molecule has no gap) to molecules.csv and the SD records, and the counts to"
                    + " summary.json. Needs the xtb executable (not shipped): PATH to it, or the first on PATH;"
                    + " without one the command stops before sampling and says how to install it.")
    String xtb;

    @Mixin
    XtbOptions xtbOptions;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display (default: ${DEFAULT-VALUE}: a bar on a terminal, else lines).")
    String progress;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("sample", this::run);
    }

    private GuidanceSettings settings() {
        GuidanceSettings.Builder b = GuidanceSettings.builder().scale(scale).clipNorm(clip).molecules(molecules)
                .seed(seed).steps(steps).batchSize(batch).initialNoiseStd(std).device(compute.deviceSetting())
                .predictorTime(parseTime(predictorTime));
        if (sampler != null) {
            b.sampler(GuidanceMethod.parse(sampler));
        }
        if (rings != null) {
            b.ringCount(rings);
        }
        return b.build();
    }

    private static PredictorTime parseTime(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "s":
                return PredictorTime.S;
            case "t":
                return PredictorTime.T;
            default:
                throw new IllegalArgumentException("--predictor-time must be s or t, got '" + text + "'");
        }
    }

    private int run() throws Exception {
        OutputPaths.checkFolder("-o/--out", out);
        compute.applyThreads();
        GuidanceSettings settings = settings();
        XtbRunner xtbRunner = null;
        if (xtb != null) {
            try {
                xtbRunner = xtbOptions.runner(xtb);
            } catch (XtbUnavailableException e) {
                System.err.println("sample: --xtb: " + e.getMessage() + " (--xtb PATH); nothing sampled");
                return 1;
            }
        }
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.valueOf(progress.trim().toUpperCase(Locale.ROOT));
        PrintStream stdout = System.out;
        InterruptGuard interrupt = InterruptGuard.install("sample", 60);
        try (GuidedSampler sampler = GuidedSampler.open(edm, predictor, objective, settings.device())) {
            if (sampler.objective() == null && scale > 0 && predictor != null) {
                System.err.println("sample: no --objective given; sampling unguided");
            }
            DesignResult r;
            try (ConsoleProgress p = ConsoleProgress.start("sample", 1, mode, System.err, 0.1)) {
                r = sampler.run(settings, (done, total, msg) -> p.update(done, total, msg), interrupt::cancelled);
            }
            String failure = r.summary().guidanceFailure();
            if (failure != null) {
                System.err.println("sample: " + failure + "; nothing written. Use an objective that is defined for"
                        + " the predictor's values (e.g. maximize HMO_GAP_eV), or --scale 0 for unguided sampling");
                return 1;
            }
            if (r.summary().guided() && !r.summary().objectiveDomain().isClean()) {
                System.err.println("sample: WARNING: the objective had to be clamped or was not finite, and those"
                        + " molecules got no guidance at those steps: " + r.summary().objectiveDomain());
            }
            XtbColumn xtbColumn = null;
            if (xtbRunner != null) {
                try (ConsoleProgress p = ConsoleProgress.start("xtb", 1, mode, System.err, 0.1)) {
                    xtbColumn = XtbColumn.compute(r.sdfById(), xtbRunner, (done, total, msg) -> p.update(done,
                            total, msg), interrupt::cancelled);
                }
            }
            DesignWriters.writeAll(out, r, xtbColumn);
            for (String line : r.summary().lines()) {
                stdout.println(line);
            }
            if (xtbColumn != null) {
                xtbColumn.tally().lines("xtb").forEach((k, v) -> stdout.println(k + ": " + v));
                if (xtbColumn.tally().failed() > 0) {
                    System.err.println("sample: WARNING: xtb gave no gap for " + xtbColumn.tally().failed() + " of "
                            + xtbColumn.tally().total() + " valid molecules (" + xtbColumn.tally() + "; first: "
                            + xtbColumn.tally().firstFailure() + "); see the " + XtbColumn.ERROR + " column");
                }
            }
            stdout.printf(Locale.ROOT, "out: %s (%s: %d molecules, %s: %d valid, %s)%n", out, DesignWriters.CSV,
                    r.molecules().size(), DesignWriters.SDF, r.summary().valid(), DesignWriters.SUMMARY);
            stdout.flush();
            return 0;
        } catch (SamplingCancelledException | XtbCancelledException e) {
            System.err.println("sample: cancelled; nothing written");
            return 130;
        } finally {
            interrupt.close();
        }
    }
}
