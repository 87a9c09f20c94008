package org.gaudi.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.DesignedMolecule;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sweep's files: one CSV and one SD file over all scales, and a summary with settings, seeds and every run. */
public class SweepWritersTest {
    private static ReportFixture fixture;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void build() throws Exception {
        fixture = new ReportFixture();
    }

    private static List<CSVRecord> parse(Reader r) throws Exception {
        try (CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .build())) {
            return p.getRecords();
        }
    }

    @Test
    public void writesThreeCompleteFilesAndNothingElse() throws Exception {
        Path dir = tmp.newFolder("run").toPath();
        SweepWriters.writeAll(dir, fixture.report(1));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(SweepWriters.CSV, SweepWriters.SDF, SweepWriters.SUMMARY),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    public void csvIsEveryRunsDesignTableWithItsScale() throws Exception {
        StringWriter w = new StringWriter();
        SweepWriters.writeCsv(w, fixture.report(1));
        String csv = w.toString();
        String header = csv.substring(0, csv.indexOf('\n'));
        List<String> expected = new ArrayList<>(List.of("scale", "guided"));
        expected.addAll(DesignWriters.csvHeader(ReportFixture.NAMES));
        assertEquals(String.join(",", expected), header);
        List<CSVRecord> rows = parse(new StringReader(csv));
        int at = 0;
        for (SweepRun run : fixture.runs) {
            StringWriter one = new StringWriter();
            DesignWriters.writeCsv(one, run.result());
            List<CSVRecord> alone = parse(new StringReader(one.toString()));
            assertEquals(run.result().molecules().size(), alone.size());
            for (CSVRecord single : alone) {
                CSVRecord combined = rows.get(at++);
                assertEquals(run.label(), combined.get("scale"));
                assertEquals(Boolean.toString(run.scale() > 0), combined.get("guided"));
                assertEquals(single.toMap(), withoutScale(combined));
            }
        }
        assertEquals(at, rows.size());
    }

    private static java.util.Map<String, String> withoutScale(CSVRecord r) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(r.toMap());
        m.remove("scale");
        m.remove("guided");
        return m;
    }

    @Test
    public void sdfHoldsTheValidMoleculesOfEveryRunWithTheirScale() throws Exception {
        StringWriter w = new StringWriter();
        SweepWriters.writeSdf(w, fixture.report(1));
        List<String[]> expected = new ArrayList<>();
        for (SweepRun run : fixture.runs) {
            for (DesignedMolecule m : run.result().molecules()) {
                if (m.valid()) {
                    expected.add(new String[] {run.label(), m.smiles(), m.id()});
                }
            }
        }
        int n = 0;
        try (IteratingSDFReader r = new IteratingSDFReader(new StringReader(w.toString()),
                SilentChemObjectBuilder.getInstance())) {
            while (r.hasNext()) {
                IAtomContainer mol = r.next();
                String[] e = expected.get(n++);
                assertEquals(e[0], mol.getProperty("scale"));
                assertEquals(Boolean.toString(!e[0].equals("0")), mol.getProperty("guided"));
                assertEquals(e[1], mol.getProperty("smiles"));
                assertEquals(e[2], mol.getProperty("id"));
                assertEquals(26, mol.getAtomCount() - hydrogens(mol)); // 6 rings: C26
            }
        }
        assertEquals(expected.size(), n);
    }

    private static int hydrogens(IAtomContainer mol) {
        int h = 0;
        for (var a : mol.atoms()) {
            h += "H".equals(a.getSymbol()) ? 1 : 0;
        }
        return h;
    }

    @Test
    public void summaryHasSettingsSeedsReferenceAndEveryRun() throws Exception {
        StringWriter w = new StringWriter();
        SweepWriters.writeSummary(w, fixture.report(1));
        JsonNode j = new ObjectMapper().readTree(w.toString());
        assertEquals(ReportFixture.OBJECTIVE, j.get("objective").asText());
        assertEquals(1.0, j.get("guidedScale").asDouble(), 0);
        assertEquals(ReportFixture.SEED, j.get("seeds").get("sampling seed (every scale)").asLong());
        assertEquals(fixture.reference.bestValue(), j.get("datasetReference").get("best").asDouble(), 0);
        assertEquals(fixture.reference.count(), j.get("datasetReference").get("molecules").asInt());
        assertEquals(3, j.get("runs").size());
        for (int i = 0; i < 3; i++) {
            SweepRun run = fixture.runs.get(i);
            JsonNode r = j.get("runs").get(i);
            assertEquals(run.scale(), r.get("scale").asDouble(), 0);
            assertEquals(run.result().summary().valid(), r.get("summary").get("valid").asInt());
            assertEquals(run.result().summary().huckelGapMeanEv(), r.get("summary").get("huckelGapMeanEv").asDouble(),
                    1e-12);
        }
        assertFalse(w.toString().contains("NaN"));
        assertTrue(j.get("propertyNames").toString().contains("HMO_GAP_eV"));
    }
}
