package org.gaudi.cli.bench;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.djl.OpenMpWaitPolicy;
import org.gaudi.core.objective.ObjectiveSyntaxException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Speed and memory of the guided reverse step, the Guided Sampler node's hot path, at GaUDI's size (EDM 9 × 192,
 * predictor 12 × 196, batch 64, 11 rings) with random weights ({@link GuidedStepRun}). Prints
 * {@code guided-step-ms}, {@code guided-step-cpu-ms}, {@code cpu-per-wall}, {@code guidance-ms} (the predictor
 * gradient and update part), {@code guided-step-gflops-per-s}, {@code peak-rss-mb} and, for runs longer than
 * {@value #RSS_REFERENCE_STEP} steps, the resident memory at that step and at the last one.
 */
@Command(name = "guided-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark one guided sampling step at GaUDI's full size with random weights (no model"
                + " files needed): EDM forward and update plus the predictor's guidance gradient.",
                "With --steps 1000 it also shows whether memory stays flat (rss-growth-mb between step "
                        + GuidedStepBenchmark.RSS_REFERENCE_STEP + " and the last)."})
public final class GuidedStepBenchmark implements Callable<Integer> {
    static final int RSS_REFERENCE_STEP = 100;

    @Mixin
    GuidedStepOptions options = new GuidedStepOptions();

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--steps", paramLabel = "K",
            description = "Length of the sampling run (default: warm-up + iterations); e.g. 1000 for the memory"
                    + " check. Timings are taken over the steps after the warm-up.")
    Integer steps;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads (default: all cores).")
    Integer threads;

    private final PrintStream out;

    public GuidedStepBenchmark() {
        this(System.out);
    }

    GuidedStepBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws ObjectiveSyntaxException {
        int total = steps != null ? steps : warmup + iterations;
        if (warmup < 0 || iterations < 1 || total <= warmup || total > 1000) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "need warmup >= 0, iterations >= 1 and warm-up < steps <= 1000");
        }
        options.validate(new CommandLine(this));
        if (threads != null) {
            BenchThreads.applyBeforeStart(threads);
        }
        return Djl.call(() -> {
            if (threads != null) {
                Djl.setIntraOpThreads(threads);
                BatchParallel.setThreads(threads);
            }
            try (GuidedStepRun run = options.open()) {
                line("edm-params", Long.toString(run.edm().parameterCount()));
                line("predictor-params", Long.toString(run.predictor().parameterCount()));
                line("load-average-before", BenchSupport.loadAverage());
                GuidedStepRun.Stamps s = run.run(total, options.seed);
                int from = Math.max(1, warmup);
                double ms = s.wallMs(from, total);
                double cpuMs = s.cpuMs(from, total);
                line("guided-step-ms", BenchSupport.fmt(ms));
                line("guided-step-cpu-ms", BenchSupport.fmt(cpuMs));
                line("guided-step-cpu-ms-min", BenchSupport.fmt(s.minCpuMs(from, total)));
                line("cpu-per-wall", BenchSupport.fmt(cpuMs / ms));
                line("guided-step-sys-cpu-ms", BenchSupport.fmt(s.systemCpuMs(from, total)));
                line("page-faults-per-step", BenchSupport.fmt(s.pageFaults(from, total)));
                line("guidance-ms", BenchSupport.fmt(s.guidanceMs(from, total)));
                line("sampling-part-ms", BenchSupport.fmt(ms - s.guidanceMs(from, total)));
                double gflop = run.flopsPerStep() / 1e9;
                line("guided-step-gflop", BenchSupport.fmt(gflop));
                line("guided-step-gflops-per-s", BenchSupport.fmt(gflop / (ms / 1e3)));
                if (total > RSS_REFERENCE_STEP) {
                    long atRef = s.rssKb()[RSS_REFERENCE_STEP];
                    long last = s.rssKb()[total];
                    line("rss-step-" + RSS_REFERENCE_STEP + "-mb", Long.toString(atRef / 1024));
                    line("rss-step-" + total + "-mb", Long.toString(last / 1024));
                    line("rss-growth-mb", BenchSupport.fmt((last - atRef) / 1024.0));
                }
                line("peak-rss-mb", Long.toString(BenchSupport.peakRssKb() / 1024));
                line("steps", Integer.toString(total));
                line("threads", Integer.toString(BatchParallel.threads()));
                line("openmp-wait-policy", OpenMpWaitPolicy.apply());
                line("device", Djl.describe(options.device()));
                line("load-average-after", BenchSupport.loadAverage());
            }
            return 0;
        });
    }

    private void line(String key, String value) {
        out.println(key + " " + value);
        out.flush();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GuidedStepBenchmark()).execute(args));
    }
}
