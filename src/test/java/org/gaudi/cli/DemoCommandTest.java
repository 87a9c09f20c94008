package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code ./gaudi demo} end to end on tiny models trained here with the CLI (1–5 rings, 2 x 16 networks): the printed
 * figures, the results folder, and that a failed run leaves nothing behind.
 */
public class DemoCommandTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path edm;
    private static Path predictor;

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new GaudiCli()).execute(args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeClass
    public static void trainTinyModels() throws Exception {
        edm = tmp.getRoot().toPath().resolve("tiny.gaudi-edm");
        predictor = tmp.getRoot().toPath().resolve("tiny.gaudi-predictor");
        Object[] e = run("train-edm", "--max-rings", "5", "--epochs", "3", "--batch", "8", "--layers", "2",
                "--hidden", "16", "--device", "cpu", "--progress", "none", "--out", edm.toString());
        assertEquals("stderr: " + e[2], 0, e[0]);
        Object[] p = run("train-predictor", "--max-rings", "5", "--epochs", "3", "--batch", "8", "--layers", "2",
                "--hidden", "16", "--targets", "HMO_GAP_eV,HMO_LUMO_eV", "--edm", edm.toString(), "--device", "cpu",
                "--progress", "none", "--out", predictor.toString());
        assertEquals("stderr: " + p[2], 0, p[0]);
    }

    @Test
    public void demoPrintsItsFiguresAndWritesTheResultsFolder() throws Exception {
        Path out = tmp.newFolder("results").toPath();
        Object[] r = run("demo", "--edm", edm.toString(), "--predictor", predictor.toString(), "-n", "6", "--batch",
                "4", "--steps", "6", "--scales", "0,1.5", "--rings", "4", "--seed", "3", "--device", "cpu",
                "--progress", "none", "--out", out.toString());
        assertEquals("stderr: " + r[2], 0, r[0]);
        String text = (String) r[1];
        assertTrue(text, text.contains("objective: maximize HMO_GAP_eV"));
        for (String key : List.of("demo-valid-unguided", "demo-valid-guided")) {
            assertTrue(text, Pattern.compile("(?m)^" + key + ": [01]\\.\\d{4} \\(\\d/6\\)").matcher(text).find());
        }
        for (String key : List.of("demo-huckel-gap-mean-unguided", "demo-huckel-gap-mean-guided")) {
            assertTrue(text, Pattern.compile("(?m)^" + key + ": (\\d+\\.\\d{4} eV|n/a)").matcher(text).find());
        }
        Matcher report = Pattern.compile("(?m)^report: (.+)$").matcher(text);
        assertTrue(text, report.find());
        Path html = Path.of(report.group(1));
        assertTrue(Files.isRegularFile(html));
        Path dir = html.getParent();
        assertEquals(out.toAbsolutePath().normalize(), dir.getParent());
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}"));
        try (var files = Files.list(dir)) {
            // the shipped language model adds the comparison with guided diffusion
            assertEquals(List.of("clm-comparison.json", "molecules.csv", "molecules.sdf", "ood.txt", "report.html",
                    "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var entries = Files.list(out)) {
            assertEquals("only the results folder, no staging left", 1, entries.count());
        }
        // 6 molecules per scale, 2 scales
        List<String> csv = Files.readAllLines(dir.resolve("molecules.csv"));
        assertEquals(1 + 12, csv.size());
        assertTrue(csv.get(0).startsWith("scale,guided,id,"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2, summary.get("runs").size());
        assertEquals(3, summary.get("seeds").get("sampling seed (every scale)").asLong());
        assertEquals(4, summary.get("datasetReference").get("ringCount").asInt());
        assertEquals(5, summary.get("datasetReference").get("molecules").asInt()); // 5 cata benzenoids with 4 rings
        String page = Files.readString(html);
        assertTrue(page.contains("maximize HMO_GAP_eV"));
        assertTrue(page.contains("./gaudi demo --edm "));

        // beyond the data: these models saw every 4-ring molecule, so nothing can beat their training maximum
        double best = org.gaudi.core.oracle.ExactOracle.forObjective(org.gaudi.core.objective.Objective.parse(
                "maximize HMO_GAP_eV")).orElseThrow().bestValue(4);
        assertTrue(text, text.contains(String.format(java.util.Locale.ROOT, "demo-ood-train-max: %.4f eV (best 4-ring"
                + " molecule the models saw; 0 of the 5 molecules with 4 rings are better)", best)));
        for (String key : List.of("demo-ood-beyond-train-max: 0.0000", "demo-ood-best-rank: ",
                "demo-ood-vs-sample-and-rank: ")) {
            assertTrue(key + " in " + text, Pattern.compile("(?m)^" + Pattern.quote(key)).matcher(text).find());
        }
        assertTrue(page.contains("id=\"beyond\"") && page.contains("id=\"percentile-vs-scale\""));
        List<String> ood = Files.readAllLines(dir.resolve("ood.txt"));
        assertTrue(ood.toString(), ood.contains("ood-valid/unguided: " + text.replaceAll("(?s).*demo-valid-unguided: ",
                "").replaceAll("(?s)\n.*", "")));
        assertTrue(ood.toString(), ood.stream().anyMatch(l -> l.startsWith("ood-beyond-train-max/sample-and-rank@1.5: ")));
    }

    @Test
    public void benchOodScoresEveryMethodAgainstAllMoleculesOfTheRingCount() {
        Object[] r = run("bench", "ood", "--edm", edm.toString(), "--predictor", predictor.toString(), "--rings", "4",
                "-n", "4", "--batch", "4", "--steps", "5", "--scales", "0.5,2", "--sampler", "gaudi", "--device", "cpu",
                "--quiet");
        assertEquals("stderr: " + r[2], 0, r[0]);
        String text = (String) r[1];
        assertTrue(text, text.contains("ood-hold-out: none recorded in the EDM's data source"));
        assertTrue(text, text.contains("ood-space: 5 molecules with 4 rings"));
        for (String method : List.of("unguided", "guided@0.5", "sample-and-rank@0.5", "guided@2",
                "sample-and-rank@2")) {
            for (String figure : List.of("ood-valid", "ood-beyond-train-max", "ood-best-percentile", "ood-top10-mean",
                    "ood-novel", "ood-seconds")) {
                assertTrue(figure + "/" + method + " in " + text, Pattern.compile("(?m)^" + Pattern.quote(figure + "/"
                        + method + ": ")).matcher(text).find());
            }
        }
        assertTrue(text, Pattern.compile("(?m)^ood-check-beyond: (pass|FAIL) ").matcher(text).find());

        r = run("bench", "ood", "--edm", edm.toString(), "--predictor", predictor.toString(), "--scales", "0");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("--scales"));
        r = run("bench", "ood", "--edm", tmp.getRoot().toPath().resolve("none.gaudi-edm").toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("none.gaudi-edm"));
    }

    @Test
    public void aFailedRunLeavesNoFilesAndSaysWhy() throws Exception {
        Path out = tmp.newFolder("failed").toPath();
        Object[] r = run("demo", "--edm", edm.toString(), "--predictor", predictor.toString(), "--rings", "9",
                "--device", "cpu", "--progress", "none", "--out", out.toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).startsWith("demo: ") && ((String) r[2]).contains("9"));
        try (var entries = Files.list(out)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    public void heteroDemoRunsOnHeteroModelsAndSaysWhichSectionsItSkips() throws Exception {
        // 1-2 ring PASs: 160 molecules, enough for a tiny hetero pair in seconds
        Path hEdm = tmp.getRoot().toPath().resolve("hetero.gaudi-edm");
        Path hPred = tmp.getRoot().toPath().resolve("hetero.gaudi-predictor");
        Object[] e = run("train-edm", "--space", "hetero", "--max-rings", "2", "--epochs", "2", "--batch", "16",
                "--layers", "2", "--hidden", "16", "--device", "cpu", "--progress", "none", "--out", hEdm.toString());
        assertEquals("stderr: " + e[2], 0, e[0]);
        Object[] p = run("train-predictor", "--space", "hetero", "--max-rings", "2", "--epochs", "2", "--batch", "16",
                "--layers", "2", "--hidden", "16", "--targets", "HMO_GAP_eV", "--edm", hEdm.toString(), "--device",
                "cpu", "--progress", "none", "--out", hPred.toString());
        assertEquals("stderr: " + p[2], 0, p[0]);
        Path out = tmp.newFolder("hetero-results").toPath();
        Object[] r = run("demo", "--space", "hetero", "--edm", hEdm.toString(), "--predictor", hPred.toString(),
                "-n", "4", "--batch", "4", "--steps", "5", "--scales", "0,1", "--rings", "2", "--device", "cpu",
                "--progress", "none", "--out", out.toString());
        assertEquals("stderr: " + r[2], 0, r[0]);
        String text = (String) r[1];
        assertTrue(text, text.contains("guided design of hetero-polycyclic aromatic systems"));
        // the reference is the hetero space's 2-ring molecules (151 pass the rules), not the 2 benzenoids
        assertTrue(text, Pattern.compile("(?m)^dataset: 151 embedded hetero PASs").matcher(text).find());
        assertTrue(text, text.contains("demo-ood: n/a (the exact oracle ranks designs among every cata-condensed"));
        assertTrue(text, text.contains("demo-compare: skipped (the shipped language model writes benzenoid SMILES"));
        assertTrue(text, Pattern.compile("(?m)^demo-valid-guided: [01]\\.\\d{4} \\(\\d/4\\)").matcher(text).find());

        // a benzenoid model under --space hetero (and the reverse) is refused before sampling
        Object[] wrong = run("demo", "--space", "hetero", "--edm", edm.toString(), "--predictor",
                predictor.toString(), "--device", "cpu", "--progress", "none", "--out", out.toString());
        assertEquals(1, wrong[0]);
        assertTrue((String) wrong[2], ((String) wrong[2]).contains("--space hetero needs a model trained on"));
        wrong = run("demo", "--edm", hEdm.toString(), "--predictor", hPred.toString(), "--device", "cpu",
                "--progress", "none", "--out", out.toString());
        assertEquals(1, wrong[0]);
        assertTrue((String) wrong[2], ((String) wrong[2]).contains("add --space hetero"));
    }

    @Test
    public void missingModelsPointToTrain() {
        Object[] r = run("demo", "--edm", tmp.getRoot().toPath().resolve("none.gaudi-edm").toString(), "--out",
                tmp.getRoot().toPath().resolve("never").toString());
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("none.gaudi-edm") && ((String) r[2]).contains("--train"));
        assertTrue(Files.notExists(tmp.getRoot().toPath().resolve("never")));
    }

    @Test
    public void badScalesAreRejectedWithTheOptionName() {
        Object[] r = run("demo", "--edm", edm.toString(), "--predictor", predictor.toString(), "--scales", "0,-1");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("--scales"));
        r = run("demo", "--edm", edm.toString(), "--predictor", predictor.toString(), "--scales", "0,1",
                "--guided-scale", "2");
        assertEquals(1, r[0]);
        assertTrue((String) r[2], ((String) r[2]).contains("--guided-scale"));
    }

    @Test
    public void helpExplainsEveryOption() {
        Object[] r = run("demo", "--help");
        assertEquals(0, r[0]);
        String help = (String) r[1];
        for (String opt : List.of("--edm", "--predictor", "--train", "--train-epochs", "--objective", "--rings",
                "--scales", "--guided-scale", "--molecules", "--steps", "--batch", "--seed", "--out", "--device",
                "--threads", "--progress", "--sampler", "--ood-details", "--space")) {
            assertTrue(opt, help.contains(opt));
        }
        assertTrue(help, help.contains("demo-valid-unguided"));
    }
}
