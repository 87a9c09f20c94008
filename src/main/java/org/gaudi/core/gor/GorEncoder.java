package org.gaudi.core.gor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.vecmath.Point2d;
import javax.vecmath.Point3d;

import org.gaudi.core.chem.DisjointSets;
import org.gaudi.core.chem.CovalentRadii;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.exception.Intractable;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Molecule with heavy-atom coordinates → graph of rings (GaUDI §2.5, §3).
 * <ol>
 * <li>Coordinates: each atom's 3D point in Å; a molecule whose atoms only have 2D points is read with z = 0.</li>
 * <li>Bonds: the molecule's own bonds, or, when it has none (e.g. read from xyz), GaUDI's rule
 * d ≤ 1.3 × (r_i + r_j) with Alvarez radii. Hydrogens are left out of ring perception.</li>
 * <li>Rings: the minimum cycle basis of the heavy-atom graph (CDK {@code Cycles.mcb}), in CDK's order.</li>
 * <li>Type: the ring's sorted element string against the {@link RingType} templates in one-hot order. The
 * {B,B,C,C,C,C} ring is always typed {@link RingType#Db}: GaUDI asks whether the ring's first boron has an H
 * neighbour in the H-free graph, which is never true, so {@link RingType#DhDb} is never produced (reference quirk,
 * kept so encoded data match the reference models; GaUDI's distance table has no DhDb entries either).</li>
 * <li>Node = mean of the ring's heavy-atom coordinates. Orientation node (hetero layout): the centroid for Bn/Cbd,
 * else a non-carbon ring atom; with two candidates (Pz, Db) the one with the lower atom index, or a random one when
 * a {@link Random} is given (GaUDI re-draws it every time a sample is loaded); the other candidate is kept as the
 * ring's orientation alternative, so training can re-draw it ({@link GraphOfRings#withOrientationDrawn}).</li>
 * </ol>
 * Unlike the reference, which silently ignores them, heavy atoms outside rings and molecules with more than one ring
 * system are rejected ({@link GorEncodingException.Reason#UNSUPPORTED_TOPOLOGY}), because the graph of rings could
 * not carry them and decoding would give a different molecule.
 */
public final class GorEncoder {
    private GorEncoder() {
    }

    /**
     * Encodes a molecule; the kind is chosen automatically: cata layout (no orientation nodes) when every ring is
     * Bn, else hetero layout with deterministic orientation nodes.
     *
     * @throws GorEncodingException with a reason when the molecule has no usable rings or geometry
     */
    public static GraphOfRings encode(IAtomContainer molecule) throws GorEncodingException {
        return encode(molecule, null, null);
    }

    /** As {@link #encode(IAtomContainer)}, drawing each two-candidate orientation node with {@code random}. */
    public static GraphOfRings encode(IAtomContainer molecule, Random random) throws GorEncodingException {
        return encode(molecule, null, random);
    }

    /**
     * Encodes a molecule for a given dataset kind.
     *
     * @param kind   CATA (Bn rings only, no orientation nodes), HETERO (orientation node for every ring, also for
     *               all-benzenoid molecules), or null to choose automatically
     * @param random source for choosing between two orientation candidates; null picks the lower atom index
     */
    public static GraphOfRings encode(IAtomContainer molecule, GorKind kind, Random random)
            throws GorEncodingException {
        int n = molecule.getAtomCount();
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = atomicNumber(molecule.getAtom(i), i);
        }
        double[][] xyz = coordinates(molecule);
        int[][] graph = heavyAtomGraph(molecule, z, xyz);

        int[][] paths;
        try {
            paths = Cycles.mcb().find(molecule, graph, n).paths();
        } catch (Intractable e) {
            throw new GorEncodingException(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY,
                    "ring perception failed: " + e.getMessage());
        }
        if (paths.length == 0) {
            throw new GorEncodingException(GorEncodingException.Reason.NO_RINGS, "the molecule has no ring");
        }
        int[][] rings = new int[paths.length][];
        for (int r = 0; r < paths.length; r++) {
            rings[r] = Arrays.copyOf(paths[r], paths[r].length - 1); // CDK paths repeat the first atom at the end
        }
        checkTopology(rings, z, n);

        RingType[] types = new RingType[rings.length];
        double[][] centroids = new double[rings.length][];
        for (int r = 0; r < rings.length; r++) {
            types[r] = ringType(rings[r], z, r);
            if (kind == GorKind.CATA && types[r] != RingType.Bn) {
                throw new GorEncodingException(GorEncodingException.Reason.UNKNOWN_RING_TYPE,
                        "ring " + r + " is of type " + types[r].key() + "; the cata ring set has only Bn");
            }
            double[] c = new double[3];
            for (int a : rings[r]) {
                for (int k = 0; k < 3; k++) {
                    c[k] += xyz[a][k];
                }
            }
            for (int k = 0; k < 3; k++) {
                c[k] /= rings[r].length;
            }
            centroids[r] = c;
        }
        GorKind effective = kind != null ? kind : allBenzene(types) ? GorKind.CATA : GorKind.HETERO;
        double[][] orientation = null;
        double[][] alternatives = null;
        if (effective == GorKind.HETERO) {
            orientation = new double[rings.length][];
            alternatives = new double[rings.length][];
            for (int r = 0; r < rings.length; r++) {
                double[][] pick = orientationNode(rings[r], z, xyz, centroids[r], random);
                orientation[r] = pick[0];
                alternatives[r] = pick[1];
            }
        }
        return new GraphOfRings(types, centroids, orientation, alternatives);
    }

    private static boolean allBenzene(RingType[] types) {
        for (RingType t : types) {
            if (t != RingType.Bn) {
                return false;
            }
        }
        return true;
    }

    private static int atomicNumber(IAtom atom, int index) throws GorEncodingException {
        Integer z = atom.getAtomicNumber();
        if (z == null || z <= 0) {
            Elements e = atom.getSymbol() == null ? null : Elements.ofString(atom.getSymbol());
            z = e == null ? 0 : e.number();
        }
        if (z <= 0) {
            throw new GorEncodingException(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY,
                    "atom " + index + " (" + atom.getSymbol() + ") is not a chemical element");
        }
        return z;
    }

    private static double[][] coordinates(IAtomContainer mol) throws GorEncodingException {
        int n = mol.getAtomCount();
        boolean all3d = true;
        boolean all2d = true;
        boolean any = false;
        for (IAtom a : mol.atoms()) {
            all3d &= a.getPoint3d() != null;
            all2d &= a.getPoint2d() != null;
            any |= a.getPoint3d() != null || a.getPoint2d() != null;
        }
        if (!any) {
            throw new GorEncodingException(GorEncodingException.Reason.NO_GEOMETRY,
                    "the molecule has no atom coordinates");
        }
        if (!all3d && !all2d) {
            for (int i = 0; i < n; i++) {
                if (mol.getAtom(i).getPoint3d() == null) {
                    throw new GorEncodingException(GorEncodingException.Reason.BAD_GEOMETRY,
                            "atom " + i + " (" + mol.getAtom(i).getSymbol() + ") has no 3D coordinates");
                }
            }
        }
        double[][] xyz = new double[n][3];
        for (int i = 0; i < n; i++) {
            IAtom a = mol.getAtom(i);
            if (all3d) {
                Point3d p = a.getPoint3d();
                xyz[i] = new double[] {p.x, p.y, p.z};
            } else {
                Point2d p = a.getPoint2d();
                xyz[i] = new double[] {p.x, p.y, 0.0};
            }
            if (!Double.isFinite(xyz[i][0]) || !Double.isFinite(xyz[i][1]) || !Double.isFinite(xyz[i][2])) {
                throw new GorEncodingException(GorEncodingException.Reason.BAD_GEOMETRY,
                        "atom " + i + " (" + a.getSymbol() + ") has non-finite coordinates");
            }
        }
        return xyz;
    }

    /** Heavy-atom adjacency over all atom indices (H atoms isolated). */
    private static int[][] heavyAtomGraph(IAtomContainer mol, int[] z, double[][] xyz) throws GorEncodingException {
        int n = z.length;
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>(4));
        }
        if (mol.getBondCount() > 0) {
            for (IBond b : mol.bonds()) {
                if (b.getAtomCount() != 2) {
                    continue;
                }
                int u = mol.indexOf(b.getBegin());
                int v = mol.indexOf(b.getEnd());
                if (u != v && z[u] != 1 && z[v] != 1) {
                    adj.get(u).add(v);
                    adj.get(v).add(u);
                }
            }
        } else {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                if (z[i] == 1) {
                    continue;
                }
                r[i] = CovalentRadii.of(z[i]);
                if (Double.isNaN(r[i])) {
                    throw new GorEncodingException(GorEncodingException.Reason.BAD_GEOMETRY, "atom " + i + " ("
                            + mol.getAtom(i).getSymbol() + "): no covalent radius to perceive its bonds");
                }
            }
            for (int i = 0; i < n; i++) {
                if (z[i] == 1) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (z[j] == 1) {
                        continue;
                    }
                    double dx = xyz[i][0] - xyz[j][0];
                    double dy = xyz[i][1] - xyz[j][1];
                    double dz = xyz[i][2] - xyz[j][2];
                    if (Math.sqrt(dx * dx + dy * dy + dz * dz) <= CovalentRadii.BOND_FACTOR * (r[i] + r[j])) {
                        adj.get(i).add(j);
                        adj.get(j).add(i);
                    }
                }
            }
        }
        int[][] g = new int[n][];
        for (int i = 0; i < n; i++) {
            g[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return g;
    }

    /** Rejects heavy atoms outside rings and molecules made of several ring systems. */
    private static void checkTopology(int[][] rings, int[] z, int n) throws GorEncodingException {
        int[] ringOfAtom = new int[n];
        Arrays.fill(ringOfAtom, -1);
        int[] parent = DisjointSets.singletons(rings.length);
        for (int r = 0; r < rings.length; r++) {
            for (int a : rings[r]) {
                if (ringOfAtom[a] >= 0) {
                    DisjointSets.join(parent, ringOfAtom[a], r);
                } else {
                    ringOfAtom[a] = r;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (z[a] != 1 && ringOfAtom[a] < 0) {
                throw new GorEncodingException(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY, "atom " + a + " ("
                        + Elements.ofNumber(z[a]).symbol() + ") is not in a ring; a graph of rings cannot carry "
                        + "substituents or linkers");
            }
        }
        int systems = 0;
        for (int r = 0; r < rings.length; r++) {
            if (DisjointSets.find(parent, r) == r) {
                systems++;
            }
        }
        if (systems > 1) {
            throw new GorEncodingException(GorEncodingException.Reason.UNSUPPORTED_TOPOLOGY,
                    "the molecule has " + systems + " separate ring systems; GaUDI needs one fused system");
        }
    }

    private static RingType ringType(int[] ring, int[] z, int index) throws GorEncodingException {
        String[] sym = new String[ring.length];
        for (int k = 0; k < ring.length; k++) {
            sym[k] = Elements.ofNumber(z[ring[k]]).symbol();
        }
        Arrays.sort(sym);
        String pattern = String.join("", sym);
        for (RingType t : RingType.values()) {
            if (t == RingType.ORIENTATION || t.size() != ring.length) {
                continue;
            }
            String[] tpl = t.templateElements().toArray(new String[0]);
            Arrays.sort(tpl);
            if (pattern.equals(String.join("", tpl))) {
                // DhDb/Db quirk: the H-free graph never shows an H on boron, so the match is always Db.
                return t == RingType.DhDb ? RingType.Db : t;
            }
        }
        throw new GorEncodingException(GorEncodingException.Reason.UNKNOWN_RING_TYPE, "ring " + index + " with "
                + ring.length + " atoms has the element pattern " + pattern + " (sorted), which is not a GaUDI ring "
                + "type (Bn CCCCCC, Pl CCCCN, Bl BCCCC, Fu CCCCO, Th CCCCS, Pd CCCCCN, Pz CCCCNN, Bz BCCCCC, "
                + "Db BBCCCC, Cbd CCCC)");
    }

    /** {chosen orientation node, the other candidate or null}. */
    private static double[][] orientationNode(int[] ring, int[] z, double[][] xyz, double[] centroid,
            Random random) {
        int[] cand = Arrays.stream(ring).filter(a -> z[a] != 6).sorted().toArray();
        if (cand.length == 0) {
            return new double[][] {centroid.clone(), null};
        }
        if (cand.length == 1) {
            return new double[][] {xyz[cand[0]].clone(), null};
        }
        int pick = random == null ? 0 : random.nextInt(cand.length);
        // GaUDI's rings have at most two heteroatoms (Pz, Db); a third candidate would not be kept
        return new double[][] {xyz[cand[pick]].clone(), xyz[cand[pick == 0 ? 1 : 0]].clone()};
    }
}
