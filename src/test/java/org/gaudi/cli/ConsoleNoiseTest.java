package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import picocli.CommandLine;

/** What a user sees on the console: our lines only, unless --verbose. */
public class ConsoleNoiseTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Runs {@code GaudiCli.main} in a fresh JVM (logging is configured once per process) and returns stderr. */
    private String[] runJava(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                GaudiCli.class.getName()));
        cmd.addAll(List.of(args));
        File out = tmp.newFile();
        File err = tmp.newFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
        assertTrue("finished in time", p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8)};
    }

    @Test
    public void trainingPrintsNoLibraryLinesUnlessVerbose() throws Exception {
        String model = tmp.getRoot().toPath().resolve("p.gaudi-predictor").toString();
        String[] common = {"train-predictor", "--data", "embedded", "--max-rings", "3", "--layers", "1", "--hidden",
            "8", "--epochs", "2", "--batch", "2", "--val-fraction", "0.25", "--test-fraction", "0.25",
            "--targets", "HMO_GAP_eV", "--device", "cpu", "--progress", "none", "-o", model};
        String[] r = runJava(common);
        assertEquals(r[2], "0", r[0]);
        // DJL's INFO/WARN lines ("Failed to detect GPU count") and PyTorch's native AutoNonVariableTypeMode warning
        assertFalse(r[2], r[2].contains("ai.djl"));
        assertFalse(r[2], r[2].contains("AutoNonVariableTypeMode"));
        assertFalse(r[2], r[2].contains(" INFO "));

        List<String> verbose = new ArrayList<>(List.of(common));
        verbose.add("--verbose");
        String[] v = runJava(verbose.toArray(String[]::new));
        assertEquals(v[2], "0", v[0]);
        assertTrue(v[2], v[2].contains("INFO ai.djl"));
        assertFalse(v[2], v[2].contains("AutoNonVariableTypeMode"));
    }

    @Test
    public void everyHelpPageFormatsWithoutPicocliWarnings() {
        CommandLine root = new CommandLine(new GaudiCli());
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of("--help"));
        root.getSubcommands().forEach((name, sub) -> {
            pages.add(List.of(name, "--help"));
            sub.getSubcommands().forEach((n2, s2) -> pages.add(List.of(name, n2, "--help")));
        });
        for (List<String> page : pages) {
            if (page.get(0).equals("help")) {
                continue;
            }
            CliRun r = CliRun.of(page.toArray(String[]::new));
            assertEquals(page + ": " + r, 0, r.code());
            assertFalse(page + ": " + r.err(), r.err().contains("WARN"));
            assertTrue(page + ": " + r.out(), r.out().startsWith("Usage: gaudi"));
        }
    }
}
