package org.gaudi.cli;

import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Headless entry point: every pipeline step is a subcommand. */
@Command(name = "gaudi", mixinStandardHelpOptions = true, version = "GaUDI for KNIME 0.1.0",
        description = "Inverse molecular design by guided diffusion over graphs of rings (GaUDI), headless.",
        subcommands = {DemoCommand.class, DatasetCommand.class, TrainEdmCommand.class, EvalEdmCommand.class,
                TrainPredictorCommand.class, EvalPredictorCommand.class, SampleCommand.class, TrainClmCommand.class, SampleClmCommand.class,
                org.gaudi.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class GaudiCli implements Runnable {

    @Option(names = ConsoleLogging.VERBOSE_OPTION, scope = ScopeType.INHERIT,
            description = "Also show the libraries' (DJL, PyTorch) log lines and the stack trace of an internal"
                    + " error.")
    void verbose(boolean on) {
        if (on) {
            ConsoleLogging.setVerbose(true);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Runs one command line in this process and returns its exit code. No exception escapes: a failure becomes one
     * line on stderr that names the command ({@link CliErrors}).
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new GaudiCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> CliErrors.report(
                commandName(commandLine), e, System.err));
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return CliErrors.report("gaudi", e, System.err);
        }
    }

    private static String commandName(CommandLine cl) {
        String qualified = cl.getCommandSpec().qualifiedName(" ");
        return qualified.startsWith("gaudi ") ? qualified.substring("gaudi ".length()) : qualified;
    }

    public static void main(String[] args) {
        ConsoleLogging.configure(Arrays.asList(args));
        System.exit(execute(args));
    }
}
