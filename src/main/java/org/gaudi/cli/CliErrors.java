package org.gaudi.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import picocli.CommandLine;

/**
 * Turns every failure of a command into one clear line on stderr instead of a stack trace: bad input, missing or
 * damaged files give "{@code command}: message" and exit code 1; anything else is an internal error (exit code 70)
 * whose trace only {@code --verbose} prints.
 */
public final class CliErrors {
    /** sysexits' EX_SOFTWARE: an internal error (a bug), not bad input. */
    static final int INTERNAL_ERROR = 70;

    private CliErrors() {
    }

    /** A runnable command body. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    /** Runs the body; every failure is {@linkplain #report reported} as one line. */
    public static int guard(String command, Body body) {
        try {
            return body.run();
        } catch (CommandLine.ParameterException e) {
            throw e; // picocli prints it with the usage
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return report(command, e, System.err);
        }
    }

    /** Prints "command: reason" for {@code e} and returns the exit code. */
    static int report(String command, Throwable e, PrintStream err) {
        err.println(command + ": " + message(e));
        if (isInternal(e)) {
            if (ConsoleLogging.verbose()) {
                e.printStackTrace(err);
            }
            err.flush();
            return INTERNAL_ERROR;
        }
        err.flush();
        return 1;
    }

    private static boolean isInternal(Throwable e) {
        return !(e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof StackOverflowError
                || e instanceof OutOfMemoryError);
    }

    /** The reason in words; never "null". */
    static String message(Throwable e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return fileProblem(f);
        }
        if (e instanceof EOFException) {
            return "unexpected end of file" + detail(e) + " (the file is truncated or damaged)";
        }
        if (e instanceof StackOverflowError) {
            return "input too deeply nested or too long to process (stack overflow)";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); use a smaller --batch or give Java more memory, e.g."
                    + " GAUDI_JAVA_OPTS=-Xmx16g";
        }
        if (isInternal(e)) {
            return "internal error: " + e.getClass().getName() + detail(e) + "; please report it with the command"
                    + " line" + (ConsoleLogging.verbose() ? "" : " (--verbose prints the stack trace)");
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            return c != null && c != e ? message(c) : e.getClass().getSimpleName();
        }
        return m;
    }

    private static String fileProblem(FileSystemException f) {
        String file = f.getFile() != null ? f.getFile() : "";
        String other = f.getOtherFile() != null ? " -> " + f.getOtherFile() : "";
        String reason = f.getReason();
        if (reason == null) {
            if (f instanceof NoSuchFileException) {
                reason = "no such file or folder";
            } else if (f instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (f instanceof FileAlreadyExistsException) {
                reason = "already exists";
            } else if (f instanceof NotDirectoryException) {
                reason = "not a folder";
            } else {
                reason = f.getClass().getSimpleName();
            }
        }
        return file + other + ": " + reason;
    }

    private static String detail(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    }
}
