package org.gaudi.cli.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.objective.ObjectiveSyntaxException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Thread scaling of the guided step ({@link GuidedStepRun}, GaUDI's size with random weights): the same models and
 * noise at 1, 2 and all cores (or the counts given), in one process, one line per count with wall and CPU time per
 * step, CPU/wall and the speed-up over one thread.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Thread scaling of the guided step at GaUDI's size (random weights): one line per thread"
                + " count with guided-step-ms, cpu-ms, cpu-per-wall and speed-up over 1 thread.")
public final class ScalingBenchmark implements Callable<Integer> {

    @Mixin
    GuidedStepOptions options = new GuidedStepOptions();

    @Option(names = "--threads", split = ",", paramLabel = "N,...",
            description = "Thread counts (default: 1, 2 and all cores).")
    int[] threads;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps per count (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Timed steps per count (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--compare-intra-op",
            description = "Also time each count with PyTorch's own intra-op threads instead of batch chunks"
                    + " (interleaved A/B in one process).")
    boolean compareIntraOp;

    private final PrintStream out;

    public ScalingBenchmark() {
        this(System.out);
    }

    ScalingBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws ObjectiveSyntaxException {
        options.validate(new CommandLine(this));
        if (warmup < 0 || iterations < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "need warmup >= 0 and iterations >= 1");
        }
        TreeSet<Integer> counts = new TreeSet<>();
        if (threads == null) {
            counts.add(1);
            counts.add(Math.min(2, cores()));
            counts.add(cores());
        } else {
            for (int t : threads) {
                if (t < 1) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "thread counts must be >= 1");
                }
                counts.add(t);
            }
        }
        return Djl.call(() -> {
            try (GuidedStepRun run = options.open()) {
                out.println("cores " + cores());
                out.println("load-average-before " + BenchSupport.loadAverage());
                double oneThread = Double.NaN;
                for (int t : counts) {
                    for (String mode : compareIntraOp ? new String[] {"batch-chunks", "intra-op"}
                            : new String[] {"batch-chunks"}) {
                        boolean chunks = mode.equals("batch-chunks");
                        BatchParallel.setThreads(chunks ? t : 1);
                        Djl.setIntraOpThreads(chunks ? 1 : t);
                        GuidedStepRun.Stamps s = run.run(warmup + iterations, options.seed);
                        int from = Math.max(1, warmup);
                        int to = warmup + iterations;
                        double ms = s.wallMs(from, to);
                        double cpu = s.cpuMs(from, to);
                        if (t == 1 && chunks) {
                            oneThread = ms;
                        }
                        out.printf(Locale.ROOT, "threads %d mode %s guided-step-ms %.1f cpu-ms %.1f cpu-per-wall"
                                + " %.2f speed-up %.2f load-average %s%n", t, mode, ms, cpu, cpu / ms,
                                oneThread / ms, BenchSupport.loadAverage());
                        out.flush();
                    }
                }
            }
            return 0;
        });
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScalingBenchmark()).execute(args));
    }
}
