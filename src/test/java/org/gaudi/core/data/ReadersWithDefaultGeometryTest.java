package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringWriter;
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

/**
 * The readers with their production strategies: {@code GorEncoder} for xyz/3D records and {@code BenzenoidEmbedder}
 * for graphs only. Fused benzene rings must come out ≈ 2.42–2.45 Å apart either way.
 */
public class ReadersWithDefaultGeometryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String ANTHRACENE = "c1ccc2cc3ccccc3cc2c1";

    @Test
    public void csvRowWithXyzIsEncodedFromItsCoordinates() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        Files.writeString(dir.resolve("a.xyz"), TestGeometry.xyzOf(ANTHRACENE, 50.0));
        Path csv = tmp.getRoot().toPath().resolve("a.csv");
        Files.writeString(csv, "molecule,smiles,GAP_eV\na," + ANTHRACENE + ",3.6\n");
        Dataset d = new CompasCsvReader().read(csv, CompasCsvReader.Options.of("GAP_eV").withXyzSource(dir));
        assertEquals(d.rejections().toString(), 1, d.size());
        assertAnthraceneAt(d.records().get(0), 50.0);
    }

    @Test
    public void sdfRecordWith3dCoordinatesIsEncodedFromThem() throws Exception {
        IAtomContainer m = layout(ANTHRACENE);
        double s = 1.40 / 1.5;
        for (IAtom a : m.atoms()) {
            a.setPoint3d(new Point3d(a.getPoint2d().x * s + 50.0, a.getPoint2d().y * s, 0.0));
            a.setPoint2d(null);
        }
        m.setProperty("GAP_eV", "3.6");
        Dataset d = new SdfDatasetReader().read(sdf(m), SdfDatasetReader.Options.of("GAP_eV"));
        assertEquals(d.rejections().toString(), 1, d.size());
        assertAnthraceneAt(d.records().get(0), 50.0);
    }

    @Test
    public void sdfRecordWithout3dCoordinatesFallsBackToTheLattice() throws Exception {
        IAtomContainer m = layout("c1ccc2c(c1)ccc1ccccc12"); // 2D only
        m.setProperty("GAP_eV", "4.7");
        Dataset d = new SdfDatasetReader().read(sdf(m), SdfDatasetReader.Options.of("GAP_eV"));
        assertEquals(d.rejections().toString(), 1, d.size());
        assertEquals(3, d.records().get(0).ringCount());
        assertEquals(2, fusedPairs(d.records().get(0)));
    }

    private static void assertAnthraceneAt(MoleculeRecord r, double x) {
        assertEquals(3, r.ringCount());
        assertEquals(2, fusedPairs(r));
        double meanX = 0;
        for (double[] c : r.gor().centroids()) {
            meanX += c[0] / 3;
        }
        assertEquals("ring nodes in the frame of the given coordinates", x, meanX, 1.0);
    }

    private static int fusedPairs(MoleculeRecord r) {
        int fused = 0;
        for (int i = 0; i < r.ringCount(); i++) {
            for (int j = i + 1; j < r.ringCount(); j++) {
                double d = r.gor().distance(i, j);
                if (d < 3.0) {
                    assertTrue("fused rings " + d + " Å apart", d > 2.35 && d < 2.5);
                    fused++;
                }
            }
        }
        return fused;
    }

    private static IAtomContainer layout(String smiles) throws Exception {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        new StructureDiagramGenerator().generateCoordinates(m);
        m.setTitle(smiles);
        return m;
    }

    private Path sdf(IAtomContainer m) throws Exception {
        StringWriter sw = new StringWriter();
        try (SDFWriter w = new SDFWriter(sw)) {
            w.write(m);
        }
        Path p = tmp.newFile().toPath();
        Files.writeString(p, sw.toString());
        return p;
    }
}
