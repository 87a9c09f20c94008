package org.gaudi.core.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gaudi.core.chem.CoordinatePlausibility;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingSystemRule;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Shared per-record logic of the dataset readers: property parsing, ring-count checks and the choice of geometry
 * (given coordinates → {@code fromCoordinates}; otherwise a benzenoid graph → {@code fromGraph}; otherwise
 * UNKNOWN_RING_TYPE or NO_GEOMETRY).
 */
final class RecordAssembler {
    private final GorStrategy fromCoordinates;
    private final GorStrategy fromGraph;
    private final int maxRings;

    RecordAssembler(GorStrategy fromCoordinates, GorStrategy fromGraph, int maxRings) {
        this.fromCoordinates = fromCoordinates;
        this.fromGraph = fromGraph;
        this.maxRings = maxRings;
    }

    /** Parses a property value; empty, NaN, infinite or non-numeric text rejects the record naming the column. */
    static double property(String column, String text) throws RecordRejectedException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new RecordRejectedException(RejectionReason.MISSING_PROPERTY, "column " + column + " is empty");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new RecordRejectedException(RejectionReason.MISSING_PROPERTY, "column " + column + ": '" + t
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new RecordRejectedException(RejectionReason.MISSING_PROPERTY, "column " + column + ": value " + t);
        }
        return v;
    }

    /**
     * Ring count (cycle rank: bonds − atoms + connected components, which equals the size of the smallest set of
     * smallest rings and costs almost nothing) and its limit.
     */
    int checkRingCount(IAtomContainer graph) throws RecordRejectedException {
        int rings = cycleRank(graph);
        if (rings == 0) {
            throw new RecordRejectedException(RejectionReason.UNSUPPORTED_STRUCTURE, "molecule has no rings");
        }
        if (rings > maxRings) {
            throw new RecordRejectedException(RejectionReason.TOO_MANY_RINGS, rings + " rings, limit " + maxRings);
        }
        return rings;
    }

    /**
     * The rule a valid design keeps ({@link RingSystemRule}, shared with the decoder), applied to the molecule graph
     * before any geometry: what breaks it is rejected whatever coordinates are given.
     */
    static void checkRule(IAtomContainer graph) throws RecordRejectedException {
        RingSystemRule.Violation v = RingSystemRule.check(graph);
        if (v != null) {
            throw new RecordRejectedException(v.part() == RingSystemRule.Part.RING_TYPE
                    ? RejectionReason.UNKNOWN_RING_TYPE : RejectionReason.UNSUPPORTED_STRUCTURE, v.message());
        }
    }

    /**
     * Geometry from the molecule graph alone (after {@link #checkRule}): the lattice embedding for all-carbon
     * molecules it accepts, otherwise NO_GEOMETRY (an xyz file or 3D coordinates would help).
     */
    GraphOfRings fromGraph(IAtomContainer graph, int ringCount) throws RecordRejectedException {
        String why = "not a benzenoid, and no xyz/3D coordinates given";
        if (allCarbon(graph)) {
            try {
                return checked(fromGraph.toGor(graph), ringCount);
            } catch (GorEncodingException e) {
                if (e.reason() != GorEncodingException.Reason.NO_GEOMETRY) {
                    throw new RecordRejectedException(map(e.reason(), RejectionReason.UNSUPPORTED_STRUCTURE),
                            e.getMessage());
                }
                why = e.getMessage() + "; no xyz/3D coordinates given";
            }
        }
        throw new RecordRejectedException(RejectionReason.NO_GEOMETRY, why);
    }

    /**
     * Geometry from 3D coordinates, after checking that they look computed ({@link CoordinatePlausibility}: bond
     * lengths at molecular scale, not a drawing). {@code badGeometry} is the reason used when the coordinates are unusable
     * (MALFORMED_XYZ for xyz files, BAD_GEOMETRY for SDF records); {@code where} prefixes such details.
     */
    GraphOfRings fromCoordinates(IAtomContainer mol3d, int ringCount, RejectionReason badGeometry, String where)
            throws RecordRejectedException {
        String implausible = CoordinatePlausibility.problem(mol3d);
        if (implausible != null) {
            throw new RecordRejectedException(badGeometry, where + ": implausible coordinates: " + implausible);
        }
        try {
            return checked(fromCoordinates.toGor(mol3d), ringCount);
        } catch (GorEncodingException e) {
            RejectionReason reason = map(e.reason(), badGeometry);
            throw new RecordRejectedException(reason, reason == badGeometry ? where + ": " + e.getMessage()
                    : e.getMessage());
        }
    }

    /** Checks an xyz geometry's heavy-atom composition against the molecule graph (e.g. a mismatched file). */
    static void checkComposition(IAtomContainer graph, IAtomContainer mol3d, String where)
            throws RecordRejectedException {
        Map<String, Integer> a = heavyFormula(graph);
        Map<String, Integer> b = heavyFormula(mol3d);
        if (!a.equals(b)) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_XYZ, where + ": heavy atoms " + b
                    + " do not match the SMILES " + a);
        }
    }

    private static Map<String, Integer> heavyFormula(IAtomContainer mol) {
        Map<String, Integer> m = new TreeMap<>();
        for (IAtom a : mol.atoms()) {
            if (!"H".equals(a.getSymbol())) {
                m.merge(a.getSymbol(), 1, Integer::sum);
            }
        }
        return m;
    }

    private GraphOfRings checked(GraphOfRings gor, int ringCount) throws RecordRejectedException {
        if (gor.ringCount() > maxRings) {
            throw new RecordRejectedException(RejectionReason.TOO_MANY_RINGS, gor.ringCount() + " rings, limit "
                    + maxRings);
        }
        if (gor.ringCount() != ringCount) {
            throw new RecordRejectedException(RejectionReason.UNSUPPORTED_STRUCTURE, "geometry has "
                    + gor.ringCount() + " rings but the molecule graph has " + ringCount);
        }
        return gor;
    }

    private static boolean allCarbon(IAtomContainer mol) {
        for (IAtom a : mol.atoms()) {
            String el = a.getSymbol();
            if (!"C".equals(el) && !"H".equals(el)) {
                return false;
            }
        }
        return true;
    }

    /** bonds − atoms + connected components (union-find). */
    static int cycleRank(IAtomContainer mol) {
        int n = mol.getAtomCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int components = n;
        for (org.openscience.cdk.interfaces.IBond b : mol.bonds()) {
            int x = find(parent, mol.indexOf(b.getBegin()));
            int y = find(parent, mol.indexOf(b.getEnd()));
            if (x != y) {
                parent[x] = y;
                components--;
            }
        }
        return mol.getBondCount() - n + components;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static RejectionReason map(GorEncodingException.Reason reason, RejectionReason badGeometry) {
        switch (reason) {
            case UNKNOWN_RING_TYPE:
                return RejectionReason.UNKNOWN_RING_TYPE;
            case NO_GEOMETRY:
                return RejectionReason.NO_GEOMETRY;
            case BAD_GEOMETRY:
                return badGeometry;
            case NO_RINGS:
            case UNSUPPORTED_TOPOLOGY:
            default:
                return RejectionReason.UNSUPPORTED_STRUCTURE;
        }
    }

    static List<String> checkedPropertyNames(List<String> names) {
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("property columns listed twice: " + names);
        }
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("empty property column name in " + names);
            }
        }
        return List.copyOf(names);
    }
}
