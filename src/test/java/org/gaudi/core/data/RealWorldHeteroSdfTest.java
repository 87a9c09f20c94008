package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.vecmath.Point3d;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.chem.RingSystemConformer;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.RingType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.SDFWriter;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * A PACHQA-like case: real-world heteroaromatics that mix one of GaUDI's hetero rings with benzene rings, given as an
 * SD file with 3-D coordinates and hydrogens (as quantum-chemistry sets ship them), read by the production SDF reader
 * (geometry-based encoding), each decoded back to the same InChI; and fluoranthene, whose all-carbon five-membered
 * ring is no GaUDI ring type, rejected with that reason. The coordinates are made here (CDK layout, then our
 * {@link RingSystemConformer}), so no third-party data is involved.
 */
public class RealWorldHeteroSdfTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** name → SMILES; the expected hetero ring type of each. */
    private static final Map<String, String> SMILES = Map.of(
            "dibenzothiophene", "c1ccc2c(c1)sc1ccccc12",
            "carbazole", "c1ccc2c(c1)[nH]c1ccccc12",
            "dibenzofuran", "c1ccc2c(c1)oc1ccccc12",
            "acridine", "c1ccc2nc3ccccc3cc2c1",
            "fluoranthene", "c1ccc2c(c1)-c1cccc3cccc-2c13");
    private static final Map<String, RingType> HETERO_RING = Map.of("dibenzothiophene", RingType.Th, "carbazole",
            RingType.Pl, "dibenzofuran", RingType.Fu, "acridine", RingType.Pd);

    /**
     * The molecule with explicit hydrogens and relaxed 3-D coordinates only (no 2-D points in the file), turned out of
     * the xy plane and moved, as a quantum-chemistry geometry would be.
     */
    private static IAtomContainer with3d(String name) throws Exception {
        IAtomContainer m = MoleculeIdentity.parseSmiles(SMILES.get(name));
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
        new StructureDiagramGenerator().generateCoordinates(m);
        RingSystemConformer.embed(m);
        double ca = Math.cos(0.7);
        double sa = Math.sin(0.7);
        double cb = Math.cos(-0.4);
        double sb = Math.sin(-0.4);
        for (IAtom a : m.atoms()) {
            Point3d p = a.getPoint3d();
            double y = p.y * ca - p.z * sa; // about x, then about y
            double z = p.y * sa + p.z * ca;
            a.setPoint3d(new Point3d(p.x * cb + z * sb + 3.0, y - 1.5, -p.x * sb + z * cb + 0.8));
            a.setPoint2d(null);
        }
        m.setTitle(name);
        return m;
    }

    @Test
    public void heteroaromaticsRoundTripAndAFiveMemberedCarbocycleIsRejected() throws Exception {
        List<String> names = List.of("dibenzothiophene", "carbazole", "fluoranthene", "dibenzofuran", "acridine");
        Map<String, String> wantInchi = new HashMap<>();
        StringWriter sw = new StringWriter();
        try (SDFWriter w = new SDFWriter(sw)) {
            for (String n : names) {
                IAtomContainer m = with3d(n);
                wantInchi.put(n, MoleculeIdentity.inchi(MoleculeIdentity.parseSmiles(SMILES.get(n))));
                w.write(m);
            }
        }
        String text = sw.toString();
        assertTrue("the file carries 3-D coordinates", text.contains("3D"));
        Path file = tmp.getRoot().toPath().resolve("pachqa-like.sdf");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));

        Dataset d = new SdfDatasetReader().read(file, SdfDatasetReader.Options.of());
        assertEquals(d.rejections().toString(), 4, d.size());
        for (MoleculeRecord r : d.records()) {
            assertEquals(r.id(), 3, r.ringCount());
            assertTrue(r.id() + " carries its hetero ring: " + r.gor(), java.util.Arrays.asList(r.gor()
                    .types()).contains(HETERO_RING.get(r.id())));
            DecodedMolecule back = GorDecoder.decode(r.gor(), GorKind.HETERO);
            assertTrue(r.id() + ": " + back.failureMessage(), back.valid());
            assertEquals(r.id() + " decodes to the same molecule", wantInchi.get(r.id()), back.inchi());
        }

        assertEquals(1, d.rejections().size());
        Rejection f = d.rejections().get(0);
        assertEquals("fluoranthene", f.id());
        assertEquals(RejectionReason.UNKNOWN_RING_TYPE, f.reason());
        String why = f.detail().toLowerCase(java.util.Locale.ROOT);
        assertTrue("the reason names the all-carbon five-membered ring: " + f.detail(), why.contains("5")
                || why.contains("five"));
        assertTrue("the reason says it is all carbon: " + f.detail(), why.contains("carbon") || why.contains("c5")
                || why.contains("cccc"));
    }
}
