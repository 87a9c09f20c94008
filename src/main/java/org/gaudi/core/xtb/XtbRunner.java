package org.gaudi.core.xtb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs one xtb process per molecule in a fresh temporary directory (xtb writes xtbopt.xyz, charges, wbo, ... into
 * its working directory), waits at most the time limit, and removes the directory afterwards. Failures become
 * {@link XtbOutcome}s, never exceptions, so a batch can count them; only cancellation throws.
 */
public final class XtbRunner {
    /** How often the wait checks for cancellation and the deadline. */
    private static final long POLL_MS = 50;
    static final String INPUT = "mol.xyz";
    static final String STDOUT = "xtb.out";
    static final String STDERR = "xtb.err";

    private final Path executable;
    private final XtbSettings settings;

    public XtbRunner(Path executable, XtbSettings settings) {
        this.executable = executable;
        this.settings = settings;
    }

    public Path executable() {
        return executable;
    }

    public XtbSettings settings() {
        return settings;
    }

    /** The command line for one geometry (input file relative to the working directory). */
    List<String> command(XtbGeometry g) {
        List<String> c = new ArrayList<>(List.of(executable.toString(), INPUT, "--gfn", "2", "--chrg",
                Integer.toString(g.charge()), "--uhf", Integer.toString(g.unpairedElectrons()), "--parallel",
                Integer.toString(settings.threads())));
        if (settings.optimise()) {
            c.add("--opt");
        }
        return c;
    }

    /**
     * Runs xtb on one molecule.
     *
     * @param cancelled polled while xtb runs
     * @throws XtbCancelledException when cancelled (the process is killed, its files removed)
     */
    public XtbOutcome run(XtbGeometry g, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("gaudi-xtb-");
        } catch (IOException e) {
            return XtbOutcome.failed(XtbOutcome.Status.IO_ERROR, "cannot create a temporary directory: "
                    + e.getMessage(), seconds(start));
        }
        try {
            return runIn(dir, g, cancelled, start);
        } finally {
            deleteTree(dir);
        }
    }

    private XtbOutcome runIn(Path dir, XtbGeometry g, BooleanSupplier cancelled, long start) {
        Process p;
        try {
            Files.writeString(dir.resolve(INPUT), g.toXyz("gaudi"), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command(g)).directory(dir.toFile())
                    .redirectOutput(dir.resolve(STDOUT).toFile()).redirectError(dir.resolve(STDERR).toFile());
            threads(pb.environment());
            p = pb.start();
        } catch (IOException e) {
            return XtbOutcome.failed(XtbOutcome.Status.IO_ERROR, "cannot start " + executable + ": " + e.getMessage(),
                    seconds(start));
        }
        long deadline = start + settings.timeLimit().toNanos();
        try {
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    kill(p);
                    throw new XtbCancelledException("xtb cancelled");
                }
                if (System.nanoTime() > deadline) {
                    kill(p);
                    return XtbOutcome.failed(XtbOutcome.Status.TIMEOUT, "killed after the time limit of "
                            + settings.timeLimit().toSeconds() + " s", seconds(start));
                }
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new XtbCancelledException("xtb interrupted");
        }
        double s = seconds(start);
        int exit = p.exitValue();
        try {
            String out = Files.readString(dir.resolve(STDOUT), StandardCharsets.UTF_8);
            if (exit != 0) {
                return XtbOutcome.failed(XtbOutcome.Status.EXIT_CODE, "xtb exited with code " + exit
                        + errorLine(dir, out), s);
            }
            try {
                return XtbOutcome.ok(XtbOutput.parse(out, settings.optimise()), s);
            } catch (XtbOutputException e) {
                return XtbOutcome.failed(XtbOutcome.Status.UNPARSEABLE, e.getMessage(), s);
            }
        } catch (IOException | UncheckedIOException e) {
            return XtbOutcome.failed(XtbOutcome.Status.IO_ERROR, "cannot read xtb's output: " + e.getMessage(), s);
        }
    }

    /** xtb's own error line ("[ERROR] ..." or "abnormal termination"), from stderr or stdout, if any. */
    private static String errorLine(Path dir, String stdout) throws IOException {
        String err = Files.readString(dir.resolve(STDERR), StandardCharsets.ISO_8859_1);
        for (String text : new String[] {err, stdout}) {
            for (String line : text.split("\\R")) {
                String t = line.strip();
                if (t.startsWith("[ERROR]") || t.startsWith("-") && t.contains("ERROR") || t.contains("abnormal")) {
                    return ": " + t;
                }
            }
        }
        String last = err.strip();
        if (!last.isEmpty()) {
            String[] lines = last.split("\\R");
            return ": " + lines[lines.length - 1].strip();
        }
        return "";
    }

    /** One process uses exactly the threads asked for (xtb's OpenMP and its BLAS would otherwise take all cores). */
    private void threads(Map<String, String> env) {
        String n = Integer.toString(settings.threads());
        env.put("OMP_NUM_THREADS", n + ",1");
        env.put("MKL_NUM_THREADS", n);
        env.put("OPENBLAS_NUM_THREADS", n);
        env.put("OMP_MAX_ACTIVE_LEVELS", "1");
        // xtb's documented advice: a larger OpenMP stack, else large molecules crash
        env.putIfAbsent("OMP_STACKSIZE", "1G");
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a leftover temp file must not turn a result into a failure
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
