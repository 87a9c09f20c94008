package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gaudi.core.sampling.TrainedTinyModels;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;


/** {@code sample} and {@code bench guidance} on tiny trained models (20 respaced steps). */
public class SampleCommandTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path edm;
    private static Path predictor;

    @BeforeClass
    public static void writeModels() throws Exception {
        edm = tmp.getRoot().toPath().resolve("tiny.gaudi-edm");
        predictor = tmp.getRoot().toPath().resolve("tiny.gaudi-predictor");
        TrainedTinyModels.edmArchive().write(edm);
        TrainedTinyModels.predictorArchive().write(predictor);
    }

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new Object[] {r.code(), r.out(), r.err()};
    }

    @Test
    public void sampleWritesTheTableAndPrintsTheSummaryLines() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("results");
        Object[] r = run("sample", "--edm", edm.toString(), "--predictor", predictor.toString(), "--objective",
                "maximize " + TrainedTinyModels.GAP, "--scale", "0.6", "--n", "6", "--seed", "1", "--steps", "20",
                "--batch", "4", "--rings", "2", "--device", "cpu", "--progress", "none", "--out", dir.toString());
        assertEquals("stderr: " + r[2], 0, r[0]);
        List<String> lines = ((String) r[1]).lines().toList();
        String[] keys = {"valid", "unique", "novel", "objective-mean", "objective-best", "huckel-gap-mean"};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(lines.toString(), keys[i], lines.get(i).split(":")[0]);
        }
        assertTrue(lines.get(0), lines.get(0).matches("valid: [01]\\.\\d{4} \\(\\d of 6\\)"));
        assertTrue(lines.get(3), lines.get(3).matches("objective-mean: (-?\\d+\\.\\d{4}|n/a).*"));
        assertTrue(lines.toString(), lines.contains("device: cpu"));
        assertTrue(Files.isRegularFile(dir.resolve("molecules.sdf")));
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")));
        assertEquals(7, Files.readAllLines(dir.resolve("molecules.csv")).size());
        String json = Files.readString(dir.resolve("summary.json"));
        assertTrue(json, json.contains("\"seed\" : 1"));

        // the same run again gives the same table
        Path dir2 = tmp.getRoot().toPath().resolve("results2");
        Object[] again = run("sample", "--edm", edm.toString(), "--predictor", predictor.toString(), "--objective",
                "maximize " + TrainedTinyModels.GAP, "--n", "6", "--seed", "1", "--steps", "20", "--batch", "4",
                "--rings", "2", "--device", "cpu", "--progress", "none", "--out", dir2.toString());
        assertEquals(0, again[0]);
        assertEquals(Files.readString(dir.resolve("molecules.csv")), Files.readString(dir2.resolve("molecules.csv")));
    }

    @Test
    public void badObjectivesAndMissingFilesGiveOneClearLine() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("never");
        Object[] r = run("sample", "--edm", edm.toString(), "--predictor", predictor.toString(), "--objective",
                "maximize GAP_ev", "--n", "2", "--steps", "5", "--device", "cpu", "--out", dir.toString());
        assertEquals(1, r[0]);
        String err = (String) r[2];
        assertTrue(err, err.startsWith("sample: objective: column 10: unknown property 'GAP_ev'"));
        assertFalse(err, err.contains("\tat "));
        assertFalse(Files.exists(dir));

        r = run("sample", "--edm", edm.toString(), "--objective", "maximize x", "--n", "2", "--device", "cpu",
                "--out", dir.toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("needs a property predictor"));

        r = run("sample", "--edm", tmp.getRoot().toPath().resolve("missing").toString(), "--out", dir.toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("missing"));

        r = run("sample", "--edm", edm.toString(), "--predictor", predictor.toString(), "--rings", "9", "--n", "2",
                "--device", "cpu", "--out", dir.toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("maximum of 5 rings"));
        assertFalse(Files.exists(dir));
    }

    @Test
    public void benchGuidancePrintsOneLinePerScaleAndTheDatasetReference() throws Exception {
        Path models = tmp.newFolder("models").toPath();
        Files.copy(edm, models.resolve("demo-edm.gaudi"));
        Files.copy(predictor, models.resolve("demo-predictor.gaudi"));
        Files.writeString(models.resolve("README.md"), "demo models");
        Object[] r = run("bench", "guidance", "--models-dir", models.toString(), "--n", "3", "--steps", "10",
                "--scales", "0,1", "--rings", "3", "--batch", "3", "--device", "cpu", "--quiet", "--samplers",
                "gaudi,resample");
        assertEquals("stderr: " + r[2], 0, r[0]);
        String out = (String) r[1];
        List<String> lines = out.lines().toList();
        assertTrue(out, lines.stream().anyMatch(l -> l.matches("sampler gaudi scale 0\\.0 valid [01]\\.\\d{4}"
                + " objective-mean \\S+ huckel-gap-mean \\S+ huckel-gap-best \\S+ .* seconds \\d+ load \\S+")));
        assertTrue(out, lines.stream().anyMatch(l -> l.startsWith("sampler gaudi scale 1.0 valid ")));
        assertTrue(out, lines.stream().anyMatch(l -> l.startsWith("sampler resample scale 1.0 valid ")));
        assertTrue(out, lines.stream().anyMatch(l -> l.matches("frontier scale 1\\.0 gaudi [01]\\.\\d\\d/\\S+/\\d+s"
                + " resample [01]\\.\\d\\d/\\S+/\\d+s")));
        assertEquals("scale 0 is the unguided run, done once", 1,
                lines.stream().filter(l -> l.matches("sampler \\S+ scale 0\\.0 .*")).count());
        // phenanthrene (3 rings) has the largest Hückel gap of the three-ring benzenoids
        assertTrue(out, lines.stream().anyMatch(l -> l.matches("dataset-best-huckel-gap \\d\\.\\d{4} \\(mean"
                + " \\d\\.\\d{4} over 2 embedded benzenoids with 3 rings\\)")));
        assertTrue(out, lines.stream().anyMatch(l -> l.matches("guided-step-ms \\d+\\.\\d \\(batch 3\\)")));
        assertTrue(out, lines.contains("device cpu"));
        assertTrue(out, lines.contains("objective maximize " + TrainedTinyModels.GAP));

        Object[] none = run("bench", "guidance", "--models-dir", tmp.newFolder("empty").toString(), "--quiet");
        assertEquals(1, none[0]);
        assertTrue((String) none[2], ((String) none[2]).contains("no --edm given"));
    }

    /** --xtb with no usable xtb stops before sampling, says how to get xtb, and writes nothing. */
    @Test
    public void xtbThatIsMissingIsReportedBeforeSampling() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("xtb-missing");
        CliRun r = CliRun.of("sample", "--edm", edm.toString(), "--n", "2", "--steps", "5", "--device", "cpu",
                "--progress", "none", "--xtb", "/nonexistent/bin/xtb", "--out", dir.toString());
        assertEquals(r.toString(), 1, r.code());
        assertTrue(r.toString(), r.firstErrorLine().startsWith("sample: --xtb: xtb executable /nonexistent/bin/xtb"
                + " does not exist; install it (Debian/Ubuntu: apt-get install xtb"));
        assertTrue(r.toString(), !r.hasStackTrace() && !Files.exists(dir));
        CliRun bench = CliRun.of("bench", "oracle", "--xtb", "/nonexistent/bin/xtb");
        assertEquals(bench.toString(), 1, bench.code());
        assertTrue(bench.toString(), bench.firstErrorLine().startsWith("bench oracle: --xtb: xtb executable"));
        assertTrue(bench.toString(), !bench.hasStackTrace());
    }
}
