package org.gaudi.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Turns the expected failures of a command (bad input, unreadable files) into one clear line instead of a trace. */
final class CliErrors {
    private CliErrors() {
    }

    /** A runnable command body. */
    @FunctionalInterface
    interface Body {
        int run() throws Exception;
    }

    /**
     * Runs the body; bad arguments, missing or damaged files print "{@code command}: message" on stderr and give exit
     * code 1. Anything else (a bug) propagates with its stack trace.
     */
    static int guard(String command, Body body) throws Exception {
        try {
            return body.run();
        } catch (NoSuchFileException e) {
            System.err.println(command + ": " + e.getFile() + ": " + (e.getReason() != null ? e.getReason()
                    : "no such file"));
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(command + ": " + e.getMessage());
            return 1;
        }
    }
}
