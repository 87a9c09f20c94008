package org.gaudi.core.pah;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GorEncodingException.Reason;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Recognises a cata-condensed benzenoid in a molecule graph (no coordinates needed) and recovers its tree of
 * hexagons with the edge positions of every fusion. Requirements: all heavy atoms carbon, one connected
 * component, every carbon in a six-membered ring and bonded to 2 or 3 carbons (with 1 or 0 H where H counts are
 * known), no charges, the rings' fusion graph a tree of shared bonds, no atom in three rings.
 */
final class BenzenoidRecognizer {
    private BenzenoidRecognizer() {
    }

    static HexTree recognise(IAtomContainer mol) throws GorEncodingException {
        if (mol == null) {
            throw reject("no molecule");
        }
        int[] heavy = new int[mol.getAtomCount()];
        Arrays.fill(heavy, -1);
        int nHeavy = 0;
        for (int i = 0; i < mol.getAtomCount(); i++) {
            IAtom a = mol.getAtom(i);
            Integer z = a.getAtomicNumber();
            if (z != null && z == 1) {
                continue;
            }
            if (z == null || z != 6) {
                throw reject("atom " + (i + 1) + " is " + a.getSymbol() + "; only all-carbon benzenoids can be placed"
                        + " on the hexagonal lattice");
            }
            if (a.getFormalCharge() != null && a.getFormalCharge() != 0) {
                throw reject("atom " + (i + 1) + " carries charge " + a.getFormalCharge());
            }
            heavy[i] = nHeavy++;
        }
        if (nHeavy == 0) {
            throw reject("no carbon atoms");
        }
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nHeavy; i++) {
            adj.add(new ArrayList<>());
        }
        int nBonds = 0;
        for (IBond b : mol.bonds()) {
            int u = heavy[mol.indexOf(b.getBegin())];
            int v = heavy[mol.indexOf(b.getEnd())];
            if (u >= 0 && v >= 0) {
                adj.get(u).add(v);
                adj.get(v).add(u);
                nBonds++;
            }
        }
        int[] atomOfHeavy = new int[nHeavy];
        for (int i = 0; i < heavy.length; i++) {
            if (heavy[i] >= 0) {
                atomOfHeavy[heavy[i]] = i;
            }
        }
        for (int u = 0; u < nHeavy; u++) {
            int deg = adj.get(u).size();
            if (deg < 2 || deg > 3) {
                throw reject("carbon atom " + (atomOfHeavy[u] + 1) + " has " + deg + " carbon neighbours (2 or 3"
                        + " expected in a benzenoid)");
            }
            int h = hydrogens(mol, mol.getAtom(atomOfHeavy[u]));
            if (h >= 0 && h != 3 - deg) {
                throw reject("carbon atom " + (atomOfHeavy[u] + 1) + " has " + h + " H (expected " + (3 - deg)
                        + " in an aromatic benzenoid)");
            }
        }
        if (!connected(adj)) {
            throw reject("more than one fragment");
        }
        int rings = nBonds - nHeavy + 1;
        if (rings < 1) {
            throw reject("no rings");
        }
        List<int[]> hexagons = sixCycles(adj);
        if (hexagons.size() != rings) {
            throw reject("not all rings are six-membered (" + hexagons.size() + " six-membered rings, but the"
                    + " ring count is " + rings + ")");
        }
        int[][] ring = hexagons.toArray(new int[0][]);
        int[] ringsOfAtom = new int[nHeavy];
        for (int[] hex : ring) {
            for (int u : hex) {
                if (++ringsOfAtom[u] > 2) {
                    throw reject("atom " + (atomOfHeavy[u] + 1) + " belongs to three rings (peri-condensed, not"
                            + " cata-condensed)");
                }
            }
        }
        for (int u = 0; u < nHeavy; u++) {
            if (ringsOfAtom[u] == 0) {
                throw reject("atom " + (atomOfHeavy[u] + 1) + " is in no ring");
            }
        }
        return layOut(ring);
    }

    /** Places the rings on the lattice by walking the fusion tree from ring 0. */
    private static HexTree layOut(int[][] ring) throws GorEncodingException {
        int h = ring.length;
        int fusions = 0;
        for (int r = 0; r < h; r++) {
            for (int s = r + 1; s < h; s++) {
                for (int a : ring[s]) {
                    if (indexOf(ring[r], a) >= 0) {
                        fusions++;
                        break;
                    }
                }
            }
        }
        if (fusions != h - 1) {
            throw reject("the rings' fusion graph has " + fusions + " fused pairs for " + h + " rings, so it is not"
                    + " a tree (e.g. a coronoid)");
        }
        // vertex[r][k]: heavy atom at vertex k of ring r in lattice orientation; unset until r is placed
        int[][] vertex = new int[h][];
        int[] node = new int[h];
        vertex[0] = ring[0].clone();
        HexTree.Builder builder = new HexTree.Builder();
        node[0] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        int placed = 1;
        while (!queue.isEmpty()) {
            int r = queue.poll();
            for (int s = 0; s < h; s++) {
                if (s == r) {
                    continue;
                }
                int shared = 0;
                for (int a : ring[s]) {
                    if (indexOf(ring[r], a) >= 0) {
                        shared++;
                    }
                }
                if (shared == 0) {
                    continue;
                }
                if (shared != 2) {
                    throw reject("two rings share " + shared + " atoms (fused rings share exactly one bond)");
                }
                // edge k of r joins vertices k-1 and k
                int k = -1;
                for (int e = 0; e < 6; e++) {
                    if (indexOf(ring[s], vertex[r][HexTree.mod6(e - 1)]) >= 0
                            && indexOf(ring[s], vertex[r][e]) >= 0) {
                        k = e;
                    }
                }
                if (k < 0) {
                    throw reject("two rings share two atoms that are not bonded");
                }
                if (vertex[s] != null) {
                    continue;
                }
                int u = vertex[r][HexTree.mod6(k - 1)];
                int v = vertex[r][k];
                int[] vs = new int[6];
                int pu = indexOf(ring[s], u);
                // in s, u is vertex k+3 and v is vertex k+2; walk away from v to number the rest
                int step = ring[s][(pu + 1) % 6] == v ? -1 : 1;
                for (int m = 0; m < 6; m++) {
                    vs[HexTree.mod6(k + 3 + m)] = ring[s][Math.floorMod(pu + step * m, 6)];
                }
                vertex[s] = vs;
                try {
                    node[s] = builder.add(node[r], k);
                } catch (IllegalArgumentException e) {
                    throw reject("a ring is fused on two adjacent edges (an atom in three rings)");
                }
                placed++;
                queue.add(s);
            }
        }
        if (placed != h) {
            throw reject("rings not all fused into one system");
        }
        return builder.build();
    }

    /**
     * All 6-cycles, each as its atoms in cyclic order. In a cata-condensed benzenoid these are exactly the rings
     * (a cycle around k ≥ 2 fused hexagons has 4k + 2 atoms). Cheap because every atom has degree ≤ 3.
     */
    static List<int[]> sixCycles(List<List<Integer>> adj) {
        List<int[]> cycles = new ArrayList<>();
        int[] path = new int[6];
        for (int s = 0; s < adj.size(); s++) {
            path[0] = s;
            extend(adj, path, 1, cycles);
        }
        return cycles;
    }

    private static void extend(List<List<Integer>> adj, int[] path, int len, List<int[]> out) {
        int last = path[len - 1];
        for (int next : adj.get(last)) {
            if (len == 6) {
                // close the cycle; keep one of its two directions
                if (next == path[0] && path[1] < path[5]) {
                    out.add(path.clone());
                }
                continue;
            }
            if (next <= path[0] || contains(path, len, next)) {
                continue;
            }
            path[len] = next;
            extend(adj, path, len + 1, out);
        }
    }

    private static boolean contains(int[] path, int len, int x) {
        for (int i = 0; i < len; i++) {
            if (path[i] == x) {
                return true;
            }
        }
        return false;
    }

    private static int hydrogens(IAtomContainer mol, IAtom atom) {
        Integer implicit = atom.getImplicitHydrogenCount();
        int explicit = 0;
        for (IAtom nb : mol.getConnectedAtomsList(atom)) {
            if (nb.getAtomicNumber() != null && nb.getAtomicNumber() == 1) {
                explicit++;
            }
        }
        if (implicit == null) {
            return explicit > 0 ? explicit : -1;
        }
        return implicit + explicit;
    }

    private static boolean connected(List<List<Integer>> adj) {
        boolean[] seen = new boolean[adj.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        seen[0] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            for (int w : adj.get(queue.poll())) {
                if (!seen[w]) {
                    seen[w] = true;
                    count++;
                    queue.add(w);
                }
            }
        }
        return count == adj.size();
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static GorEncodingException reject(String why) {
        return new GorEncodingException(Reason.NO_GEOMETRY, "not a cata-condensed benzenoid: " + why);
    }
}
