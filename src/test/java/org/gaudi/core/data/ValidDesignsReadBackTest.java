package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.InvalidReason;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * A design's validity and the readers' acceptance are one rule ({@code RingSystemRule}): a valid design reads back
 * through our own readers, and what the readers reject is not called valid. The crowded case is a sampled layout
 * around a coronene core, which GaUDI's pairwise fusion turns into atoms with four neighbours and an 8-membered
 * ring: chemically sound valences, yet no GaUDI molecule.
 */
public class ValidDesignsReadBackTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Seven benzene nodes of a jittered coronene layout (a centre ring and six around it). */
    private static final double[][] CORONENE_CORE = {
        {0.6475, -0.7608, 0.6719}, {2.7160, -0.3281, 0.0464}, {-2.2332, 0.0837, -0.4669},
        {1.4538, 1.8314, 0.0642}, {-0.8645, -1.6911, -0.4794}, {0.9160, -3.1409, 0.0662},
        {-0.9594, 1.8072, 0.0941}};

    @Test
    public void aCoroneneCoreDesignIsInvalidAndRejectedForTheSameReason() throws Exception {
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(CORONENE_CORE));
        assertFalse("chemically valid: " + d, d.chemicallyValid());
        assertEquals(InvalidReason.NOT_A_RING_SYSTEM, d.chemicalFailure());
        String smiles = new SmilesGenerator(SmiFlavor.Unique).create(d.molecule());
        Path csv = tmp.getRoot().toPath().resolve("designs.csv");
        Files.writeString(csv, "molecule,smiles\ncore," + smiles + "\nnaph,c1ccc2ccccc2c1\n");
        Dataset read = new CompasCsvReader().read(csv, CompasCsvReader.Options.of());
        assertEquals(1, read.rejections().size());
        Rejection r = read.rejections().get(0);
        assertEquals("core", r.id());
        assertEquals("the reader names the rule the decoder applied", d.chemicalFailureMessage().replaceAll("\\d+",
                "#"), r.detail().replaceAll("\\d+", "#"));
    }

    @Test
    public void aValidDesignReadsBackFromItsSdfWithTheSameInchi() throws Exception {
        double f = Math.sqrt(3) * 1.4; // fused benzene rings on the lattice: phenanthrene
        DecodedMolecule d = GorDecoder.decode(GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {f, 0, 0},
            {1.5 * f, f * Math.sqrt(3) / 2, 0}}));
        assertTrue(d.failureMessage(), d.valid());
        Path sdf = tmp.getRoot().toPath().resolve("designs.sdf");
        Files.writeString(sdf, d.toSdf("phen", Map.of()));
        Dataset read = new SdfDatasetReader().read(sdf, SdfDatasetReader.Options.of());
        assertEquals(read.rejections().toString(), 1, read.size());
        assertTrue("3D coordinates used", read.geometryFallbacks().isEmpty());
        assertEquals(d.inchi(), MoleculeIdentity.ofSmiles(read.records().get(0).smiles()).inchi());
    }

    @Test
    public void coroneneItselfIsNoGaudiMoleculeForEitherSide() throws Exception {
        double f = Math.sqrt(3) * 1.4;
        double[][] c = new double[7][];
        c[0] = new double[] {0, 0, 0};
        for (int k = 0; k < 6; k++) {
            c[k + 1] = new double[] {f * Math.cos(Math.PI / 6 + k * Math.PI / 3),
                f * Math.sin(Math.PI / 6 + k * Math.PI / 3), 0};
        }
        assertFalse(GorDecoder.decode(GraphOfRings.benzenoid(c)).chemicallyValid());
        Path csv = tmp.getRoot().toPath().resolve("coronene.csv");
        Files.writeString(csv, "molecule,smiles\ncoronene,c1cc2ccc3ccc4ccc5ccc6ccc1c1c2c3c4c5c61\nnaph,c1ccc2ccccc2c1\n");
        Rejection r = new CompasCsvReader().read(csv, CompasCsvReader.Options.of()).rejections().get(0);
        assertEquals(RejectionReason.UNSUPPORTED_STRUCTURE, r.reason());
        assertTrue(r.detail(), r.detail().contains("is shared by three rings (peri-condensed)"));
    }
}
