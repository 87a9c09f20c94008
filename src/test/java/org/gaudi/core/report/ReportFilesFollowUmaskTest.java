package org.gaudi.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report, the sweep files and the page with the language-model section are written through StagedFile: a child
 * JVM started with umask 027 must leave exactly rw-r----- files (not the fixed rw-r--r-- these writers used to set)
 * and no staging leftovers.
 */
public class ReportFilesFollowUmaskTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Run in the child JVM: writes every report file into {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        ReportFixture fixture = new ReportFixture();
        SweepWriters.writeAll(dir, fixture.report(1));
        Path page = dir.resolve("report.html");
        HtmlReport.write(page, fixture.report(1));
        new ClmComparison("maximize HMO_GAP_eV", 6, 1, List.of()).insertInto(page);
    }

    @Test
    public void reportFilesGetTheModeTheUmaskGives() throws Exception {
        Path dir = tmp.newFolder("out").toPath();
        Assume.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "umask 027 && exec \"$0\" -Xmx256m -cp \"$1\" \"$2\" \"$3\"",
                java.toString(), System.getProperty("java.class.path"), getClass().getName(), dir.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("child JVM timed out", p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            assertEquals(all.toString(), 4, all.size()); // csv, sdf, summary, report.html; no ".part" left
            for (Path f : all) {
                assertEquals(f.toString(), "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            }
        }
    }
}
