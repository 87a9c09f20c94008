package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.gaudi.core.sampling.TrainedTinyModels;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A table of bad inputs a new user tries, each run through the command line in this JVM: the exit code and the first
 * line on stderr are checked, and no input may produce a Java stack trace. Inputs are tiny so the table stays fast.
 */
public class BadInputTableTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path dir;
    private static Path edm;
    private static Path predictor;

    /** One row: what is run, the exit code and a regular expression the first stderr line must match. */
    private record Case(String name, int exit, String firstLine, String... args) {
    }

    @BeforeClass
    public static void files() throws Exception {
        dir = tmp.getRoot().toPath();
        edm = dir.resolve("tiny.gaudi-edm");
        predictor = dir.resolve("tiny.gaudi-predictor");
        TrainedTinyModels.edmArchive().write(edm);
        TrainedTinyModels.predictorArchive().write(predictor);
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes("molecule,smiles,GAP_eV\ncaf".getBytes(StandardCharsets.US_ASCII));
        latin1.write(0xE9);
        latin1.writeBytes(",c1ccc2ccccc2c1,3.0\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("l1.csv"), latin1.toByteArray());
        Files.writeString(dir.resolve("quote.csv"), "molecule,smiles,GAP_eV\n\"a,c1ccccc1,3\n");
        Files.writeString(dir.resolve("naph.csv"), "molecule,smiles,GAP_eV\nnaph,c1ccc2ccccc2c1,3.0\n");
        Files.writeString(dir.resolve("existing-file"), "not a folder");
        Files.createDirectories(dir.resolve("a-folder"));
        Files.write(dir.resolve("truncated.tar.gz"), truncatedArchive());
        Files.createDirectories(dir.resolve("xyz-other"));
        Files.writeString(dir.resolve("xyz-other/other.xyz"), "1\nnot naph\nC 0 0 0\n");
        Files.writeString(dir.resolve("drawn.sdf"), benzeneMolfile(0.825) + "$$$$\n");
    }

    /** Benzene flagged 3D with bonds {@code bond} units long (0.825: the scale of many structure editors). */
    private static String benzeneMolfile(double bond) {
        StringBuilder sb = new StringBuilder("benzene\n  test    01012600003D\n\n  6  6  0  0  0  0  0  0  0  0999"
                + " V2000\n");
        for (int k = 0; k < 6; k++) {
            sb.append(String.format(java.util.Locale.ROOT, "%10.4f%10.4f%10.4f C   0  0  0  0  0  0  0  0  0  0  0"
                    + "  0%n", bond * Math.cos(Math.PI / 3 * k), bond * Math.sin(Math.PI / 3 * k), 0.0));
        }
        for (int k = 0; k < 6; k++) {
            sb.append(String.format(java.util.Locale.ROOT, "%3d%3d%3d  0  0  0  0%n", k + 1, (k + 1) % 6 + 1,
                    1 + k % 2));
        }
        return sb.append("M  END\n").toString();
    }

    /** A .tar.gz of 100 random xyz files, cut in the middle. */
    private static byte[] truncatedArchive() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(1);
        try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (int i = 0; i < 100; i++) {
                byte[] data = new byte[3000];
                random.nextBytes(data);
                TarArchiveEntry e = new TarArchiveEntry("x/m" + i + ".xyz");
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        byte[] all = bytes.toByteArray();
        return java.util.Arrays.copyOf(all, all.length / 2);
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static List<Case> cases() {
        String sample = "sample";
        String gap = TrainedTinyModels.GAP;
        String[] tinySample = {"--edm", edm.toString(), "--predictor", predictor.toString(), "--n", "2", "--rings",
            "2", "--steps", "5", "--device", "cpu", "--progress", "none"};
        List<Case> c = new ArrayList<>();
        c.add(new Case("non-UTF-8 byte in a CSV", 1, "train-predictor: .*l1\\.csv: none of the 1 data rows is usable;"
                + " 1 rejected \\{BAD_ENCODING=1\\}; first: .*l1\\.csv:2 .*byte 0xE9 at column 4 is not valid UTF-8.*",
                "train-predictor", "--data", p("l1.csv"), "--targets", "GAP_eV", "--epochs", "1", "-o", p("x.p")));
        c.add(new Case("training output is a folder", 1, "train-edm: -o/--out .*a-folder is a folder; give a file"
                + " name, e.g. .*", "train-edm", "--data", "embedded", "--max-rings", "6", "--epochs", "100", "-o",
                p("a-folder")));
        c.add(new Case("1,500-term objective", 1, "sample: objective: column 1: objective too long: its expression is"
                + " 1500 levels deep.*", concat(new String[] {sample, "--objective", "maximize "
                        + String.join(" + ", Collections.nCopies(1500, gap)), "-o", p("s1")}, tinySample)));
        c.add(new Case("2,000 nested parentheses", 1, "sample: objective: column 210: objective nested too deeply.*",
                concat(new String[] {sample, "--objective", "maximize " + "(".repeat(2000) + gap + ")".repeat(2000),
                    "-o", p("s2")}, tinySample)));
        c.add(new Case("objective undefined everywhere", 1, "sample: (the )?objective 'maximize exp\\(1000 \\* " + gap
                + "\\)' (gave no usable gradient in any guided step|is undefined everywhere near the predictor's"
                + " training targets).*", concat(new String[] {sample, "--objective",
                    "maximize exp(1000*" + gap + ")", "-o", p("s3")}, tinySample)));
        c.add(new Case("sample into an existing file", 1, "sample: -o/--out .*existing-file is an existing file; give a"
                + " folder.*", concat(new String[] {sample, "-o", p("existing-file")}, tinySample)));
        c.add(new Case("missing --compas file", 1, "dataset: --compas .*missing\\.csv: no such file", "dataset",
                "--check", "--max-rings", "2", "--compas=" + p("missing.csv")));
        c.add(new Case("damaged --compas file", 1, "dataset: .*quote\\.csv near line 2: malformed CSV: .*", "dataset",
                "--check", "--max-rings", "2", "--compas=" + p("quote.csv")));
        c.add(new Case("split without validation molecules", 1, "train-predictor: the validation part is empty \\(4"
                + " molecules, validation fraction 0\\.1\\).*", "train-predictor", "--data", "embedded", "--max-rings",
                "3", "--targets", "HMO_GAP_eV", "--epochs", "1", "--progress", "none", "-o", p("x.p")));
        c.add(new Case("--val-fraction 0", 1, "train-edm: the validation part is empty \\(58 molecules, validation"
                + " fraction 0\\.0\\).*", "train-edm", "--data", "embedded", "--max-rings", "6", "--val-fraction",
                "0", "--epochs", "1", "--progress", "none", "-o", p("x.e")));
        c.add(new Case("truncated xyz archive", 1, "train-edm: cannot read xyz archive .*truncated\\.tar\\.gz:"
                + " unexpected end of the archive \\(truncated or damaged.*", "train-edm", "--data", p("naph.csv"),
                "--xyz", p("truncated.tar.gz"), "--epochs", "1", "--progress", "none", "-o", p("x.e")));
        c.add(new Case("xyz folder matching no molecule", 1, "train-edm: xyz source .*xyz-other has no <molecule>\\.xyz"
                + " file for any of the 1 molecules looked up \\(the first wanted was naph\\.xyz\\).*", "train-edm",
                "--data", p("naph.csv"), "--xyz", p("xyz-other"), "--epochs", "1", "--progress", "none", "-o",
                p("x.e")));
        c.add(new Case("SDF flagged 3D, drawn at editor scale", 1, "train-edm: .*drawn\\.sdf: none of the 1 records is"
                + " usable; 1 rejected \\{BAD_GEOMETRY=1\\}; .*implausible coordinates: bond C1–C2 is 0\\.83 Å.*",
                "train-edm", "--data", p("drawn.sdf"), "--epochs", "1", "--progress", "none", "-o", p("x.e")));
        c.add(new Case("unknown device in a benchmark", 1, "bench edm: unknown device setting 'tpu'; expected one of"
                + " auto, cpu, gpu", "bench", "edm", "--device", "tpu"));
        c.add(new Case("missing model file", 1, "sample: .*nothing\\.gaudi-edm: model file does not exist", sample,
                "--edm", p("nothing.gaudi-edm"), "-o", p("s4")));
        c.add(new Case("unknown option", 2, "Unknown options: '--epoch', '3'", "train-edm", "--epoch", "3", "-o",
                p("x.e")));
        return c;
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    public void everyBadInputGivesItsExitCodeAndOneClearFirstLine() {
        List<String> problems = new ArrayList<>();
        for (Case c : cases()) {
            CliRun r = CliRun.of(c.args());
            if (r.code() != c.exit() || !r.firstErrorLine().matches(c.firstLine()) || r.hasStackTrace()) {
                problems.add(c.name() + ": expected exit " + c.exit() + " and first line /" + c.firstLine() + "/, got "
                        + r);
            }
        }
        assertTrue(String.join("\n\n", problems), problems.isEmpty());
        assertFalse("nothing written by failed runs", Files.exists(dir.resolve("x.p")) || Files.exists(dir.resolve(
                "x.e")) || Files.exists(dir.resolve("s3")));
        assertEquals("not a folder", read("existing-file"));
    }

    private static String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
