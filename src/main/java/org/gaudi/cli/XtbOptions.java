package org.gaudi.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.gaudi.core.xtb.XtbLocator;
import org.gaudi.core.xtb.XtbRunner;
import org.gaudi.core.xtb.XtbSettings;
import org.gaudi.core.xtb.XtbUnavailableException;

import picocli.CommandLine.Option;

/** The time limit and threads of xtb runs, shared by {@code sample --xtb} and {@code bench oracle}. */
public final class XtbOptions {
    @Option(names = "--xtb-time-limit", defaultValue = "120", paramLabel = "SEC",
            description = "Wall-clock limit per molecule in seconds; xtb is killed and the molecule counted as"
                    + " 'timeout' beyond it (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--xtb-threads", defaultValue = "1", paramLabel = "N",
            description = "OpenMP threads of each xtb process (OMP_NUM_THREADS, --parallel) (default:"
                    + " ${DEFAULT-VALUE}).")
    int threads;

    public XtbSettings settings() {
        if (!(timeLimitSeconds > 0) || !Double.isFinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("--xtb-time-limit must be a positive number of seconds, got "
                    + timeLimitSeconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--xtb-threads must be >= 1, got " + threads);
        }
        return new XtbSettings(Duration.ofMillis(Math.round(timeLimitSeconds * 1000)), threads, true);
    }

    /**
     * A runner for the executable at {@code explicit} (null or blank: the first xtb on PATH).
     *
     * @throws XtbUnavailableException when there is none
     */
    public XtbRunner runner(String explicit) throws XtbUnavailableException {
        Path exe = XtbLocator.locate(explicit);
        return new XtbRunner(exe, settings());
    }
}
