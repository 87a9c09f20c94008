package org.gaudi.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./gaudi demo}: the main job. Until the design pipeline is wired, it runs the data-layer checks. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the end-to-end demonstration on the embedded dataset.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return new CommandLine(new DatasetCommand()).execute("--check");
    }
}
