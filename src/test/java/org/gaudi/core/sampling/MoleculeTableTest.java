package org.gaudi.core.sampling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.DomainReport;
import org.gaudi.core.objective.Objective;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The molecule table and its writers on real graphs of rings: the embedded benzenoids with 1–4 rings (valid), one of
 * them again shifted (a duplicate), and two broken graphs (invalid), with made-up predictions.
 */
public class MoleculeTableTest {
    private static final List<String> NAMES = List.of("SPREAD_A2", "HMO_GAP_eV");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final class Fixture {
        final List<SampledMolecule> sampled = new ArrayList<>();
        final List<MoleculeRecord> records;
        final Set<String> trainingKeys = new HashSet<>();
        final int gapBeta;

        Fixture() throws Exception {
            Dataset d = EmbeddedDataset.generate(1, 4, i -> { });
            records = d.records();
            gapBeta = d.propertyIndex(HuckelProperties.GAP_BETA);
            int gapEv = d.propertyIndex(HuckelProperties.GAP_EV);
            List<GraphOfRings> gors = new ArrayList<>();
            List<double[]> preds = new ArrayList<>();
            for (MoleculeRecord r : records) {
                gors.add(r.gor());
                preds.add(new double[] {TrainedTinyModels.spread(r.gor()), r.property(gapEv)});
            }
            for (int i = 0; i < 3; i++) {
                trainingKeys.add(MoleculeIdentity.ofSmiles(records.get(i).smiles()).inchiKey());
            }
            // naphthalene again, shifted: a duplicate
            gors.add(shifted(records.get(1).gor(), 5.0));
            preds.add(new double[] {1.0, 4.0});
            // two rings far apart: not connected, each ring isolated
            gors.add(GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {12, 0, 0}}));
            preds.add(new double[] {36, 5.0});
            // two rings on top of each other, and a prediction that is not finite
            gors.add(GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {0.3, 0, 0}, {2.75, 0, 0}}));
            preds.add(new double[] {Double.NaN, 3.0});
            for (int i = 0; i < gors.size(); i++) {
                sampled.add(new SampledMolecule(i, i / 4, 100 + i / 4, gors.get(i).ringCount(), gors.get(i),
                        GorDecoder.decode(gors.get(i), GorKind.CATA), preds.get(i)));
            }
        }

        int n() {
            return sampled.size();
        }
    }

    private static GraphOfRings shifted(GraphOfRings g, double dx) {
        double[][] c = g.centroids();
        double[][] s = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            s[i] = new double[] {c[i][0] + dx, c[i][1] - dx, c[i][2]};
        }
        return GraphOfRings.benzenoid(s);
    }

    private static Objective objective() throws Exception {
        return Objective.parse("maximize HMO_GAP_eV - 0.1*SPREAD_A2", NAMES);
    }

    private static DesignResult result(Fixture f, List<DesignedMolecule> rows) throws Exception {
        DesignSummary.RunFacts facts = new DesignSummary.RunFacts(3, 0, 0, DomainReport.EMPTY, true, 1.0, 50, 1000,
                42, "cpu", GuidanceSettings.builder().seed(42).scale(0.6).build().toMap(), Map.of("edm", "tiny"),
                1.5, 2.0, 1.0, 0.25, 3.5, Map.of(), 50L);
        DesignSummary s = DesignSummary.of(rows, NAMES, objective(), facts);
        return new DesignResult(NAMES, List.of("Å²", "eV"), rows, s);
    }

    @Test
    public void oneRowPerMoleculeWithReasonsIdentityHuckelNoveltyAndDuplicates() throws Exception {
        Fixture f = new Fixture();
        List<DesignedMolecule> rows = new MoleculeTableBuilder(NAMES, objective(), f.trainingKeys)
                .build(f.sampled, () -> false);
        assertEquals(f.n(), rows.size());
        int datasetRows = f.records.size();
        for (int i = 0; i < datasetRows; i++) {
            DesignedMolecule m = rows.get(i);
            MoleculeRecord r = f.records.get(i);
            assertTrue(m.id() + ": " + m.invalidReason(), m.valid());
            assertTrue(m.stable());
            assertNull(m.stabilityFailure());
            assertEquals(r.smiles(), MoleculeIdentity.ofSmiles(r.smiles()).inchiKey(), m.inchiKey());
            assertTrue(m.inchi().startsWith("InChI=1S/"));
            // the table's Hückel gap of the decoded molecule agrees with the dataset's Hückel gap of the SMILES
            assertEquals(r.smiles(), r.property(f.gapBeta), m.huckelGapBeta(), 1e-9);
            assertEquals(i >= 3, m.novel());
            assertFalse(m.duplicate());
            assertEquals(m.predicted().get(1) - 0.1 * m.predicted().get(0), m.objective(), 1e-12);
            assertEquals(i, m.index());
            assertEquals(r.ringCount(), m.ringCount());
            assertNotNull(m.sdf());
        }
        DesignedMolecule dup = rows.get(datasetRows);
        assertTrue(dup.valid());
        assertTrue(dup.duplicate());
        assertEquals(rows.get(1).inchi(), dup.inchi());
        assertFalse(dup.novel());

        DesignedMolecule apart = rows.get(datasetRows + 1);
        assertFalse(apart.valid());
        assertTrue(apart.invalidReason(), apart.invalidReason().matches("[A-Z_]+: .+"));
        assertFalse(apart.stable());
        assertTrue(apart.stabilityFailure(), apart.stabilityFailure().startsWith("CONNECTED"));
        for (Object o : new Object[] {apart.smiles(), apart.inchi(), apart.inchiKey(), apart.sdf(), apart.novel(),
            apart.huckelGapEv(), apart.huckelGapBeta()}) {
            assertNull(o);
        }
        assertFalse(apart.duplicate());
        assertEquals(5.0 - 3.6, apart.objective(), 1e-12); // predictions exist for invalid molecules too

        DesignedMolecule overlap = rows.get(datasetRows + 2);
        assertFalse(overlap.valid());
        assertNotNull(overlap.invalidReason());
        assertNull(overlap.predicted().get(0));
        assertEquals(3.0, overlap.predicted().get(1), 0);
        assertNull("no objective from a non-finite prediction", overlap.objective());

        DesignSummary s = result(f, rows).summary();
        assertEquals(f.n(), s.molecules());
        assertEquals(datasetRows + 1, s.valid());
        assertEquals(datasetRows, s.unique());
        assertEquals(datasetRows - 3, s.novel());
        assertEquals((double) (datasetRows - 3) / (datasetRows + 1), s.novelFraction(), 1e-12);
        assertEquals(2, s.invalidReasons().values().stream().mapToInt(Integer::intValue).sum());
        double best = rows.stream().filter(DesignedMolecule::valid).mapToDouble(DesignedMolecule::objective).max()
                .orElseThrow();
        assertEquals(best, s.objectiveBest(), 0);
        assertEquals(rows.stream().filter(DesignedMolecule::valid).mapToDouble(DesignedMolecule::huckelGapEv)
                .average().orElseThrow(), s.huckelGapMeanEv(), 1e-12);
        assertEquals(rows.stream().filter(DesignedMolecule::valid).mapToDouble(m -> m.predicted().get(1))
                .average().orElseThrow(), s.predictedMeans().get("HMO_GAP_eV"), 1e-12);
        assertTrue(s.lines().get(0).startsWith("valid: "));
        assertTrue(s.lines().get(5).startsWith("huckel-gap-mean: "));

        try {
            new MoleculeTableBuilder(NAMES, objective(), f.trainingKeys).build(f.sampled, () -> true);
            fail("cancelled");
        } catch (SamplingCancelledException e) {
            // expected
        }
    }

    @Test
    public void writersProduceCsvSdfAndJsonThatReadBack() throws Exception {
        Fixture f = new Fixture();
        DesignResult r = result(f, new MoleculeTableBuilder(NAMES, objective(), f.trainingKeys).build(f.sampled,
                () -> false));
        Path dir = tmp.getRoot().toPath().resolve("out/run1");
        DesignWriters.writeAll(dir, r);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("molecules.csv", "molecules.sdf", "summary.json"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }

        List<CSVRecord> csv;
        try (Reader in = Files.newBufferedReader(dir.resolve("molecules.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            assertEquals(DesignWriters.csvHeader(NAMES), p.getHeaderNames());
            assertTrue(p.getHeaderNames().contains("predicted_HMO_GAP_eV"));
            csv = p.getRecords();
        }
        assertEquals(f.n(), csv.size());
        for (int i = 0; i < f.n(); i++) {
            DesignedMolecule m = r.molecules().get(i);
            CSVRecord c = csv.get(i);
            assertEquals(m.id(), c.get("id"));
            assertEquals(String.valueOf(m.valid()), c.get("valid"));
            assertEquals(m.smiles() == null ? "" : m.smiles(), c.get("smiles"));
            assertEquals(m.invalidReason() == null ? "" : m.invalidReason(), c.get("invalid_reason"));
            if (m.objective() == null) {
                assertEquals("", c.get("objective"));
            } else {
                assertEquals(m.objective(), Double.parseDouble(c.get("objective")), 0);
            }
            assertEquals(String.valueOf(m.duplicate()), c.get("duplicate"));
            assertEquals(m.novel() == null ? "" : m.novel().toString(), c.get("novel"));
            assertFalse(c.toString(), c.toString().contains("NaN"));
        }

        int valid = 0;
        try (IteratingSDFReader rd = new IteratingSDFReader(Files.newBufferedReader(dir.resolve("molecules.sdf")),
                SilentChemObjectBuilder.getInstance())) {
            while (rd.hasNext()) {
                IAtomContainer mol = rd.next();
                DesignedMolecule m = r.validMolecules().get(valid++);
                assertEquals(m.id(), mol.getTitle());
                int c = 0;
                int h = 0;
                for (IAtom a : mol.atoms()) {
                    c += "C".equals(a.getSymbol()) ? 1 : 0;
                    h += "H".equals(a.getSymbol()) ? 1 : 0;
                    assertNotNull("decoded coordinates", a.getPoint3d());
                }
                assertEquals(4 * m.ringCount() + 2, c);
                assertEquals(2 * m.ringCount() + 4, h);
                assertEquals(m.smiles(), mol.getProperty("smiles"));
                assertEquals(m.predicted().get(0), Double.parseDouble(mol.getProperty("predicted_SPREAD_A2")), 0);
                assertEquals(m.huckelGapBeta(), Double.parseDouble(mol.getProperty("huckel_gap_beta")), 0);
                assertEquals(String.valueOf(m.novel()), mol.getProperty("novel"));
                assertEquals(String.valueOf(m.ringCount()), mol.getProperty("rings"));
            }
        }
        assertEquals(r.summary().valid(), valid);

        JsonNode j = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(42, j.get("seed").asLong());
        assertEquals(42, j.get("settings").get("seed").asLong());
        assertEquals(0.6, j.get("settings").get("scale").asDouble(), 0);
        assertEquals(r.summary().validFraction(), j.get("validFraction").asDouble(), 1e-12);
        assertEquals(r.summary().objectiveMean(), j.get("objectiveMean").asDouble(), 1e-12);
        assertEquals("maximize HMO_GAP_eV - 0.1 * SPREAD_A2".replace(" ", ""),
                j.get("objective").asText().replace(" ", ""));
        assertEquals("eV", j.get("propertyUnits").get(1).asText());
        assertEquals(3, j.get("nonFiniteGradients").asLong());
        assertEquals("cpu", j.get("device").asText());
        assertEquals(0.25, j.get("clippedFraction").asDouble(), 0);

        // rewriting replaces the files and leaves no temporary file behind
        DesignWriters.writeAll(dir, r);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    public void rowsOfAHuckelObjectiveCarryTheExactRankAmongAllMoleculesOfTheirRingCount() throws Exception {
        Fixture f = new Fixture();
        Objective gap = Objective.parse("minimize HMO_GAP_eV", NAMES);
        DesignResult r = result(f, new MoleculeTableBuilder(NAMES, gap, f.trainingKeys).build(f.sampled,
                () -> false));
        Dataset all = EmbeddedDataset.generate(1, 4, i -> { });
        int gapEv = all.propertyIndex(HuckelProperties.GAP_EV);
        for (DesignedMolecule m : r.molecules()) {
            if (!m.valid()) {
                assertNull(m.id(), m.exact());
                continue;
            }
            // an independent ranking: 1 + the molecules of the same ring count with a strictly smaller gap
            int rank = 1;
            int of = 0;
            for (MoleculeRecord other : all.records()) {
                if (other.ringCount() == m.ringCount()) {
                    of++;
                    rank += other.property(gapEv) < m.huckelGapEv() - 1e-9 ? 1 : 0;
                }
            }
            assertEquals(m.id(), m.huckelGapEv(), m.exact().value(), 1e-9);
            assertEquals(m.id(), rank, m.exact().rank());
            assertEquals(of, m.exact().of());
            assertEquals(m.ringCount(), m.exact().rings());
        }
        // the 4-ring molecule with the smallest gap (tetracene) is rank 1 of 5
        assertTrue(r.validMolecules().stream().anyMatch(m -> m.exact().rank() == 1 && m.exact().of() == 5));

        Path dir = tmp.getRoot().toPath().resolve("exact");
        DesignWriters.writeAll(dir, r);
        try (Reader in = Files.newBufferedReader(dir.resolve("molecules.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<CSVRecord> csv = p.getRecords();
            for (int i = 0; i < csv.size(); i++) {
                DesignedMolecule m = r.molecules().get(i);
                assertEquals(m.exact() == null ? "" : Integer.toString(m.exact().rank()), csv.get(i).get("exact_rank"));
                assertEquals(m.exact() == null ? "" : Integer.toString(m.exact().of()),
                        csv.get(i).get("exact_rank_of"));
            }
        }
        DesignedMolecule first = r.validMolecules().get(3);
        try (IteratingSDFReader rd = new IteratingSDFReader(new StringReader(first.sdf()),
                SilentChemObjectBuilder.getInstance())) {
            IAtomContainer mol = rd.next();
            assertEquals(Integer.toString(first.exact().rank()), mol.getProperty("exact_rank"));
            assertEquals(first.exact().percentile(), Double.parseDouble(mol.getProperty("exact_percentile")), 1e-12);
        }
    }

    @Test
    public void noExactRankWhenTheObjectiveReadsAPropertyHuckelTheoryDoesNotGive() throws Exception {
        Fixture f = new Fixture();
        for (DesignedMolecule m : new MoleculeTableBuilder(NAMES, objective(), f.trainingKeys).build(f.sampled,
                () -> false)) {
            assertNull("the objective reads SPREAD_A2", m.exact());
        }
    }

    @Test
    public void sdfFieldsParseFromAStringToo() throws Exception {
        Fixture f = new Fixture();
        DesignedMolecule m = new MoleculeTableBuilder(NAMES, null, Set.of()).build(f.sampled.subList(0, 2),
                () -> false).get(1);
        assertNull(m.objective());
        try (IteratingSDFReader rd = new IteratingSDFReader(new StringReader(m.sdf()),
                SilentChemObjectBuilder.getInstance())) {
            IAtomContainer mol = rd.next();
            assertNull(mol.getProperty("objective"));
            assertEquals("true", mol.getProperty("novel"));
            assertEquals(m.inchi(), mol.getProperty("inchi"));
        }
    }
}
