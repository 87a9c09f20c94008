package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Where a record's geometry comes from is never switched silently: a missing xyz file or an SD record without 3D
 * coordinates falls back to the lattice and is listed per reason; an xyz source that matches nothing is an error;
 * coordinates at drawing scale are rejected. Production strategies (encoder and lattice embedder).
 */
public class GeometrySourceTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String NAPHTHALENE = "c1ccc2ccccc2c1";
    private static final String ANTHRACENE = "c1ccc2cc3ccccc3cc2c1";

    @Test
    public void aMissingXyzFileIsAListedFallback() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        Files.writeString(dir.resolve("a.xyz"), xyz(ANTHRACENE, 1.40, 1.08));
        Path csv = csv("a," + ANTHRACENE + "\nn," + NAPHTHALENE + "\n");
        Dataset d = new CompasCsvReader().read(csv, CompasCsvReader.Options.of().withXyzSource(dir));
        assertEquals(d.rejections().toString(), 2, d.size());
        assertEquals(List.of(new GeometryFallback(csv.toString(), 3, "n", FallbackReason.NO_XYZ_FILE)),
                d.geometryFallbacks());
        assertEquals(Map.of(FallbackReason.NO_XYZ_FILE, 1), d.fallbackCounts());
    }

    @Test
    public void anXyzSourceMatchingNoMoleculeIsAnError() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        Files.writeString(dir.resolve("other.xyz"), xyz(NAPHTHALENE, 1.40, 1.08));
        Path csv = csv("a," + ANTHRACENE + "\nn," + NAPHTHALENE + "\n");
        try {
            new CompasCsvReader().read(csv, CompasCsvReader.Options.of().withXyzSource(dir));
            fail("every molecule would have fallen back to the lattice");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("xyz source " + dir + " has no <molecule>.xyz file"
                    + " for any of the 2 molecules looked up (the first wanted was a.xyz)"));
        }
    }

    @Test
    public void xyzAtDrawingScaleIsRejectedNotEncoded() throws Exception {
        Path dir = tmp.newFolder("xyz").toPath();
        Files.writeString(dir.resolve("a.xyz"), xyz(ANTHRACENE, 0.825, 0)); // fused rings 1.43 Å apart
        Files.writeString(dir.resolve("n.xyz"), xyz(NAPHTHALENE, 1.40, 1.08));
        Dataset d = new CompasCsvReader().read(csv("a," + ANTHRACENE + "\nn," + NAPHTHALENE + "\n"),
                CompasCsvReader.Options.of().withXyzSource(dir));
        assertEquals(1, d.size());
        Rejection r = d.rejections().get(0);
        assertEquals(RejectionReason.MALFORMED_XYZ, r.reason());
        assertTrue(r.detail(), r.detail().contains("a.xyz: implausible coordinates: bond C")
                && r.detail().contains(" is 0.83 Å, expected 1.14–1.90 Å"));
    }

    @Test
    public void sdRecordsWithoutUsable3dCoordinatesAreCountedPerReason() throws Exception {
        String flat2d = molfile(NAPHTHALENE, "2D", 1.5, false);
        String zeros = molfile(NAPHTHALENE, "3D", 0, false);
        String real = molfile(ANTHRACENE, "3D", 1.40, true);
        Path sdf = tmp.getRoot().toPath().resolve("m.sdf");
        Files.writeString(sdf, flat2d + "$$$$\n" + zeros + "$$$$\n" + real + "$$$$\n");
        Dataset d = new SdfDatasetReader().read(sdf, SdfDatasetReader.Options.of());
        assertEquals(d.rejections().toString(), 3, d.size());
        assertEquals(List.of(new GeometryFallback(sdf.toString(), 1, "record-1", FallbackReason.SDF_2D_COORDINATES),
                new GeometryFallback(sdf.toString(), 2, "record-2", FallbackReason.SDF_NO_COORDINATES)),
                d.geometryFallbacks());
    }

    @Test
    public void sdRecordsFlagged3dButDrawnAreRejected() throws Exception {
        String small = molfile(ANTHRACENE, "3D", 0.825, false); // the common editor scale: rings 1.43 Å apart
        String drawn = molfile(ANTHRACENE, "3D", 1.5, false); // a 2D layout at 1.5 units saved as 3D
        String real = molfile(NAPHTHALENE, "3D", 1.40, true);
        Path sdf = tmp.getRoot().toPath().resolve("d.sdf");
        Files.writeString(sdf, small + "$$$$\n" + drawn + "$$$$\n" + real + "$$$$\n");
        Dataset d = new SdfDatasetReader().read(sdf, SdfDatasetReader.Options.of());
        assertEquals(1, d.size());
        assertEquals(2, d.rejections().size());
        for (Rejection r : d.rejections()) {
            assertEquals(r.toString(), RejectionReason.BAD_GEOMETRY, r.reason());
            assertTrue(r.detail(), r.detail().startsWith("3D coordinates: implausible coordinates: "));
        }
        assertTrue(d.rejections().get(0).detail(), d.rejections().get(0).detail().contains("drawn at depiction"
                + " scale?"));
        assertTrue(d.rejections().get(1).detail(), d.rejections().get(1).detail().contains("all 16 bonds are 1.50 Å"
                + " long and every atom lies in one plane z = 0.00: this is a 2D drawing saved as 3D"));
        assertTrue(d.geometryFallbacks().isEmpty());
    }

    private Path csv(String rows) throws Exception {
        Path f = tmp.getRoot().toPath().resolve("m.csv");
        Files.writeString(f, "molecule,smiles\n" + rows);
        return f;
    }

    /** A CDK layout with aromatic bonds {@code cc} Å long and explicit H at {@code ch} Å (0 for none), z = 0. */
    private static IAtomContainer layout(String smiles, double cc, double ch) throws Exception {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        if (ch > 0) {
            org.openscience.cdk.tools.manipulator.AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
        }
        new StructureDiagramGenerator().generateCoordinates(m);
        for (IAtom a : m.atoms()) {
            a.getPoint2d().scale(cc / 1.5); // SDG draws bonds 1.5 long
        }
        if (ch > 0) { // SDG draws C–H as long as C–C: shorten them towards their carbon
            for (IAtom h : m.atoms()) {
                if ("H".equals(h.getSymbol())) {
                    IAtom c = m.getConnectedAtomsList(h).get(0);
                    javax.vecmath.Point2d p = new javax.vecmath.Point2d(h.getPoint2d());
                    p.sub(c.getPoint2d());
                    p.scale(ch / p.distance(new javax.vecmath.Point2d()));
                    p.add(c.getPoint2d());
                    h.setPoint2d(p);
                }
            }
        }
        return m;
    }

    private static String xyz(String smiles, double cc, double ch) throws Exception {
        IAtomContainer m = layout(smiles, cc, ch);
        StringBuilder sb = new StringBuilder().append(m.getAtomCount()).append("\n").append(smiles).append('\n');
        for (IAtom a : m.atoms()) {
            sb.append(String.format(Locale.ROOT, "%s %.5f %.5f 0.0%n", a.getSymbol(), a.getPoint2d().x,
                    a.getPoint2d().y));
        }
        return sb.toString();
    }

    /** A V2000 molfile with the given dimension flag; bond scale 0 writes all-zero coordinates. */
    private static String molfile(String smiles, String dim, double cc, boolean withH) throws Exception {
        IAtomContainer m = layout(smiles, cc == 0 ? 1.5 : cc, withH ? 1.08 : 0);
        org.openscience.cdk.aromaticity.Kekulization.kekulize(m);
        StringBuilder sb = new StringBuilder("\n  test    0101000000" + dim + "\n\n");
        sb.append(String.format(Locale.ROOT, "%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", m.getAtomCount(),
                m.getBondCount()));
        for (IAtom a : m.atoms()) {
            double x = cc == 0 ? 0 : a.getPoint2d().x;
            double y = cc == 0 ? 0 : a.getPoint2d().y;
            sb.append(String.format(Locale.ROOT, "%10.4f%10.4f%10.4f %-3s 0  0  0  0  0  0  0  0  0  0  0  0%n", x, y,
                    0.0, a.getSymbol()));
        }
        for (org.openscience.cdk.interfaces.IBond b : m.bonds()) {
            sb.append(String.format(Locale.ROOT, "%3d%3d%3d  0  0  0  0%n", m.indexOf(b.getBegin()) + 1,
                    m.indexOf(b.getEnd()) + 1, b.getOrder().numeric()));
        }
        return sb.append("M  END\n").toString();
    }
}
