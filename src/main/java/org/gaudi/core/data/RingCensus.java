package org.gaudi.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaudi.core.gor.RingType;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * The smallest set of smallest rings of a molecule graph, each matched to GaUDI's ring types by its sorted element
 * multiset (GaUDI §3.1). Used to say why a molecule without coordinates has no geometry: an unknown ring type, or
 * known types that are not on the benzenoid lattice.
 */
final class RingCensus {
    private final String unknownRing;
    private final String topologyProblem;

    private RingCensus(String unknownRing, String topologyProblem) {
        this.unknownRing = unknownRing;
        this.topologyProblem = topologyProblem;
    }

    static RingCensus of(IAtomContainer mol) {
        int[][] paths = Cycles.sssr(mol).paths();
        String unknown = null;
        for (int[] path : paths) {
            String[] elements = new String[path.length - 1]; // paths are closed: first == last
            for (int i = 0; i < elements.length; i++) {
                elements[i] = mol.getAtom(path[i]).getSymbol();
            }
            Arrays.sort(elements);
            String key = String.join("", elements);
            if (!TEMPLATE_KEYS.contains(key)) {
                unknown = elements.length + "-membered ring " + key;
                break;
            }
        }
        return new RingCensus(unknown, topologyProblem(mol, paths));
    }

    /**
     * What no geometry could fix: a heavy atom outside every ring (a substituent or linker) or several separate ring
     * systems; a graph of rings carries neither. Null when the rings form one fused system of ring atoms.
     */
    private static String topologyProblem(IAtomContainer mol, int[][] paths) {
        int n = mol.getAtomCount();
        int[] ringOf = new int[n];
        Arrays.fill(ringOf, -1);
        int[] parent = new int[paths.length];
        for (int r = 0; r < paths.length; r++) {
            parent[r] = r;
            for (int k = 0; k + 1 < paths[r].length; k++) {
                int a = paths[r][k];
                if (ringOf[a] >= 0) {
                    parent[root(parent, r)] = root(parent, ringOf[a]); // fused through a shared atom
                }
                ringOf[a] = r;
            }
        }
        for (int a = 0; a < n; a++) {
            String el = mol.getAtom(a).getSymbol();
            if (!"H".equals(el) && ringOf[a] < 0) {
                return "atom " + (a + 1) + " (" + el + ") is not in a ring; a graph of rings cannot carry"
                        + " substituents or linkers, with or without coordinates";
            }
        }
        int systems = 0;
        for (int r = 0; r < paths.length; r++) {
            systems += root(parent, r) == r ? 1 : 0;
        }
        return systems > 1 ? "the molecule has " + systems + " separate ring systems; GaUDI needs one fused system,"
                + " with or without coordinates" : null;
    }

    private static int root(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }

    /** Why no geometry could make this molecule a graph of rings, or null. */
    String topologyProblem() {
        return topologyProblem;
    }

    private static final List<String> TEMPLATE_KEYS = new ArrayList<>();

    static {
        for (RingType t : RingType.values()) {
            if (t != RingType.ORIENTATION) {
                String[] e = t.templateElements().toArray(new String[0]);
                Arrays.sort(e);
                TEMPLATE_KEYS.add(String.join("", e));
            }
        }
    }

    /** Description of the first ring matching no GaUDI ring type, or null when all match. */
    String unknownRing() {
        return unknownRing;
    }
}
