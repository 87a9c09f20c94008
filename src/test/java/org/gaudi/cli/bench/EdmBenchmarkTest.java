package org.gaudi.cli.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.gaudi.core.nn.EgnnDynamics;
import picocli.CommandLine;
import org.junit.Test;

public class EdmBenchmarkTest {

    @Test
    public void printsAllFiguresForATinyConfiguration() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        EdmBenchmark bench = new EdmBenchmark(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code = new CommandLine(bench).execute("--layers", "2", "--hidden", "16", "--batch", "4",
                "--sample-batch", "4", "--rings", "5", "--warmup", "1", "--iterations", "2", "--device", "cpu");
        assertEquals(0, code);
        Map<String, String> figures = new HashMap<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] kv = line.trim().split(" ");
            figures.put(kv[0], kv[1]);
        }
        assertEquals(Long.toString(new EgnnDynamics(1, 16, 2).parameterCount()), figures.get("edm-params"));
        for (String key : new String[] {"edm-train-step-ms", "edm-forward-ms", "edm-sample-step-ms",
            "edm-gflops-per-s", "peak-rss-mb", "threads"}) {
            assertTrue("missing " + key + " in " + figures, figures.containsKey(key));
            assertTrue(key, Double.parseDouble(figures.get(key)) > 0);
        }
        assertEquals("cpu", figures.get("device"));
    }

    @Test
    public void syntheticGraphsAreSelfAvoidingLatticeWalks() {
        var graphs = EdmBenchmark.randomCata(20, 11, new java.util.SplittableRandom(1));
        assertEquals(20, graphs.size());
        for (var g : graphs) {
            assertEquals(11, g.ringCount());
            for (int i = 1; i < 11; i++) {
                assertEquals(2.45, g.distance(i - 1, i), 1e-9);
                for (int j = 0; j < i; j++) {
                    assertTrue(g.distance(i, j) > 2.4);
                }
            }
        }
    }
}
