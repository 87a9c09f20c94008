package org.gaudi.core.xtb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.SyntheticDesigns;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** sample --xtb's files: the gap or the reason in the CSV and the SD records, the counts in the summary. */
public class XtbDesignFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void gapsAndFailuresReachEveryFile() throws Exception {
        assumeTrue(FakeXtb.posix());
        Path root = tmp.getRoot().toPath();
        Path recorded = Files.writeString(root.resolve("rec.out"), XtbOutputTest.recorded(), StandardCharsets.UTF_8);
        Path counter = root.resolve("n");
        // the second molecule fails as xtb does when its SCC diverges
        Path exe = FakeXtb.script(root.resolve("bin"), "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1));"
                + " echo $n > '" + counter + "'\nif [ $n = 2 ]; then echo '[ERROR] SCC did not converge' >&2; exit 1;"
                + " fi\ncat '" + recorded + "'");
        List<GraphOfRings> graphs = new ArrayList<>();
        EmbeddedDataset.generate(2, 3, i -> { }).records().subList(0, 3).forEach(r -> graphs.add(r.gor()));
        List<double[]> predicted = List.of(new double[] {3.0}, new double[] {2.5}, new double[] {2.0});
        DesignResult result = SyntheticDesigns.result(graphs, predicted, List.of("HMO_GAP_eV"), List.of("eV"),
                "maximize HMO_GAP_eV", Set.of(), 0.6, 7);
        assertEquals(3, result.sdfById().size());
        XtbRunner runner = new XtbRunner(exe, XtbSettings.defaults().withTimeLimit(Duration.ofSeconds(30)));
        XtbColumn xtb = XtbColumn.compute(result.sdfById(), runner, (d, t, m) -> { }, () -> false);
        Path out = root.resolve("out");
        DesignWriters.writeAll(out, result, xtb);

        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve(DesignWriters.CSV))) {
            rows = CSVFormat.RFC4180.builder().setHeader().build().parse(r).getRecords();
        }
        assertEquals("4.934327543534", rows.get(0).get(XtbColumn.GAP));
        assertEquals("", rows.get(0).get(XtbColumn.ERROR));
        assertEquals("", rows.get(1).get(XtbColumn.GAP));
        assertEquals("exit-code: xtb exited with code 1: [ERROR] SCC did not converge", rows.get(1).get(XtbColumn.ERROR));
        String sdf = Files.readString(out.resolve(DesignWriters.SDF));
        assertEquals(3, sdf.split("\\$\\$\\$\\$").length - 1);
        assertEquals(2, sdf.split("> <xtb_gap_eV>\n4.9343\n\n", -1).length - 1);
        assertTrue(sdf.contains("> <xtb_error>\nexit-code: xtb exited with code 1: [ERROR] SCC did not converge\n\n$$$$"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve(DesignWriters.SUMMARY).toFile());
        assertEquals(2, summary.get("xtb").get("ok").asInt());
        assertEquals(1, summary.get("xtb").get("exit-code").asInt());
        // without xtb the files are as before: no xtb column
        Path plain = root.resolve("plain");
        DesignWriters.writeAll(plain, result);
        assertTrue(!Files.readString(plain.resolve(DesignWriters.CSV)).contains("xtb"));
    }
}
