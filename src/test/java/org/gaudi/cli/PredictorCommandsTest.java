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

public class PredictorCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new Object[] {r.code(), r.out(), r.err()};
    }

    @Test
    public void trainThenEvaluateATinyPredictorFromTheCommandLine() throws Exception {
        Path model = tmp.getRoot().toPath().resolve("cli.gaudi-predictor");
        Object[] t = run("train-predictor", "--data", "embedded", "--max-rings", "6", "--epochs", "2", "--batch", "8",
                "--layers", "2", "--hidden", "16", "--lr", "3e-3", "--targets", "HMO_GAP_eV,HMO_LUMO_eV",
                "--device", "cpu", "--seed", "2", "--progress", "none", "--out", model.toString());
        assertEquals("stderr: " + t[2], 0, t[0]);
        String trainOut = (String) t[1];
        assertTrue(trainOut, trainOut.contains("data: embedded cata-condensed benzenoids, 1-6 rings"));
        assertTrue(trainOut, trainOut.contains("targets [HMO_GAP_eV, HMO_LUMO_eV]"));
        assertTrue(trainOut, Pattern.compile("(?m)^best-validation-l1: \\d+\\.\\d+$").matcher(trainOut).find());
        assertTrue(trainOut, Pattern.compile("(?m)^mae-HMO_GAP_eV-t1000: \\d+\\.\\d+$").matcher(trainOut).find());
        assertTrue(Files.isRegularFile(model));

        Object[] e = run("eval-predictor", "--model", model.toString(), "--data", "embedded", "--time-steps",
                "0,500", "--device", "cpu", "--progress", "none");
        assertEquals("stderr: " + e[2], 0, e[0]);
        String evalOut = (String) e[1];
        List<String> lines = evalOut.lines().toList();
        assertTrue(lines.get(0), lines.get(0).startsWith("model: "));
        assertTrue(evalOut, evalOut.contains("split: test ("));
        for (String k : new String[] {"clean", "t0", "t500"}) {
            assertTrue(k, Pattern.compile("(?m)^mae-HMO_LUMO_eV-" + k + ": \\d+\\.\\d+$").matcher(evalOut).find());
        }
        assertTrue(Pattern.compile("(?m)^baseline-mae-HMO_LUMO_eV: \\d+\\.\\d+$").matcher(evalOut).find());
        assertFalse(evalOut, evalOut.contains("-t1000:"));
        // the test part evaluated again from the file gives the figures printed after training
        String clean = line(trainOut, "mae-HMO_GAP_eV-clean");
        assertEquals(clean, line(evalOut, "mae-HMO_GAP_eV-clean"));
    }

    private static String line(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + ": ")).findFirst().orElse("missing " + key);
    }

    @Test
    public void badInputGivesOneClearLineAndExitCodeOne() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("never.gaudi-predictor");
        Object[] r = run("train-predictor", "--data", "embedded", "--max-rings", "3", "--targets", "GAP_eV",
                "--out", out.toString(), "--device", "cpu", "--progress", "none");
        assertEquals(1, r[0]);
        String err = (String) r[2];
        assertTrue(err, err.contains("GAP_eV") && err.contains("HMO_GAP_eV"));
        assertFalse("no stack trace: " + err, err.contains("\tat "));
        assertFalse(Files.exists(out));

        Path junk = tmp.newFile("junk.gaudi-predictor").toPath();
        Files.writeString(junk, "junk");
        r = run("eval-predictor", "--model", junk.toString(), "--device", "cpu");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("junk.gaudi-predictor"));
    }
}
