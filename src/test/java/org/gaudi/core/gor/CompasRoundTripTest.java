package org.gaudi.core.gor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.gaudi.testutil.SharedData;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * GaUDI's "best test of the whole decoder" (§4.4) on COMPAS-1D (cata-condensed benzenoids): geometry → GOR →
 * decode → InChI, compared with the InChI of the CSV SMILES. By default every molecule with up to 8 rings and
 * every 40th larger one; {@code -Dgaudi.fullRoundTrip=true} runs all 8,678 (several minutes).
 */
public class CompasRoundTripTest {
    private static final class Row {
        final String id;
        final String smiles;
        final int rings;
        final String inchi;

        Row(String id, String smiles, int rings) throws Exception {
            this.id = id;
            this.smiles = smiles;
            this.rings = rings;
            this.inchi = MoleculeIdentity.ofSmiles(smiles).inchi();
        }
    }

    private static List<Row> rows;
    private static int total;

    @BeforeClass
    public static void load() throws Exception {
        Path csv = SharedData.compasB3lyp();
        boolean full = Boolean.getBoolean("gaudi.fullRoundTrip");
        rows = new ArrayList<>();
        int large = 0;
        try (Reader in = Files.newBufferedReader(csv);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord rec : p) {
                total++;
                int n = Integer.parseInt(rec.get("n_rings"));
                if (full || n <= 8 || large++ % 40 == 0) {
                    rows.add(new Row(rec.get("molecule"), rec.get("smiles"), n));
                }
            }
        }
    }

    /**
     * Planar lattice geometry built here (CDK 2-D layout, bonds scaled to 1.40 Å, z = 0) → encoder → decoder.
     * Helicene-type molecules have no faithful planar lattice geometry: their layout puts unfused rings on
     * neighbouring lattice sites (read as fused) or on top of each other. Every other molecule must round-trip.
     */
    @Test
    public void planarLatticeLayoutsRoundTripExceptHelicenes() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            IAtomContainer mol = Layouts.planar(r.smiles);
            GraphOfRings g = GorEncoder.encode(mol);
            assertEquals(r.id, r.rings, g.ringCount());
            if (!faithfulPlanarLayout(g)) {
                counts.merge("helicene-type (skipped)", 1, Integer::sum);
                continue;
            }
            DecodedMolecule d = GorDecoder.decode(g);
            boolean same = d.valid() && r.inchi.equals(d.inchi());
            counts.merge(same ? "round trip" : "FAILED", 1, Integer::sum);
            if (!same) {
                failures.add(r.id + " " + r.smiles + " " + d);
            }
        }
        System.out.println("COMPAS-1D planar-layout round trip (" + rows.size() + " of " + total + "): " + counts);
        assertTrue(failures.toString(), failures.isEmpty());
        assertTrue(counts.getOrDefault("round trip", 0) > rows.size() / 2);
    }

    /** A planar layout is a faithful GOR when its distance-based adjacency is exactly the fusion tree. */
    private static boolean faithfulPlanarLayout(GraphOfRings g) {
        boolean[][] adj = RingAdjacency.of(g);
        int edges = 0;
        for (int i = 0; i < g.ringCount(); i++) {
            for (int j = i + 1; j < g.ringCount(); j++) {
                edges += adj[i][j] ? 1 : 0;
                if (g.distance(i, j) < RingGeometryTables.minimumDistance(GorKind.CATA)) {
                    return false;
                }
            }
        }
        return edges == g.ringCount() - 1 && GorStability.check(g).passed(GeometryCheck.CONNECTED);
    }

    /**
     * Lattice geometry from the pah helper's {@link BenzenoidEmbedder} (helicenes relaxed in 3-D) → decoder.
     * GaUDI's inertia projection can mis-fuse strongly twisted helicenes; those are counted and reported. With the
     * unfolded layout every molecule must round-trip.
     */
    @Test
    public void benzenoidEmbedderGeometryRoundTrips() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> inertiaFailures = new ArrayList<>();
        for (Row r : rows) {
            GraphOfRings g = BenzenoidEmbedder.embed(MoleculeIdentity.parseSmiles(r.smiles));
            boolean planar = true;
            for (double[] c : g.centroids()) {
                planar &= Math.abs(c[2]) < 1e-9;
            }
            DecodedMolecule d = GorDecoder.decode(g);
            boolean same = d.valid() && r.inchi.equals(d.inchi());
            counts.merge((planar ? "planar" : "3-D") + " inertia " + (same ? "round trip" : "failed"), 1,
                    Integer::sum);
            if (!same) {
                inertiaFailures.add(r.id + " " + d.failure());
                if (planar) {
                    failures.add(r.id + " " + r.smiles + " (planar, inertia projection) " + d);
                }
            }
            if (!planar || !same) {
                DecodedMolecule u = GorDecoder.decode(g, GorKind.CATA, RingLayout.Projection.UNFOLDED);
                boolean ok = u.valid() && r.inchi.equals(u.inchi());
                counts.merge((planar ? "planar" : "3-D") + " unfolded " + (ok ? "round trip" : "failed"), 1,
                        Integer::sum);
                if (!ok) {
                    failures.add(r.id + " " + r.smiles + " " + u);
                }
            }
        }
        System.out.println("COMPAS-1D embedder round trip (" + rows.size() + " of " + total + "): " + counts
                + (inertiaFailures.isEmpty() ? "" : "; inertia-projection failures: " + inertiaFailures));
        assertTrue(failures.toString(), failures.isEmpty());
    }
}
