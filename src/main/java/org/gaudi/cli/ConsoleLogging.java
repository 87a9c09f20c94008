package org.gaudi.cli;

import java.util.List;

/**
 * What the third-party libraries may print on the console. By default a user sees our lines only: DJL's and
 * PyTorch's INFO lines and warnings such as "Failed to detect GPU count" stay hidden, our own warnings (org.gaudi)
 * stay visible. {@code --verbose} shows everything from INFO up and the stack trace of an internal error.
 *
 * <p>Only the command line configures this (a KNIME installation has its own logging). slf4j-simple reads its
 * levels once, when the first logger is created, so {@link #configure} runs before any library is touched.
 */
final class ConsoleLogging {
    static final String VERBOSE_OPTION = "--verbose";
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static volatile boolean verbose;

    private ConsoleLogging() {
    }

    /** Sets slf4j-simple's levels (unless the user set them with -D) from the command line's arguments. */
    static void configure(List<String> args) {
        verbose = args.contains(VERBOSE_OPTION);
        setDefault(PREFIX + "defaultLogLevel", verbose ? "info" : "error");
        setDefault(PREFIX + "log.org.gaudi", verbose ? "info" : "warn");
        setDefault(PREFIX + "logFile", "System.err");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Whether the user asked for library output and stack traces. */
    static boolean verbose() {
        return verbose;
    }

    static void setVerbose(boolean on) {
        verbose = on;
    }
}
