package org.gaudi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Headless entry point: every pipeline step is a subcommand. */
@Command(name = "gaudi", mixinStandardHelpOptions = true, version = "GaUDI for KNIME 0.1.0",
        description = "Inverse molecular design by guided diffusion over graphs of rings (GaUDI), headless.",
        subcommands = {DemoCommand.class, DatasetCommand.class, TrainEdmCommand.class, EvalEdmCommand.class,
                TrainPredictorCommand.class, EvalPredictorCommand.class, SampleCommand.class, TrainClmCommand.class, SampleClmCommand.class,
                org.gaudi.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class GaudiCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new GaudiCli()).execute(args);
        System.exit(code);
    }
}
