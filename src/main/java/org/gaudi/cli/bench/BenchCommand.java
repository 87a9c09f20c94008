package org.gaudi.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gaudi bench <what>}: speed and quality figures, one "key value" per line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (one 'key value' per line).",
        subcommands = {EdmBenchmark.class, PredictorBenchmark.class, GuidanceBenchmark.class,
            GuidedStepBenchmark.class, ScalingBenchmark.class, OodBenchmark.class,
            ClmBenchmark.class, OracleBenchmark.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
