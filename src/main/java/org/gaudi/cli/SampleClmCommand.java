package org.gaudi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gaudi.core.clm.ClmDesign;
import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmSamplingSettings;
import org.gaudi.core.clm.ClmWriters;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.sampling.SampleAndRank;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./gaudi sample-clm}: draws SMILES from a language model, checks and scores them, ranks by an objective. */
@Command(name = "sample-clm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws SMILES from a chemical language model (train-clm), checks each with CDK and GaUDI's"
                + " validity rules (molecules outside the graph-of-rings domain are reported as out of domain),"
                + " scores the valid ones with a property predictor and the exact Hückel gap, and writes the guided"
                + " sampler's files (molecules.csv with the sampled SMILES and log-likelihood, molecules.sdf,"
                + " summary.json) into --out.",
                "With --objective the valid molecules are ranked by it (sample-and-rank) and the best --top are"
                        + " printed."})
public final class SampleClmCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "Language model file.")
    Path model;

    @Option(names = "--predictor", paramLabel = "FILE",
            description = "Property predictor file; needed for --objective, otherwise adds predictions to the rows.")
    Path predictor;

    @Option(names = "--objective", paramLabel = "TEXT",
            description = "Objective over the predictor's targets, e.g. \"maximize HMO_GAP_eV\"; ranks the designs.")
    String objective;

    @Option(names = {"-n", "--n"}, defaultValue = "1000", paramLabel = "N",
            description = "SMILES to draw (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}, the model's distribution).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K",
            description = "Sample among the K most likely tokens only; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-tokens", defaultValue = "0", paramLabel = "N",
            description = "Longest SMILES in tokens; 0 = what the model's context holds (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch", defaultValue = "250", paramLabel = "B",
            description = "Sequences generated together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K",
            description = "With --objective: print the K best designs (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed; existing result files are replaced).")
    Path out;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display (default: ${DEFAULT-VALUE}).")
    String progress;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("sample-clm", this::run);
    }

    private int run() throws Exception {
        compute.applyThreads();
        ClmSamplingSettings settings = new ClmSamplingSettings(molecules, temperature, topK, seed, maxTokens, batch);
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.parse(progress);
        PrintStream stdout = System.out;
        InterruptGuard interrupt = InterruptGuard.install("sample-clm", 60);
        Device device = Djl.selectDevice(compute.deviceSetting());
        try (ClmModel lm = ClmModel.load(model, device);
                PropertyPredictor p = predictor == null ? null : PropertyPredictor.load(predictor, device)) {
            Objective o = GuidedSampler.parse(objective, p);
            ClmDesign design = new ClmDesign(lm, p, o);
            ClmDesign.Result r;
            try (ConsoleProgress bar = ConsoleProgress.start("sample-clm", 1, mode, System.err, 0.1)) {
                r = design.run(settings, (done, total, msg) -> bar.update(done, total, msg), interrupt::cancelled);
            }
            ClmWriters.writeAll(out, r);
            for (String line : r.summary().lines()) {
                stdout.println(line);
            }
            if (design.objective() != null) {
                int rank = 1;
                for (DesignedMolecule m : SampleAndRank.top(r.molecules(), design.objective().direction(), top)) {
                    stdout.printf(Locale.ROOT, "rank %d: %s objective %.4f huckel-gap %s eV novel %s%n", rank++,
                            m.smiles(), m.objective(), m.huckelGapEv() == null ? "n/a"
                                    : String.format(Locale.ROOT, "%.4f", m.huckelGapEv()), m.novel());
                }
            }
            stdout.printf(Locale.ROOT, "out: %s (%s: %d molecules, %s: %d valid, %s)%n", out, DesignWriters.CSV,
                    r.molecules().size(), DesignWriters.SDF, r.summary().valid(), DesignWriters.SUMMARY);
            return 0;
        } catch (SamplingCancelledException e) {
            System.err.println("sample-clm: cancelled; nothing written");
            return 130;
        } finally {
            interrupt.close();
        }
    }
}
