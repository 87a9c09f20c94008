package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Reader mechanics on small synthetic fixtures, with the independent {@link TestGeometry} strategies. */
public class CompasCsvReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final String BENZENE = "c1ccccc1";
    static final String NAPHTHALENE = "c1ccc2ccccc2c1";
    static final String ANTHRACENE = "c1ccc2cc3ccccc3cc2c1";
    static final String PHENANTHRENE = "c1ccc2c(c1)ccc1ccccc12";
    static final String HEADER = "molecule,smiles,GAP_eV,LUMO_eV\n";

    private final CompasCsvReader reader = new CompasCsvReader(TestGeometry::fromCoordinates,
            TestGeometry::fromGraph);

    private Path write(String name, String text) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static CompasCsvReader.Options gapLumo() {
        return CompasCsvReader.Options.of("GAP_eV", "LUMO_eV");
    }

    /** A valid row so that files with bad rows still have a usable one. */
    private static String good(String id) {
        return id + "," + NAPHTHALENE + ",4.78,-1.17\n";
    }

    private static Rejection only(Dataset d) {
        assertEquals("rejections: " + d.rejections(), 1, d.rejections().size());
        return d.rejections().get(0);
    }

    @Test
    public void readsPropertiesAndLatticeGeometryFromSmiles() throws Exception {
        Path csv = write("ok.csv", HEADER + "b," + BENZENE + ",6.5,-0.5\n" + good("n") + "a," + ANTHRACENE
                + ",3.6,-1.9\np," + PHENANTHRENE + ",4.7,-1.2\n");
        Dataset d = reader.read(csv, gapLumo());
        assertEquals(4, d.size());
        assertEquals(List.of("GAP_eV", "LUMO_eV"), d.propertyNames());
        assertTrue(d.rejections().isEmpty());
        MoleculeRecord a = d.records().get(2);
        assertEquals("a", a.id());
        assertEquals(ANTHRACENE, a.smiles());
        assertEquals(3.6, a.property(0), 0);
        assertEquals(-1.9, a.property(1), 0);
        assertEquals(3, a.ringCount());
        assertEquals(1, d.records().get(0).ringCount());
        // fused rings of the lattice sit √3 · 1.40 Å apart
        assertEquals(Math.sqrt(3) * TestGeometry.CC, a.gor().distance(0, 1) < a.gor().distance(0, 2)
                ? a.gor().distance(0, 1) : a.gor().distance(1, 2), 0.05);
        assertEquals(csv.toString(), d.source());
    }

    @Test
    public void badSmilesIsRejectedWithItsLine() throws Exception {
        Dataset d = reader.read(write("s.csv", HEADER + good("n") + "x,c1cccc1,1,1\n"), gapLumo());
        Rejection r = only(d);
        assertEquals(RejectionReason.BAD_SMILES, r.reason());
        assertEquals(3, r.line());
        assertEquals("x", r.id());
        assertTrue(r.detail(), r.detail().contains("c1cccc1"));
    }

    @Test
    public void missingPropertyNamesTheColumn() throws Exception {
        Dataset d = reader.read(write("p.csv", HEADER + good("n") + "e," + BENZENE + ",,1\nnan," + BENZENE
                + ",1,NaN\ntext," + BENZENE + ",1,abc\n"), gapLumo());
        assertEquals(3, d.rejections().size());
        for (Rejection r : d.rejections()) {
            assertEquals(RejectionReason.MISSING_PROPERTY, r.reason());
        }
        assertTrue(d.rejections().get(0).detail().contains("GAP_eV"));
        assertTrue(d.rejections().get(1).detail().contains("LUMO_eV"));
        assertTrue(d.rejections().get(2).detail().contains("LUMO_eV") && d.rejections().get(2).detail()
                .contains("abc"));
        assertEquals(4, d.rejections().get(1).line());
        assertEquals(3, (int) d.rejectionCounts().get(RejectionReason.MISSING_PROPERTY));
    }

    @Test
    public void tooManyRingsAreRejected() throws Exception {
        Dataset d = reader.read(write("r.csv", HEADER + good("n") + "a," + ANTHRACENE + ",3.6,-1.9\n"),
                gapLumo().withMaxRings(2));
        Rejection r = only(d);
        assertEquals(RejectionReason.TOO_MANY_RINGS, r.reason());
        assertTrue(r.detail(), r.detail().contains("3 rings"));
    }

    @Test
    public void unknownRingTypeIsRejected() throws Exception {
        // azulene: a 5- and a 7-membered carbon ring, neither in GaUDI's ring table
        Dataset d = reader.read(write("u.csv", HEADER + good("n") + "az,c1ccc2cccc2cc1,3,-1\n"), gapLumo());
        Rejection r = only(d);
        assertEquals(RejectionReason.UNKNOWN_RING_TYPE, r.reason());
        assertEquals("az", r.id());
    }

    @Test
    public void nonBenzenoidWithoutXyzHasNoGeometry() throws Exception {
        // benzothiophene: known ring types (Bn + Th) but not on the hexagonal lattice
        Dataset d = reader.read(write("g.csv", HEADER + good("n") + "bt,c1ccc2sccc2c1,4,-1\n"), gapLumo());
        Rejection r = only(d);
        assertEquals(RejectionReason.NO_GEOMETRY, r.reason());
        assertEquals(3, r.line());
    }

    @Test
    public void duplicateIdIsRejectedPointingAtTheFirst() throws Exception {
        Dataset d = reader.read(write("d.csv", HEADER + good("n") + "b," + BENZENE + ",6,0\n" + good("n")),
                gapLumo());
        Rejection r = only(d);
        assertEquals(RejectionReason.DUPLICATE_ID, r.reason());
        assertEquals(4, r.line());
        assertTrue(r.detail(), r.detail().contains("line 2"));
        assertEquals(2, d.size());
    }

    @Test
    public void rowWithWrongFieldCountIsMalformed() throws Exception {
        Dataset d = reader.read(write("f.csv", HEADER + good("n") + "b," + BENZENE + ",6\n"), gapLumo());
        Rejection r = only(d);
        assertEquals(RejectionReason.MALFORMED_RECORD, r.reason());
        assertTrue(r.detail(), r.detail().contains("3 fields"));
    }

    @Test
    public void malformedXyzNamesFileAndLine() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        String xyz = TestGeometry.xyzOf(BENZENE, 0).replaceFirst("(?m)^(C \\S+) \\S+", "$1 oops");
        Files.writeString(dir.resolve("b.xyz"), xyz);
        Dataset d = reader.read(write("x.csv", HEADER + good("n") + "b," + BENZENE + ",6,0\n"),
                gapLumo().withXyzSource(dir));
        Rejection r = only(d);
        assertEquals(RejectionReason.MALFORMED_XYZ, r.reason());
        assertTrue(r.detail(), r.detail().contains("b.xyz") && r.detail().contains("line 3")
                && r.detail().contains("oops"));
        assertEquals(3, r.line()); // the CSV line stays the record's location
    }

    @Test
    public void xyzThatDoesNotMatchTheSmilesIsMalformed() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        Files.writeString(dir.resolve("n.xyz"), TestGeometry.xyzOf(ANTHRACENE, 0));
        Dataset d = reader.read(write("m.csv", HEADER + good("n") + "b," + BENZENE + ",6,0\n"),
                gapLumo().withXyzSource(dir));
        Rejection r = only(d);
        assertEquals(RejectionReason.MALFORMED_XYZ, r.reason());
        assertEquals("n", r.id());
        assertTrue(r.detail(), r.detail().contains("n.xyz") && r.detail().contains("C=14"));
    }

    @Test
    public void unusableXyzCoordinatesAreMalformedXyz() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        // benzene with two atoms on top of each other: parseable, but no geometry can be perceived
        String xyz = "6\nbroken\nC 0 0 0\nC 0.1 0 0\nC 1.4 0 0\nC 2.1 1.2 0\nC 1.4 2.4 0\nC 0 2.4 0\n";
        Files.writeString(dir.resolve("b.xyz"), xyz);
        Dataset d = reader.read(write("o.csv", HEADER + good("n") + "b," + BENZENE + ",6,0\n"),
                gapLumo().withXyzSource(dir));
        Rejection r = only(d);
        assertEquals(RejectionReason.MALFORMED_XYZ, r.reason());
        assertTrue(r.detail(), r.detail().contains("b.xyz") && r.detail().contains("overlap"));
    }

    @Test
    public void folderXyzSourceIsUsedWhereAFileExistsAndTheLatticeElsewhere() throws Exception {
        Path dir = tmp.newFolder("geoms").toPath();
        Files.writeString(dir.resolve("a.xyz"), TestGeometry.xyzOf(ANTHRACENE, 100.0));
        Dataset d = reader.read(write("fx.csv", HEADER + "a," + ANTHRACENE + ",3.6,-1.9\n" + good("n")),
                gapLumo().withXyzSource(dir));
        assertEquals(2, d.size());
        assertXyzUsed(d.records().get(0));
        assertTrue("no xyz for n: lattice geometry near the origin", Math.abs(d.records().get(1).gor()
                .centroid(0)[0]) < 20);
    }

    @Test
    public void tarGzXyzSourceFindsEntriesInSubfolders() throws Exception {
        Path archive = tmp.getRoot().toPath().resolve("geoms.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            addEntry(tar, "pahs-xyz/a.xyz", TestGeometry.xyzOf(ANTHRACENE, 100.0));
            addEntry(tar, "pahs-xyz/other.xyz", TestGeometry.xyzOf(BENZENE, 0));
            addEntry(tar, "pahs-xyz/bad.xyz", "three\n\nC 0 0 0\n");
        }
        Dataset d = reader.read(write("tx.csv", HEADER + "a," + ANTHRACENE + ",3.6,-1.9\n" + good("n")
                + "bad," + BENZENE + ",6,0\n"), gapLumo().withXyzSource(archive));
        assertEquals(2, d.size());
        assertXyzUsed(d.records().get(0));
        Rejection r = only(d);
        assertEquals(RejectionReason.MALFORMED_XYZ, r.reason());
        assertTrue(r.detail(), r.detail().contains("geoms.tar.gz!pahs-xyz/bad.xyz, line 1"));
    }

    private static void assertXyzUsed(MoleculeRecord rec) {
        assertEquals(3, rec.ringCount());
        double meanX = 0;
        for (double[] c : rec.gor().centroids()) {
            meanX += c[0] / 3;
        }
        assertEquals("anthracene from its xyz file (shifted by 100 Å)", 100.0, meanX, 10.0);
    }

    private static void addEntry(TarArchiveOutputStream tar, String name, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    @Test
    public void missingColumnListsTheAvailableColumns() throws Exception {
        Path csv = write("c.csv", HEADER + good("n"));
        try {
            reader.read(csv, CompasCsvReader.Options.of("GAP_eV", "aIP_eV"));
            fail("aIP_eV is not in the file");
        } catch (DatasetFormatException e) {
            String m = e.getMessage();
            assertTrue(m, m.contains(csv.toString()) && m.contains("'aIP_eV'") && m.contains("LUMO_eV"));
        }
        try {
            reader.read(write("c2.csv", "id,smiles,GAP_eV\nn," + NAPHTHALENE + ",4\n"), CompasCsvReader.Options
                    .of("GAP_eV"));
            fail("no molecule column");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'molecule'"));
        }
    }

    @Test
    public void emptyFileIsAnErrorNamingTheFile() throws Exception {
        Path csv = write("empty.csv", "");
        try {
            reader.read(csv, gapLumo());
            fail("empty file");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(csv.toString()) && e.getMessage().contains("empty"));
        }
    }

    @Test
    public void headerOnlyFileIsAnError() throws Exception {
        Path csv = write("header.csv", HEADER + "\n");
        try {
            reader.read(csv, gapLumo());
            fail("no data rows");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(csv.toString())
                    && e.getMessage().contains("no data rows"));
        }
    }

    @Test
    public void fileWithoutUsableRowsSummarisesTheRejections() throws Exception {
        Path csv = write("bad.csv", HEADER + "x,c1cccc1,1,1\ny," + BENZENE + ",,1\nz,C1CC1,1,1\n");
        try {
            reader.read(csv, gapLumo());
            fail("no usable rows");
        } catch (DatasetFormatException e) {
            String m = e.getMessage();
            assertTrue(m, m.contains(csv.toString()) && m.contains("none of the 3 data rows"));
            assertTrue(m, m.contains("BAD_SMILES=1") && m.contains("MISSING_PROPERTY=1")
                    && m.contains("UNKNOWN_RING_TYPE=1"));
            assertTrue(m, m.contains(":2 [x]"));
        }
    }

    @Test
    public void missingFileIsNamed() {
        Path csv = tmp.getRoot().toPath().resolve("nowhere.csv");
        try {
            reader.read(csv, gapLumo());
            fail("missing file");
        } catch (java.nio.file.NoSuchFileException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("nowhere.csv"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void rowLimitReadsOnlyTheFirstRows() throws Exception {
        Path csv = write("l.csv", HEADER + good("n1") + good("n2") + good("n3"));
        assertEquals(2, reader.read(csv, gapLumo().withRowLimit(2)).size());
    }

    @Test
    public void byteOrderMarkAndQuotedFieldsAreAccepted() throws Exception {
        Path csv = write("bom.csv", "\uFEFF" + HEADER + "\"n\",\"" + NAPHTHALENE + "\", 4.78 ,-1.17\n");
        Dataset d = reader.read(csv, gapLumo());
        assertEquals(1, d.size());
        assertEquals(4.78, d.records().get(0).property(0), 0);
    }

    @Test
    public void progressIsReportedAndCanCancel() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 600; i++) {
            sb.append(good("n" + i));
        }
        Path csv = write("many.csv", sb.toString());
        List<long[]> calls = new ArrayList<>();
        Dataset d = reader.read(csv, gapLumo().withProgress((done, total) -> calls.add(new long[] {done, total})));
        assertEquals(600, d.size());
        assertEquals(600, calls.get(calls.size() - 1)[0]);
        assertEquals(600, calls.get(0)[1]);
        try {
            reader.read(csv, gapLumo().withProgress((done, total) -> {
                throw new CancellationException("user cancelled");
            }));
            fail("cancellation must stop the read");
        } catch (CancellationException expected) {
            // nothing returned
        }
    }
}
