package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gaudi.core.model.ModelArchive;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Ctrl-C through the shared {@link InterruptGuard}: a real SIGINT to a training run in a child JVM stops it at the
 * next step, leaves the last checkpoint (a readable model) and no staging file, says so, and exits with 130.
 */
public class InterruptGuardTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void sigintDuringTrainingKeepsTheCheckpointAndExits130() throws Exception {
        Assume.assumeTrue("needs kill(1)", Files.isExecutable(Paths.get("/bin/kill"))
                || Files.isExecutable(Paths.get("/usr/bin/kill")));
        Path dir = tmp.newFolder("run").toPath();
        Path model = dir.resolve("m.gaudi-edm");
        Path err = tmp.getRoot().toPath().resolve("stderr.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                GaudiCli.class.getName(), "train-edm", "--data", "embedded", "--max-rings", "5", "--layers", "1",
                "--hidden", "8", "--batch", "8", "--epochs", "100000", "--checkpoint-every", "1", "--progress",
                "lines", "--device", "cpu", "-o", model.toString()).redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("epoch 3/")) {
                // wait until two checkpoints have been written
            }
            assertTrue("training ended before epoch 3: " + Files.readString(err), line != null);
            // a shell that starts a job in the background makes it ignore SIGINT, and the JVM then keeps ignoring
            // it: Ctrl-C cannot reach such a run at all, so there is nothing to test
            boolean ignored = sigintIgnored(p.pid());
            if (ignored) {
                p.destroyForcibly().waitFor();
            }
            Assume.assumeFalse("SIGINT is ignored in this environment (started as a background job)", ignored);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // drain, so the child never blocks on a full pipe
                    }
                } catch (java.io.IOException e) {
                    // the stream closes when the child is killed
                }
            });
            drain.setDaemon(true);
            drain.start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            assertTrue("still running 60 s after Ctrl-C", ended);
        }
        String stderr = Files.readString(err);
        assertEquals(stderr, 130, p.exitValue());
        assertTrue(stderr, stderr.lines().anyMatch(l -> l.startsWith("train-edm: cancelled after ")
                && l.endsWith("epoch(s); the last checkpoint (if any) is in " + model)));
        ModelArchive.read(model); // the checkpoint is a complete model file
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(model), files.toList());
        }
    }

    /** Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/PID/status); false where that is unreadable. */
    private static boolean sigintIgnored(long pid) {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(l.substring(7).trim(), 16) & 0x2L) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
