package org.gaudi.core.xtb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The wrapper's handling of what an xtb process does, with shell scripts standing in for xtb. */
public class XtbRunnerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path recorded;
    private Path workdirLog;

    @Before
    public void setUp() throws Exception {
        assumeTrue("shell scripts as fake xtb need a POSIX system", FakeXtb.posix());
        recorded = tmp.getRoot().toPath().resolve("recorded.out");
        Files.writeString(recorded, XtbOutputTest.recorded(), StandardCharsets.UTF_8);
        workdirLog = tmp.getRoot().toPath().resolve("workdirs.txt");
    }

    static XtbGeometry benzene() throws Exception {
        try (InputStream in = XtbRunnerTest.class.getResourceAsStream("benzene.xyz")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            int n = Integer.parseInt(lines[0].trim());
            String[] el = new String[n];
            double[][] xyz = new double[n][];
            for (int i = 0; i < n; i++) {
                String[] f = lines[i + 2].trim().split("\\s+");
                el[i] = f[0];
                xyz[i] = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            }
            return new XtbGeometry(el, xyz, 0);
        }
    }

    private XtbRunner runner(String body, double seconds, int threads) throws Exception {
        Path exe = FakeXtb.script(tmp.getRoot().toPath().resolve("bin"), "pwd >> '" + workdirLog + "'\n" + body);
        return new XtbRunner(exe, new XtbSettings(Duration.ofMillis((long) (seconds * 1000)), threads, true));
    }

    /** Every working directory the fake was started in is gone again. */
    private void assertWorkdirsRemoved(int runs) throws Exception {
        List<String> dirs = Files.readAllLines(workdirLog);
        assertEquals(runs, dirs.size());
        assertRemoved(dirs);
    }

    private static void assertRemoved(List<String> dirs) {
        for (String d : dirs) {
            assertTrue(d, d.contains("gaudi-xtb-"));
            assertFalse("temporary directory left behind: " + d, Files.exists(Path.of(d)));
        }
    }

    /** A killed script may not have logged its directory yet on a loaded machine; any it logged is gone. */
    private void assertKilledRunCleanedUp() throws Exception {
        List<String> dirs = Files.exists(workdirLog) ? Files.readAllLines(workdirLog) : List.of();
        assertTrue(dirs.toString(), dirs.size() <= 1);
        assertRemoved(dirs);
    }

    @Test
    public void aSuccessfulRunGetsTheInputArgumentsAndThreadsAndReturnsTheGap() throws Exception {
        // the fake checks what the real xtb would need, then prints the recorded output
        XtbRunner r = runner("[ \"$1\" = mol.xyz ] || exit 11\n"
                + "[ \"$(head -1 mol.xyz)\" = 12 ] || exit 12\n"
                + "echo \"$*\" | grep -q -- '--gfn 2 --chrg 0 --uhf 0 --parallel 2 --opt' || exit 13\n"
                + "[ \"$OMP_NUM_THREADS\" = 2,1 ] && [ \"$OPENBLAS_NUM_THREADS\" = 2 ] || exit 14\n"
                + "cat '" + recorded + "'\necho '   normal termination of xtb' >&2", 30, 2);
        XtbOutcome o = r.run(benzene(), () -> false);
        assertEquals(o.message(), XtbOutcome.Status.OK, o.status());
        assertEquals(4.934327543534, o.gapEv(), 1e-12);
        assertNull(o.error());
        assertWorkdirsRemoved(1);
    }

    @Test
    public void aNonZeroExitIsAFailureWithXtbsErrorLine() throws Exception {
        XtbRunner r = runner("echo 'some progress'\necho '[ERROR] Program stopped due to fatal error' >&2\n"
                + "echo '-2- xtb_setup: could not find parameter file' >&2\nexit 128", 30, 1);
        XtbOutcome o = r.run(benzene(), () -> false);
        assertEquals(XtbOutcome.Status.EXIT_CODE, o.status());
        assertNull(o.gapEv());
        assertEquals("exit-code: xtb exited with code 128: [ERROR] Program stopped due to fatal error", o.error());
        assertWorkdirsRemoved(1);
    }

    @Test
    public void outputWithoutTheSummaryIsUnparseable() throws Exception {
        XtbRunner r = runner("head -100 '" + recorded + "'", 30, 1);
        XtbOutcome o = r.run(benzene(), () -> false);
        assertEquals(XtbOutcome.Status.UNPARSEABLE, o.status());
        assertTrue(o.error(), o.error().startsWith("unparseable: no final"));
    }

    @Test
    public void aRunPastTheTimeLimitIsKilledAndCounted() throws Exception {
        XtbRunner r = runner("sleep 30", 2, 1);
        long t0 = System.nanoTime();
        XtbOutcome o = r.run(benzene(), () -> false);
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals(XtbOutcome.Status.TIMEOUT, o.status());
        assertTrue("killed promptly, took " + s + " s", s < 12);
        assertKilledRunCleanedUp();
    }

    @Test
    public void cancellingKillsTheProcess() throws Exception {
        XtbRunner r = runner("sleep 30", 60, 1);
        long t0 = System.nanoTime();
        assertThrows(XtbCancelledException.class, () -> r.run(benzene(),
                () -> System.nanoTime() - t0 > 1_000_000_000L));
        assertTrue((System.nanoTime() - t0) / 1e9 < 12);
        assertKilledRunCleanedUp();
    }

    @Test
    public void aBatchCountsEveryOutcomeAndReportsProgress() throws Exception {
        // odd runs succeed, even ones fail: the fake keeps a counter outside its working directory
        Path counter = tmp.getRoot().toPath().resolve("counter");
        XtbRunner r = runner("n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + counter
                + "'\nif [ $((n % 2)) = 1 ]; then cat '" + recorded + "'; else exit 3; fi", 30, 1);
        XtbGeometry b = benzene();
        List<Supplier<XtbGeometry>> in = List.of(() -> b, () -> b, () -> {
            throw new IllegalArgumentException("atom 1 (C) has no 3-D point");
        }, () -> b);
        StringBuilder progress = new StringBuilder();
        XtbBatch.Result res = new XtbBatch(r).run(in, (d, t, m) -> progress.append(d).append('/').append(t)
                .append(' '), () -> false);
        assertEquals(4, res.outcomes().size());
        assertEquals(XtbOutcome.Status.BAD_INPUT, res.outcomes().get(2).status());
        XtbTally t = res.tally();
        assertEquals(2, t.ok());
        assertEquals(1, t.count(XtbOutcome.Status.EXIT_CODE));
        assertEquals(1, t.count(XtbOutcome.Status.BAD_INPUT));
        assertEquals(2, t.failed());
        assertEquals("ok 2, exit-code 1, bad-input 1", t.toString());
        assertEquals("exit-code: xtb exited with code 3", t.firstFailure());
        assertEquals("0/4 1/4 2/4 3/4 4/4 ", progress.toString());
        assertWorkdirsRemoved(3);
    }

    @Test
    public void theLocatorPrefersTheGivenPathAndExplainsWhatIsMissing() throws Exception {
        Path bin = tmp.getRoot().toPath().resolve("onpath");
        Path fake = FakeXtb.script(bin, "exit 0");
        assertEquals(fake.toAbsolutePath(), XtbLocator.locate(null, "/nonexistent:" + bin));
        assertEquals(fake.toAbsolutePath(), XtbLocator.locate(fake.toString(), ""));
        XtbUnavailableException missing = assertThrows(XtbUnavailableException.class,
                () -> XtbLocator.locate("  ", "/nonexistent"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("not found on PATH")
                && missing.getMessage().contains("apt-get install xtb"));
        XtbUnavailableException wrong = assertThrows(XtbUnavailableException.class,
                () -> XtbLocator.locate(bin.resolve("xtb-6.7").toString(), ""));
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("xtb-6.7 does not exist"));
        Path plain = Files.writeString(bin.resolve("notexec"), "");
        XtbUnavailableException noExec = assertThrows(XtbUnavailableException.class,
                () -> XtbLocator.locate(plain.toString(), ""));
        assertTrue(noExec.getMessage(), noExec.getMessage().contains("not executable"));
    }
}
