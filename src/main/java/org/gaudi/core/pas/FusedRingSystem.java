package org.gaudi.core.pas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gaudi.core.chem.DisjointSets;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingTemplates;
import org.gaudi.core.gor.RingType;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.Atom;
import org.openscience.cdk.silent.AtomContainer;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * A cata-condensed ring system under construction: a tree of rings of GaUDI's types, each laid out in the plane as
 * its decoder template polygon ({@link RingTemplates}). A new ring is fused by putting the midpoint of one of its C–C
 * template edges on the midpoint of a free C–C edge of a placed ring, facing it, which is exactly how GaUDI's decoder
 * will fuse the two rings again. Immutable; {@link #fuse} returns a new system or null when {@link FusionRules}
 * forbid it.
 */
public final class FusedRingSystem {
    private final RingType[] types;
    private final double[][] centres; // 2-D, Å
    private final double[] angles; // template rotation, radians
    private final int[] usedEdges; // bit k: template edge k is fused
    private final int[][] fusions; // {ring a, vertex of a, ring b, vertex of b it merges with, a's other, b's other}

    private FusedRingSystem(RingType[] types, double[][] centres, double[] angles, int[] usedEdges, int[][] fusions) {
        this.types = types;
        this.centres = centres;
        this.angles = angles;
        this.usedEdges = usedEdges;
        this.fusions = fusions;
    }

    /** A single ring of the given type at the origin. */
    public static FusedRingSystem single(RingType type) {
        if (!FusionRules.TYPES.contains(type)) {
            throw new IllegalArgumentException("ring type " + type.key() + " is not part of the hetero space");
        }
        return new FusedRingSystem(new RingType[] {type}, new double[][] {{0, 0}}, new double[] {0}, new int[1],
                new int[0][]);
    }

    public int ringCount() {
        return types.length;
    }

    public RingType type(int ring) {
        return types[ring];
    }

    /** Template edges of a ring that can take a new fusion: C–C, not fused, not sharing an atom with a fusion. */
    public int[] freeEdges(int ring) {
        int m = types[ring].size();
        int used = usedEdges[ring];
        List<Integer> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            int prev = (k + m - 1) % m;
            int next = (k + 1) % m;
            boolean blocked = ((used >> k) & 1) != 0 || ((used >> prev) & 1) != 0 || ((used >> next) & 1) != 0;
            if (!blocked && FusionRules.carbonEdge(types[ring], k)) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** C–C template edges of a ring type (the edges a new ring of that type can be fused by). */
    public static int[] carbonEdges(RingType type) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < type.size(); k++) {
            if (FusionRules.carbonEdge(type, k)) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The system with a new ring of {@code type} fused by its template edge {@code newEdge} onto edge {@code edge} of
     * ring {@code ring}; null when the rules forbid it (edge not free, pair not allowed, clash with another ring).
     */
    public FusedRingSystem fuse(int ring, int edge, RingType type, int newEdge) {
        if (!FusionRules.TYPES.contains(type) || !FusionRules.pairAllowed(types[ring], type)
                || !FusionRules.carbonEdge(type, newEdge) || Arrays.stream(freeEdges(ring)).noneMatch(k -> k == edge)) {
            return null;
        }
        double[][] parent = vertices(ring);
        int m = parent.length;
        double mx = (parent[edge][0] + parent[(edge + 1) % m][0]) / 2;
        double my = (parent[edge][1] + parent[(edge + 1) % m][1]) / 2;
        double phi = Math.atan2(my - centres[ring][1], mx - centres[ring][0]);
        double apothem = Math.hypot(mx - centres[ring][0], my - centres[ring][1]);
        double[][] tpl = RingTemplates.vertices(type);
        int mt = tpl.length;
        double tx = (tpl[newEdge][0] + tpl[(newEdge + 1) % mt][0]) / 2;
        double ty = (tpl[newEdge][1] + tpl[(newEdge + 1) % mt][1]) / 2;
        double theta = phi + Math.PI - Math.atan2(ty, tx);
        double d = apothem + Math.hypot(tx, ty);
        double[] centre = {centres[ring][0] + d * Math.cos(phi), centres[ring][1] + d * Math.sin(phi)};
        double[][] placed = place(tpl, centre, theta);
        // the new ring's fused-edge atoms are the parent's; its other atoms must keep clear of every other ring
        double[][] free = new double[mt - 2][];
        for (int k = 0, f = 0; k < mt; k++) {
            if (k != newEdge && k != (newEdge + 1) % mt) {
                free[f++] = placed[k];
            }
        }
        for (int other = 0; other < types.length; other++) {
            if (other != ring && tooClose(free, vertices(other))) {
                return null;
            }
        }
        int n = types.length;
        RingType[] t2 = Arrays.copyOf(types, n + 1);
        t2[n] = type;
        double[][] c2 = Arrays.copyOf(centres, n + 1);
        c2[n] = centre;
        double[] a2 = Arrays.copyOf(angles, n + 1);
        a2[n] = theta;
        int[] u2 = Arrays.copyOf(usedEdges, n + 1);
        u2[ring] |= 1 << edge;
        u2[n] = 1 << newEdge;
        // which end of the new edge meets which end of the old one (templates differ in their winding sense)
        int p0 = edge;
        int p1 = (edge + 1) % m;
        int c0 = newEdge;
        int c1 = (newEdge + 1) % mt;
        double straight = dist(parent[p0], placed[c0]) + dist(parent[p1], placed[c1]);
        double crossed = dist(parent[p0], placed[c1]) + dist(parent[p1], placed[c0]);
        int[][] f2 = Arrays.copyOf(fusions, fusions.length + 1);
        f2[fusions.length] = straight <= crossed ? new int[] {ring, p0, n, c0, p1, c1}
                : new int[] {ring, p0, n, c1, p1, c0};
        return new FusedRingSystem(t2, c2, a2, u2, f2);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static boolean tooClose(double[][] a, double[][] b) {
        double limit = FusionRules.MIN_CONTACT * FusionRules.MIN_CONTACT;
        for (double[] p : a) {
            for (double[] q : b) {
                double dx = p[0] - q[0];
                double dy = p[1] - q[1];
                if (dx * dx + dy * dy < limit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** World positions of a ring's template vertices. */
    double[][] vertices(int ring) {
        return place(RingTemplates.vertices(types[ring]), centres[ring], angles[ring]);
    }

    private static double[][] place(double[][] tpl, double[] centre, double theta) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double[][] out = new double[tpl.length][];
        for (int k = 0; k < tpl.length; k++) {
            out[k] = new double[] {tpl[k][0] * cos - tpl[k][1] * sin + centre[0],
                tpl[k][0] * sin + tpl[k][1] * cos + centre[1]};
        }
        return out;
    }

    /**
     * The planar graph of rings (z = 0) in GaUDI's hetero layout: ring centroids, and each ring's orientation node on
     * its heteroatom (the centroid for Bn and Cbd). Pz and Db carry their second heteroatom as the orientation
     * alternative.
     */
    public GraphOfRings gor() {
        int n = types.length;
        double[][] c = new double[n][];
        double[][] o = new double[n][];
        double[][] alt = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = new double[] {centres[i][0], centres[i][1], 0};
            double[][] v = vertices(i);
            List<String> el = types[i].templateElements();
            List<double[]> hetero = new ArrayList<>(2);
            for (int k = v.length - 1; k >= 0; k--) { // vertex 5 first: GaUDI's decoder points it at the node
                if (!"C".equals(el.get(k))) {
                    hetero.add(new double[] {v[k][0], v[k][1], 0});
                }
            }
            o[i] = hetero.isEmpty() ? c[i].clone() : hetero.get(0);
            alt[i] = hetero.size() > 1 ? hetero.get(1) : null;
        }
        return new GraphOfRings(types, c, o, alt);
    }

    /**
     * A unique string for the molecule this system stands for: the canonical SMILES (CDK) of its heavy-atom graph
     * with single bonds. For these ring systems the heavy-atom graph with elements fixes the molecule (hydrogens
     * and the Kekulé structure follow from it), so two systems are the same molecule iff their keys are equal.
     */
    public String canonicalKey() {
        int n = types.length;
        int[][] atomOf = new int[n][];
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            atomOf[i] = new int[types[i].size()];
            for (int k = 0; k < atomOf[i].length; k++) {
                atomOf[i][k] = elements.size();
                elements.add(types[i].templateElements().get(k));
            }
        }
        int[] parent = DisjointSets.singletons(elements.size());
        for (int[] f : fusions) {
            DisjointSets.join(parent, atomOf[f[0]][f[1]], atomOf[f[2]][f[3]]);
            DisjointSets.join(parent, atomOf[f[0]][f[4]], atomOf[f[2]][f[5]]);
        }
        IAtomContainer mol = new AtomContainer();
        int[] index = new int[elements.size()];
        Arrays.fill(index, -1);
        for (int a = 0; a < elements.size(); a++) {
            int r = DisjointSets.find(parent, a);
            if (index[r] < 0) {
                IAtom atom = new Atom(elements.get(a));
                atom.setImplicitHydrogenCount(0);
                index[r] = mol.getAtomCount();
                mol.addAtom(atom);
            }
        }
        for (int i = 0; i < n; i++) {
            int m = atomOf[i].length;
            for (int k = 0; k < m; k++) {
                int u = index[DisjointSets.find(parent, atomOf[i][k])];
                int v = index[DisjointSets.find(parent, atomOf[i][(k + 1) % m])];
                if (mol.getBond(mol.getAtom(u), mol.getAtom(v)) == null) {
                    mol.addBond(u, v, IBond.Order.SINGLE);
                }
            }
        }
        return uniqueSmiles(mol);
    }

    /**
     * The {@link #canonicalKey()} of any molecule: the canonical SMILES of its heavy atoms (elements only) and the
     * bonds between them, all single.
     */
    public static String heavyAtomKey(IAtomContainer molecule) {
        IAtomContainer mol = new AtomContainer();
        Map<IAtom, Integer> index = new HashMap<>();
        for (IAtom a : molecule.atoms()) {
            if (!"H".equals(a.getSymbol())) {
                IAtom c = new Atom(a.getSymbol());
                c.setImplicitHydrogenCount(0);
                index.put(a, mol.getAtomCount());
                mol.addAtom(c);
            }
        }
        for (IBond b : molecule.bonds()) {
            Integer u = index.get(b.getBegin());
            Integer v = index.get(b.getEnd());
            if (u != null && v != null) {
                mol.addBond(u, v, IBond.Order.SINGLE);
            }
        }
        return uniqueSmiles(mol);
    }

    private static String uniqueSmiles(IAtomContainer mol) {
        try {
            return new SmilesGenerator(SmiFlavor.Unique).create(mol);
        } catch (CDKException e) {
            throw new IllegalStateException("canonical SMILES failed for a ring system: " + e.getMessage(), e);
        }
    }

    /** Whether a ring adjacency matrix (in this system's ring order) has exactly this system's fusions. */
    public boolean fusedPairsMatch(boolean[][] adjacency) {
        boolean[][] mine = new boolean[types.length][types.length];
        for (int[] f : fusions) {
            mine[f[0]][f[2]] = true;
            mine[f[2]][f[0]] = true;
        }
        return Arrays.deepEquals(mine, adjacency);
    }

    /** A short description: ring types and fused vertex pairs, e.g. {@code Bn Th | 0:5=1:1 0:0=1:0}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (RingType t : types) {
            sb.append(t.key()).append(' ');
        }
        sb.append('|');
        for (int[] f : fusions) {
            sb.append(' ').append(f[0]).append(':').append(f[1]).append('=').append(f[2]).append(':').append(f[3]);
            sb.append(' ').append(f[0]).append(':').append(f[4]).append('=').append(f[2]).append(':').append(f[5]);
        }
        return sb.toString();
    }
}
