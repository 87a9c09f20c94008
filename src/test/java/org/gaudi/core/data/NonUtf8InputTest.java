package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A byte that is not UTF-8 rejects its record (naming line, column and byte) instead of aborting the whole read. */
public class NonUtf8InputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] bytes(String before, int bad, String after) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        b.write(bad);
        b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    public void lineReaderNamesLineColumnAndByteAndKeepsTheRest() {
        Utf8LineReader.Decoded d = Utf8LineReader.decode(bytes("ok\nnaïve caf", 0xE9, ",x\nend\n"));
        assertEquals("ok\nnaïve caf\uFFFD,x\nend\n", d.text());
        assertEquals(new Utf8LineReader.BadByte(2, 10, 0xE9), d.firstBadByte());
        assertTrue(d.firstBadByte().message(), d.firstBadByte().message().startsWith(
                "line 2: byte 0xE9 at column 10 is not valid UTF-8; the file must be UTF-8 encoded"));
        assertNull(Utf8LineReader.decode("plain\n".getBytes(StandardCharsets.UTF_8)).firstBadByte());
    }

    @Test
    public void csvRowWithALatin1ByteIsRejectedAndTheOthersAreRead() throws Exception {
        Path csv = tmp.getRoot().toPath().resolve("l1.csv");
        Files.write(csv, bytes("molecule,smiles,GAP_eV\nnaph,c1ccc2ccccc2c1,3.0\ncaf", 0xE9,
                ",c1ccc2cc3ccccc3cc2c1,2.0\nbenz,c1ccccc1,6.0\n"));
        Dataset d = new CompasCsvReader(TestGeometry::fromCoordinates, TestGeometry::fromGraph).read(csv,
                CompasCsvReader.Options.of("GAP_eV"));
        assertEquals(2, d.size());
        assertEquals(1, d.rejections().size());
        Rejection r = d.rejections().get(0);
        assertEquals(RejectionReason.BAD_ENCODING, r.reason());
        assertEquals(3, r.line());
        assertTrue(r.detail(), r.detail().startsWith("byte 0xE9 at column 4 is not valid UTF-8"));
    }

    @Test
    public void csvWithOnlyABadRowNamesFileLineAndEncoding() throws Exception {
        Path csv = tmp.getRoot().toPath().resolve("l1.csv");
        Files.write(csv, bytes("molecule,smiles,GAP_eV\ncaf", 0xE9, ",c1ccc2ccccc2c1,3.0\n"));
        try {
            new CompasCsvReader().read(csv, CompasCsvReader.Options.of("GAP_eV"));
            fail();
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(csv + ":2"));
            assertTrue(e.getMessage(), e.getMessage().contains("byte 0xE9 at column 4 is not valid UTF-8"));
        }
    }

    @Test
    public void badByteInTheHeaderFailsNamingTheHeader() throws Exception {
        Path csv = tmp.getRoot().toPath().resolve("h.csv");
        Files.write(csv, bytes("molecule,smiles,GAP_", 0xB5, "eV\nnaph,c1ccc2ccccc2c1,3.0\n"));
        try {
            new CompasCsvReader().read(csv, CompasCsvReader.Options.of("GAP_eV"));
            fail();
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("header line 1: byte 0xB5 at column 21"));
        }
    }

    @Test
    public void sdfRecordWithABadByteIsRejectedAndTheNextIsRead() throws Exception {
        String block = "\n  CDK\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n"
                + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n";
        Path sdf = tmp.getRoot().toPath().resolve("bad.sdf");
        Files.write(sdf, bytes("caf", 0xE9, block + "$$$$\n" + molfileOfNaphthalene() + "$$$$\n"));
        Dataset d = new SdfDatasetReader(TestGeometry::fromCoordinates, TestGeometry::fromGraph).read(sdf,
                SdfDatasetReader.Options.of());
        assertEquals(1, d.size());
        Rejection r = d.rejections().get(0);
        assertEquals(RejectionReason.BAD_ENCODING, r.reason());
        assertEquals(1, r.line());
        assertTrue(r.detail(), r.detail().startsWith("line 1: byte 0xE9 at column 4 is not valid UTF-8"));
    }

    private static String molfileOfNaphthalene() throws Exception {
        org.openscience.cdk.interfaces.IAtomContainer m = new org.openscience.cdk.smiles.SmilesParser(
                org.openscience.cdk.silent.SilentChemObjectBuilder.getInstance()).parseSmiles("c1ccc2ccccc2c1");
        new org.openscience.cdk.layout.StructureDiagramGenerator().generateCoordinates(m);
        m.setTitle("naph");
        java.io.StringWriter sw = new java.io.StringWriter();
        try (org.openscience.cdk.io.MDLV2000Writer w = new org.openscience.cdk.io.MDLV2000Writer(sw)) {
            w.write(m);
        }
        return sw.toString();
    }

    @Test
    public void xyzFileWithABadByteRejectsItsRowNamingTheFile() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        String[] xyz = TestGeometry.xyzOf("c1ccc2ccccc2c1", 0).split("\n", 3);
        Files.write(dir.resolve("naph.xyz"), bytes(xyz[0] + "\ncaf", 0xE9, "\n" + xyz[2]));
        Path csv = tmp.getRoot().toPath().resolve("x.csv");
        Files.writeString(csv, "molecule,smiles\nnaph,c1ccc2ccccc2c1\nbenz,c1ccccc1\n");
        Dataset d = new CompasCsvReader(TestGeometry::fromCoordinates, TestGeometry::fromGraph).read(csv,
                CompasCsvReader.Options.of().withXyzSource(dir));
        assertEquals(1, d.size());
        Rejection r = d.rejections().get(0);
        assertEquals(RejectionReason.BAD_ENCODING, r.reason());
        assertTrue(r.detail(), r.detail().contains("naph.xyz: line 2: byte 0xE9 at column 4"));
    }
}
