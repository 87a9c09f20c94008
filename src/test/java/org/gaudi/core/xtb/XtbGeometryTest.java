package org.gaudi.core.xtb;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.pah.CataBenzenoid;
import org.junit.Test;

/** xtb input from our molecules: explicit H, 3-D points, charge and spin. */
public class XtbGeometryTest {

    private static CataBenzenoid naphthalene() {
        return CataBenzenoid.fromId(EmbeddedDataset.generate(2, 2, i -> { }).records().get(0).id());
    }

    @Test
    public void aDecodedHeteroMoleculeBecomesClosedShellXyz() {
        MoleculeRecord r = EmbeddedDataset.generate(EmbeddedDataset.Space.HETERO, 2, 2, i -> { }).records().stream()
                .filter(m -> m.smiles().contains("n") || m.smiles().contains("s")).findFirst().orElseThrow();
        XtbGeometry g = XtbOracleComparison.geometry(r, GorKind.HETERO);
        DecodedMolecule d = GorDecoder.decode(r.gor(), GorKind.HETERO);
        assertEquals(d.molecule().getAtomCount(), g.elements().length);
        assertTrue(Arrays.asList(g.elements()).contains("H"));
        assertEquals(0, g.charge());
        assertEquals(0, g.unpairedElectrons());
        String xyz = g.toXyz("t");
        assertEquals(g.elements().length + 2, xyz.split("\n").length);
        assertTrue(xyz.startsWith(g.elements().length + "\nt\n"));
    }

    @Test
    public void theSdRecordOfADesignGivesTheSameGeometry() throws Exception {
        DecodedMolecule d = GorDecoder.decode(naphthalene().gor());
        XtbGeometry direct = XtbGeometry.of(d.molecule());
        XtbGeometry fromSdf = XtbGeometry.fromSdf(d.toSdf("design-0001", Map.of("valid", true)));
        assertArrayEquals(direct.elements(), fromSdf.elements());
        for (int i = 0; i < direct.xyz().length; i++) {
            assertArrayEquals(direct.xyz()[i], fromSdf.xyz()[i], 1e-4); // V2000 keeps 4 decimals
        }
    }

    @Test
    public void moleculesXtbWouldMisreadAreRefused() {
        // the enumerator's molecule has implicit H and no 3-D points
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XtbGeometry.of(naphthalene().molecule()));
        assertTrue(e.getMessage(), e.getMessage().contains("no 3-D point"));
        // an odd electron count (a methyl radical) asks for one unpaired electron
        XtbGeometry radical = new XtbGeometry(new String[] {"C", "H", "H", "H"},
                new double[][] {{0, 0, 0}, {1.08, 0, 0}, {-0.54, 0.94, 0}, {-0.54, -0.94, 0}}, 0);
        assertEquals(1, radical.unpairedElectrons());
        assertEquals(0, new XtbGeometry(radical.elements(), radical.xyz(), 1).unpairedElectrons());
    }
}
