package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** Bond order 4 ("aromatic") in a molfile is read for carbon rings and rejected with its own reason otherwise. */
public class SdfAromaticBondTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** A V2000 record of the SMILES, 3D (z = 0, 1.40 Å bonds), every ring bond written as order 4. */
    private static String record(String smiles, String title, String element) throws Exception {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        new StructureDiagramGenerator().generateCoordinates(m);
        StringBuilder sb = new StringBuilder(title + "\n  test\n\n");
        sb.append(String.format(Locale.ROOT, "%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", m.getAtomCount(),
                m.getBondCount()));
        for (IAtom a : m.atoms()) {
            sb.append(String.format(Locale.ROOT, "%10.4f%10.4f%10.4f %-3s 0  0  0  0  0  0  0  0  0  0  0  0%n",
                    a.getPoint2d().x * 1.40 / 1.5, a.getPoint2d().y * 1.40 / 1.5, 0.0,
                    m.indexOf(a) == 0 ? element : "C"));
        }
        for (IBond b : m.bonds()) {
            sb.append(String.format(Locale.ROOT, "%3d%3d  4  0  0  0  0%n", m.indexOf(b.getBegin()) + 1,
                    m.indexOf(b.getEnd()) + 1));
        }
        return sb.append("M  END\n$$$$\n").toString();
    }

    @Test
    public void aromaticCarbonRingsAreKekulizedAndHeteroatomsGetAClearReason() throws Exception {
        Path sdf = tmp.getRoot().toPath().resolve("arom.sdf");
        Files.writeString(sdf, record("c1ccc2ccccc2c1", "naph", "C") + record("c1ccc2ccccc2c1", "aza", "N"));
        Dataset d = new SdfDatasetReader().read(sdf, SdfDatasetReader.Options.of());
        assertEquals(1, d.size());
        assertEquals("c1ccc2ccccc2c1", d.records().get(0).smiles());
        assertEquals(2, d.records().get(0).gor().ringCount());
        Rejection r = d.rejections().get(0);
        assertEquals(RejectionReason.MALFORMED_RECORD, r.reason());
        assertTrue(r.detail(), r.detail().contains("has order 4 (aromatic) at a N atom"));
        assertTrue(r.toString(), !r.toString().contains("wrong number of fields"));
    }
}
