package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

public class EdmCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new Object[] {r.code(), r.out(), r.err()};
    }

    @Test
    public void trainThenEvaluateATinyModelFromTheCommandLine() throws Exception {
        Path model = tmp.getRoot().toPath().resolve("cli.gaudi-edm");
        Object[] t = run("train-edm", "--data", "embedded", "--max-rings", "4", "--epochs", "3", "--batch", "4",
                "--layers", "2", "--hidden", "16", "--lr", "3e-3", "--val-fraction", "0.25", "--test-fraction", "0",
                "--device", "cpu", "--seed", "2", "--progress", "none", "--out", model.toString());
        assertEquals("stderr: " + t[2], 0, t[0]);
        String trainOut = (String) t[1];
        assertTrue(trainOut, trainOut.contains("data: embedded cata-condensed benzenoids, 1-4 rings"));
        assertTrue(trainOut, trainOut.contains("split 7 train / 2 validation / 0 test"));
        // the default validation metric is the NLL bound, a density: it may be negative
        assertTrue(trainOut, Pattern.compile("(?m)^best-validation-loss: -?\\d+\\.\\d+$").matcher(trainOut).find());
        assertTrue(Files.isRegularFile(model));

        Object[] e = run("eval-edm", "--model", model.toString(), "--samples", "6", "--steps", "20", "--seed", "1",
                "--device", "cpu", "--progress", "none");
        assertEquals("stderr: " + e[2], 0, e[0]);
        List<String> lines = ((String) e[1]).lines().toList();
        assertTrue(lines.toString(), lines.get(0).startsWith("model: "));
        for (int i = 0; i < 3; i++) {
            assertTrue(lines.get(i + 1), lines.get(i + 1).matches("(valid|unique|novel): [01]\\.\\d\\d"));
        }
        assertEquals("valid", lines.get(1).split(":")[0]);
        assertEquals("unique", lines.get(2).split(":")[0]);
        assertEquals("novel", lines.get(3).split(":")[0]);
        for (String check : new String[] {"orientation_nodes", "dist_stable", "connected", "angles3", "angles4"}) {
            assertTrue(check, lines.stream().anyMatch(l -> l.matches("check-" + check + ": [01]\\.\\d\\d")));
        }
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("device: cpu")));
    }

    @Test
    public void badInputGivesOneClearLineAndExitCodeOne() throws Exception {
        Path missing = tmp.getRoot().toPath().resolve("missing.gaudi-edm");
        Object[] r = run("eval-edm", "--model", missing.toString(), "--device", "cpu");
        assertEquals(1, r[0]);
        String err = (String) r[2];
        assertTrue(err, err.contains("missing.gaudi-edm"));
        assertFalse("no stack trace: " + err, err.contains("\tat "));

        Path junk = tmp.newFile("junk.gaudi-edm").toPath();
        Files.writeString(junk, "junk");
        r = run("eval-edm", "--model", junk.toString(), "--device", "cpu");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("junk.gaudi-edm"));

        Path out = tmp.getRoot().toPath().resolve("never.gaudi-edm");
        r = run("train-edm", "--data", "embedded", "--min-rings", "5", "--max-rings", "3", "--out", out.toString(),
                "--device", "cpu", "--progress", "none");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("--min-rings"));
        assertFalse(Files.exists(out));

        r = run("train-edm", "--data", tmp.getRoot().toPath().resolve("nothing.csv").toString(), "--out",
                out.toString(), "--device", "cpu", "--progress", "none");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("nothing.csv"));
    }
}
