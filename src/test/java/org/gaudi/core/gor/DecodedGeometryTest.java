package org.gaudi.core.gor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.vecmath.Point3d;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.SdfDatasetReader;
import org.gaudi.core.diffusion.EdmModelFile;
import org.gaudi.core.diffusion.SampleResult;
import org.gaudi.core.diffusion.SamplingHook;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.model.ModelArchive;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * The 3-D structure of decoded molecules is chemistry, not the sampler's noise: bond lengths in the usual ranges,
 * no overlapping atoms, planar where the molecule is planar and a non-overlapping helix where it is a helicene; and
 * every design reads back through our own SDF reader as the same molecule.
 */
public class DecodedGeometryTest {
    private static final Path DEMO_EDM = Paths.get("models/demo-edm.gaudi-edm");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Bond-length ranges (Å) by element pair, the closest non-bonded heavy-atom pair, out-of-plane rms. */
    static final class Figures {
        final Map<String, double[]> bonds = new TreeMap<>();
        double minNonBondedHeavy = Double.POSITIVE_INFINITY;
        /** The same over pairs three or more bonds apart (what a clash or an overlapping helicene would show). */
        double minDistantHeavy = Double.POSITIVE_INFINITY;

        void add(IAtomContainer m) {
            for (IBond b : m.bonds()) {
                String key = pair(b.getBegin(), b.getEnd());
                double d = b.getBegin().getPoint3d().distance(b.getEnd().getPoint3d());
                bonds.merge(key, new double[] {d, d}, (x, y) -> new double[] {Math.min(x[0], y[0]),
                    Math.max(x[1], y[1])});
            }
            int n = m.getAtomCount();
            for (int i = 0; i < n; i++) {
                IAtom a = m.getAtom(i);
                for (int j = i + 1; j < n; j++) {
                    IAtom c = m.getAtom(j);
                    if (a.getAtomicNumber() > 1 && c.getAtomicNumber() > 1 && m.getBond(a, c) == null) {
                        double d = a.getPoint3d().distance(c.getPoint3d());
                        minNonBondedHeavy = Math.min(minNonBondedHeavy, d);
                        if (!shareNeighbour(m, a, c)) {
                            minDistantHeavy = Math.min(minDistantHeavy, d);
                        }
                    }
                }
            }
        }

        private static boolean shareNeighbour(IAtomContainer m, IAtom a, IAtom c) {
            for (IAtom x : m.getConnectedAtomsList(a)) {
                if (m.getBond(x, c) != null) {
                    return true;
                }
            }
            return false;
        }

        double[] range(String pair) {
            return bonds.getOrDefault(pair, new double[] {Double.NaN, Double.NaN});
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            bonds.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.3f-%.3f; ", k, v[0], v[1])));
            return sb + String.format(Locale.ROOT, "closest non-bonded heavy pair %.3f (3+ bonds apart %.3f)",
                    minNonBondedHeavy, minDistantHeavy);
        }

        private static String pair(IAtom a, IAtom b) {
            String x = a.getSymbol();
            String y = b.getSymbol();
            return x.compareTo(y) <= 0 ? x + "-" + y : y + "-" + x;
        }
    }

    /** Root-mean-square distance of the atoms from their best-fit plane. */
    static double outOfPlaneRms(IAtomContainer m) {
        int n = m.getAtomCount();
        double[] c = new double[3];
        for (IAtom a : m.atoms()) {
            Point3d p = a.getPoint3d();
            c[0] += p.x / n;
            c[1] += p.y / n;
            c[2] += p.z / n;
        }
        double[][] cov = new double[3][3];
        for (IAtom a : m.atoms()) {
            Point3d p = a.getPoint3d();
            double[] d = {p.x - c[0], p.y - c[1], p.z - c[2]};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    cov[i][j] += d[i] * d[j] / n;
                }
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
        double min = Math.min(ev[0], Math.min(ev[1], ev[2]));
        return Math.sqrt(Math.max(0, min));
    }

    private static void assertSane(Figures f, String what) {
        double[] cc = f.range("C-C");
        double[] ch = f.range("C-H");
        assertTrue(what + ": C-C " + cc[0] + "-" + cc[1], cc[0] >= 1.38 && cc[1] <= 1.42);
        assertTrue(what + ": C-H " + ch[0] + "-" + ch[1], ch[0] >= 1.07 && ch[1] <= 1.09);
        assertTrue(what + ": closest non-bonded heavy atoms " + f.minNonBondedHeavy, f.minNonBondedHeavy >= 2.0);
        assertTrue(what + ": closest heavy atoms 3+ bonds apart " + f.minDistantHeavy, f.minDistantHeavy >= 2.6);
    }

    @Test
    public void planarBenzenoidsStayPlanarWithIdealBonds() {
        GraphOfRings phenanthrene = Lattice.cata(Lattice.at(0, 0), Lattice.at(1, 0), Lattice.at(1, 1));
        // noisy ring positions, as a sampler gives them: bonds must still come out ideal
        GraphOfRings noisy = GraphOfRings.benzenoid(new double[][] {{0.1, -0.05, 0.02}, {2.30, 0.12, -0.03},
            {3.75, 2.05, 0.05}});
        for (GraphOfRings g : List.of(phenanthrene, noisy)) {
            DecodedMolecule d = GorDecoder.decode(g);
            assertTrue(d.toString(), d.valid());
            Figures f = new Figures();
            f.add(d.molecule());
            assertSane(f, "phenanthrene");
            assertTrue("out of plane " + outOfPlaneRms(d.molecule()), outOfPlaneRms(d.molecule()) < 1e-3);
            // the depiction keeps the decoder's 2-D layout
            assertTrue(d.molecule().getAtom(0).getPoint2d() != null);
        }
    }

    /** Benzofuran, benzothiophene and a benzopyridine: hetero bonds in their usual ranges, flat. */
    @Test
    public void heteroRingsGetUsualBondLengthsAndStayFlat() {
        Object[][] cases = {{RingType.Fu, "C-O", 1.33, 1.42}, {RingType.Th, "C-S", 1.65, 1.78},
            {RingType.Pd, "C-N", 1.30, 1.38}};
        for (Object[] c : cases) {
            RingType t = (RingType) c[0];
            double[] w = RingGeometryTables.distanceWindow(GorKind.HETERO, RingType.Bn, t);
            double[][] centres = {{0, 0, 0}, {(w[0] + w[1]) / 2, 0, 0}};
            double a = Math.toRadians(72);
            double[][] orientation = {centres[0], {centres[1][0] + 1.3 * Math.cos(a), 1.3 * Math.sin(a), 0}};
            DecodedMolecule d = GorDecoder.decode(new GraphOfRings(new RingType[] {RingType.Bn, t}, centres,
                    orientation));
            assertTrue(d.toString(), d.chemicallyValid());
            Figures f = new Figures();
            f.add(d.molecule());
            System.out.printf(Locale.ROOT, "benzo-%s: %s%n", t.key(), f);
            double[] hetero = f.range((String) c[1]);
            assertTrue(t.key() + " " + c[1] + " " + hetero[0] + "-" + hetero[1],
                    hetero[0] >= (Double) c[2] && hetero[1] <= (Double) c[3]);
            double[] cc = f.range("C-C");
            assertTrue(t.key() + " C-C " + cc[0] + "-" + cc[1], cc[0] >= 1.36 && cc[1] <= 1.44);
            assertTrue(outOfPlaneRms(d.molecule()) < 1e-3);
        }
    }

    @Test
    public void helicenesAreHelicalAndDoNotOverlap() {
        for (int rings : new int[] {5, 6, 8}) {
            DecodedMolecule d = GorDecoder.decode(RingLayoutTest.helix(rings, 25));
            assertTrue(d.toString(), d.chemicallyValid());
            Figures f = new Figures();
            f.add(d.molecule());
            System.out.printf(Locale.ROOT, "[%d]helicene: out-of-plane rms %.2f A; %s%n", rings,
                    outOfPlaneRms(d.molecule()), f);
            assertSane(f, "[" + rings + "]helicene");
            assertTrue("[" + rings + "]helicene must not be flat", outOfPlaneRms(d.molecule()) > 0.3);
            assertTrue("[" + rings + "]helicene layers must not touch: " + f.minDistantHeavy,
                    f.minDistantHeavy > 2.6);
        }
    }

    /**
     * A few hundred designs of the shipped demo EDM (30 respaced steps): each valid one has sane bonds and no
     * overlapping atoms, and the SDF we write reads back through our own reader with the same InChI.
     */
    @Test
    public void sampledDesignsHaveSaneGeometryAndReadBackAsTheSameMolecule() throws Exception {
        List<DecodedMolecule> valid = new ArrayList<>();
        int sampled = 300;
        long start = System.nanoTime();
        try (NDManager manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            Djl.run(() -> {
                EdmModelFile.Loaded edm = EdmModelFile.load(ModelArchive.read(DEMO_EDM), manager);
                SampleResult r = edm.diffusion().sample(new ParameterStore(manager, false), manager, sampled,
                        edm.ringCounts(), new SamplingOptions(13, 1.0, 30), SamplingHook.none());
                for (GraphOfRings g : r.graphs()) {
                    DecodedMolecule d = GorDecoder.decode(g);
                    if (d.valid()) {
                        valid.add(d);
                    }
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue("too few valid designs to judge: " + valid.size(), valid.size() >= 100);
        Figures f = new Figures();
        Path sdf = tmp.getRoot().toPath().resolve("designs.sdf");
        Map<String, String> inchiById = new HashMap<>();
        try (Writer w = Files.newBufferedWriter(sdf, StandardCharsets.UTF_8)) {
            for (int i = 0; i < valid.size(); i++) {
                DecodedMolecule d = valid.get(i);
                f.add(d.molecule());
                String id = "design-" + i;
                inchiById.put(id, d.inchi());
                w.write(d.toSdf(id, Map.of()));
            }
        }
        Dataset back = new SdfDatasetReader().read(sdf, SdfDatasetReader.Options.of());
        int same = 0;
        for (MoleculeRecord rec : back.records()) {
            if (MoleculeIdentity.ofSmiles(rec.smiles()).inchi().equals(inchiById.get(rec.id()))) {
                same++;
            }
        }
        System.out.printf(Locale.ROOT, "demo EDM: %d of %d designs valid (%.1f s incl. sampling); %s; SDF read back "
                + "with the same InChI: %d/%d; rejected %s%n", valid.size(), sampled, seconds, f, same, valid.size(),
                back.rejections());
        assertSane(f, "sampled designs");
        assertEquals("rejected on reading back: " + back.rejections(), 0, back.rejections().size());
        assertEquals("read back as the same molecule", valid.size(), same);
    }
}
