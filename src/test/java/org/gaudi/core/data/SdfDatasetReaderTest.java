package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.vecmath.Point3d;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.SDFWriter;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** SDF reading with the independent {@link TestGeometry} strategies, on SD files written by CDK. */
public class SdfDatasetReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final SdfDatasetReader reader = new SdfDatasetReader(TestGeometry::fromCoordinates,
            TestGeometry::fromGraph);

    /** A molecule laid out by CDK; with {@code shift3d} non-null, as 3D coordinates tilted out of plane and shifted. */
    private static IAtomContainer mol(String smiles, String title, Double shift3d, String... fields)
            throws Exception {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        new StructureDiagramGenerator().generateCoordinates(m);
        double s = TestGeometry.CC / 1.5;
        if (shift3d != null) {
            double c = Math.cos(0.5);
            double sn = Math.sin(0.5);
            for (IAtom a : m.atoms()) {
                double x = a.getPoint2d().x * s;
                double y = a.getPoint2d().y * s;
                a.setPoint3d(new Point3d(x * c + shift3d, y, x * sn)); // tilted about the y axis
                a.setPoint2d(null);
            }
        }
        m.setTitle(title);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            m.setProperty(fields[i], fields[i + 1]);
        }
        return m;
    }

    private Path sdf(String name, IAtomContainer... mols) throws Exception {
        StringWriter sw = new StringWriter();
        try (SDFWriter w = new SDFWriter(sw)) {
            for (IAtomContainer m : mols) {
                w.write(m);
            }
        }
        return write(name, sw.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    public void reads3dRecordsFromCoordinatesAnd2dBenzenoidsOnTheLattice() throws Exception {
        Path p = sdf("ok.sdf", mol("c1ccc2cc3ccccc3cc2c1", "anthracene", 100.0, "GAP_eV", "3.6", "LUMO_eV", "-1.9"),
                mol("c1ccc2c(c1)ccc1ccccc12", "phenanthrene", null, "GAP_eV", "4.7", "LUMO_eV", "-1.2"));
        Dataset d = reader.read(p, SdfDatasetReader.Options.of("GAP_eV", "LUMO_eV"));
        assertEquals(2, d.size());
        assertTrue(d.rejections().isEmpty());
        MoleculeRecord a = d.records().get(0);
        assertEquals("anthracene", a.id());
        assertEquals(3, a.ringCount());
        assertEquals(3.6, a.property(0), 0);
        assertEquals(-1.9, a.property(1), 0);
        double meanX = 0;
        double maxZ = 0;
        for (double[] c : a.gor().centroids()) {
            meanX += c[0] / 3;
            maxZ = Math.max(maxZ, Math.abs(c[2]));
        }
        assertEquals("3D coordinates used (shifted by 100 Å)", 100.0, meanX, 10.0);
        assertTrue("tilted out of plane", maxZ > 0.1);
        assertEquals("c1ccc2cc3ccccc3cc2c1", a.smiles());
        MoleculeRecord ph = d.records().get(1);
        assertEquals(3, ph.ringCount());
        for (double[] c : ph.gor().centroids()) {
            assertEquals("lattice geometry is planar", 0.0, c[2], 1e-9);
        }
    }

    @Test
    public void rejectionsCarryTheRecordNumber() throws Exception {
        Path p = sdf("rej.sdf",
                mol("c1ccc2ccccc2c1", "naphthalene", 0.0, "GAP_eV", "4.78"), // 1 ok
                mol("c1ccc2sccc2c1", "benzothiophene", null, "GAP_eV", "4.0"), // 2 no 3D, not benzenoid
                mol("c1ccccc1", "benzene", null, "LUMO_eV", "-0.5"), // 3 no GAP_eV field
                mol("c1ccccc1", "benzene2", null, "GAP_eV", "n/a"), // 4 not a number
                mol("c1ccc2cc3ccccc3cc2c1", "anthracene", null, "GAP_eV", "3.6"), // 5 too many rings
                mol("c1ccc2ccccc2c1", "naphthalene", null, "GAP_eV", "4.78"), // 6 duplicate title
                mol("c1ccc2cccc2cc1", "azulene", null, "GAP_eV", "2.0")); // 7 unknown ring types
        Dataset d = reader.read(p, SdfDatasetReader.Options.of("GAP_eV").withMaxRings(2));
        assertEquals(1, d.size());
        RejectionReason[] expected = {RejectionReason.NO_GEOMETRY, RejectionReason.MISSING_PROPERTY,
            RejectionReason.MISSING_PROPERTY, RejectionReason.TOO_MANY_RINGS, RejectionReason.DUPLICATE_ID,
            RejectionReason.UNKNOWN_RING_TYPE};
        assertEquals(d.rejections().toString(), expected.length, d.rejections().size());
        for (int i = 0; i < expected.length; i++) {
            Rejection r = d.rejections().get(i);
            assertEquals(r.toString(), expected[i], r.reason());
            assertEquals(r.toString(), i + 2, r.line());
            assertEquals(p.toString(), r.source());
        }
        assertTrue(d.rejections().get(1).detail().contains("'GAP_eV'"));
        assertTrue(d.rejections().get(2).detail().contains("n/a"));
        assertTrue(d.rejections().get(4).detail().contains("record 1"));
    }

    @Test
    public void malformedRecordIsRejectedAndReadingContinues() throws Exception {
        StringWriter sw = new StringWriter();
        try (SDFWriter w = new SDFWriter(sw)) {
            w.write(mol("c1ccc2ccccc2c1", "naphthalene", null, "GAP_eV", "4.78"));
        }
        String good = sw.toString();
        String broken = "broken\n  junk\n\n  x  y  0  0  0  0  0  0  0  0999 V2000\nM  END\n> <GAP_eV>\n1\n\n$$$$\n";
        String noEnd = "no end\n\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\n$$$$\n";
        Path p = write("bad.sdf", broken + good.replace("naphthalene", "n2") + noEnd);
        Dataset d = reader.read(p, SdfDatasetReader.Options.of("GAP_eV"));
        assertEquals(1, d.size());
        assertEquals(2, d.rejections().size());
        assertEquals(RejectionReason.MALFORMED_RECORD, d.rejections().get(0).reason());
        assertEquals(1, d.rejections().get(0).line());
        assertEquals(RejectionReason.MALFORMED_RECORD, d.rejections().get(1).reason());
        assertEquals(3, d.rejections().get(1).line());
        assertTrue(d.rejections().get(1).detail(), d.rejections().get(1).detail().contains("M  END"));
    }

    @Test
    public void idFieldAndRecordLimit() throws Exception {
        Path p = sdf("ids.sdf", mol("c1ccccc1", "", null, "id", "B1", "GAP_eV", "6.5"),
                mol("c1ccc2ccccc2c1", "", null, "id", "N1", "GAP_eV", "4.78"),
                mol("c1ccc2ccccc2c1", "", null, "id", "N2", "GAP_eV", "4.78"));
        Dataset d = reader.read(p, SdfDatasetReader.Options.of("GAP_eV").withIdField("id").withRecordLimit(2));
        assertEquals(2, d.size());
        assertEquals("B1", d.records().get(0).id());
        assertEquals("N1", d.records().get(1).id());
        Dataset untitled = reader.read(p, SdfDatasetReader.Options.of("GAP_eV"));
        assertEquals("record-3", untitled.records().get(2).id());
    }

    @Test
    public void emptyFileAndFileWithoutUsableRecordsAreErrors() throws Exception {
        Path empty = write("empty.sdf", "\n");
        try {
            reader.read(empty, SdfDatasetReader.Options.of("GAP_eV"));
            fail("empty SD file");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(empty.toString()) && e.getMessage().contains("empty"));
        }
        Path none = sdf("none.sdf", mol("c1ccccc1", "benzene", null, "LUMO_eV", "-0.5"));
        try {
            reader.read(none, SdfDatasetReader.Options.of("GAP_eV"));
            fail("no usable record");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(none.toString())
                    && e.getMessage().contains("MISSING_PROPERTY=1"));
        }
    }
}
