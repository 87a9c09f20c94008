package org.gaudi.core.gor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * The one rule for which molecules a graph of rings can stand for, used both where designs are judged (a decoded
 * molecule that breaks it is not valid, {@link InvalidReason#NOT_A_RING_SYSTEM}) and where datasets are read (a
 * record that breaks it is rejected), so that every valid design reads back and every accepted record is a valid
 * molecule. On the smallest set of smallest rings of the molecule graph:
 * <ol>
 * <li>every heavy atom lies in a ring and the rings form one fused system (no substituent, linker or second
 * system: the graph of rings could carry none of them);</li>
 * <li>every ring's element multiset is one of GaUDI's ring types (§3.1);</li>
 * <li>no ring atom has more than three neighbours, hydrogens included: GaUDI's rings are aromatic, and a saturated
 * centre (which GaUDI's pairwise fusion can produce from a crowded layout, e.g. around a would-be coronene) is not
 * the ring type its node claims;</li>
 * <li>no atom is shared by three rings (peri-condensation, as in pyrene or coronene): GaUDI's decoder fuses rings
 * pairwise and splits such an atom, so the graph of rings of such a molecule decodes to another one (or to
 * fragments); read from coordinates it would teach a model layouts that never decode to it.</li>
 * </ol>
 */
public final class RingSystemRule {
    /** Which part of the rule a molecule breaks. */
    public enum Part {
        /** An atom outside the rings or several ring systems. */
        TOPOLOGY,
        /** A ring that is no GaUDI ring type. */
        RING_TYPE,
        /** A ring atom with more than three neighbours. */
        SATURATED,
        /** An atom shared by three rings. */
        PERI_CONDENSED
    }

    /** What breaks the rule, in words naming the atom or ring. */
    public record Violation(Part part, String message) {
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

    private RingSystemRule() {
    }

    /** The first part of the rule the molecule graph breaks (in the order above), or null when it keeps it. */
    public static Violation check(IAtomContainer mol) {
        int[][] paths = Cycles.sssr(mol).paths();
        String topology = topologyProblem(mol, paths);
        if (topology != null) {
            return new Violation(Part.TOPOLOGY, topology);
        }
        String unknown = unknownRing(mol, paths);
        if (unknown != null) {
            return new Violation(Part.RING_TYPE, unknown);
        }
        String saturated = saturatedRingAtom(mol);
        if (saturated != null) {
            return new Violation(Part.SATURATED, saturated);
        }
        String peri = atomInThreeRings(mol, paths);
        return peri == null ? null : new Violation(Part.PERI_CONDENSED, peri);
    }

    private static String atomInThreeRings(IAtomContainer mol, int[][] paths) {
        int[] rings = new int[mol.getAtomCount()];
        for (int[] path : paths) {
            for (int k = 0; k + 1 < path.length; k++) {
                if (++rings[path[k]] == 3) {
                    IAtom a = mol.getAtom(path[k]);
                    return "atom " + (path[k] + 1) + " (" + a.getSymbol() + ") is shared by three rings"
                            + " (peri-condensed); GaUDI's graph of rings decodes only rings fused pairwise, with or"
                            + " without coordinates";
                }
            }
        }
        return null;
    }

    private static String unknownRing(IAtomContainer mol, int[][] paths) {
        for (int[] path : paths) {
            String[] elements = new String[path.length - 1]; // paths are closed: first == last
            for (int i = 0; i < elements.length; i++) {
                elements[i] = mol.getAtom(path[i]).getSymbol();
            }
            Arrays.sort(elements);
            String key = String.join("", elements);
            if (!TEMPLATE_KEYS.contains(key)) {
                return elements.length + "-membered ring " + key;
            }
        }
        return null;
    }

    private static String saturatedRingAtom(IAtomContainer mol) {
        for (IAtom a : mol.atoms()) {
            if ("H".equals(a.getSymbol())) {
                continue;
            }
            Integer implicit = a.getImplicitHydrogenCount();
            int neighbours = mol.getConnectedBondsCount(a) + (implicit == null ? 0 : implicit);
            if (neighbours > 3) {
                return "ring atom " + (mol.indexOf(a) + 1) + " (" + a.getSymbol() + ") has " + neighbours
                        + " neighbours; atoms of GaUDI's aromatic ring types have at most 3";
            }
        }
        return null;
    }

    /**
     * A heavy atom outside every ring (a substituent or linker) or several separate ring systems; a graph of rings
     * carries neither. Null when the rings form one fused system of ring atoms.
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
}
