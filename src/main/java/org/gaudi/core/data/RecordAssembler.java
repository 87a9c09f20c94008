package org.gaudi.core.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Shared per-record logic of the dataset readers: property parsing, ring checks and the choice of geometry (given
 * coordinates → {@code fromCoordinates}; otherwise a benzenoid graph → {@code fromGraph}; otherwise NO_GEOMETRY).
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

    /** Ring checks on the molecule graph; returns the census for the geometry step. */
    RingCensus checkRings(IAtomContainer graph) throws RecordRejectedException {
        RingCensus census = RingCensus.of(graph);
        if (census.ringCount() == 0) {
            throw new RecordRejectedException(RejectionReason.UNSUPPORTED_STRUCTURE, "molecule has no rings");
        }
        if (census.unknownRing() != null) {
            throw new RecordRejectedException(RejectionReason.UNKNOWN_RING_TYPE, census.unknownRing());
        }
        if (census.ringCount() > maxRings) {
            throw new RecordRejectedException(RejectionReason.TOO_MANY_RINGS, census.ringCount()
                    + " rings, limit " + maxRings);
        }
        return census;
    }

    /** Geometry from the molecule graph alone: lattice embedding for benzenoids, else NO_GEOMETRY. */
    GraphOfRings fromGraph(IAtomContainer graph, RingCensus census) throws RecordRejectedException {
        if (!census.isBenzenoid()) {
            throw new RecordRejectedException(RejectionReason.NO_GEOMETRY,
                    "not a benzenoid, and no xyz/3D coordinates given");
        }
        return checked(encode(fromGraph, graph, RejectionReason.UNSUPPORTED_STRUCTURE), census);
    }

    /**
     * Geometry from 3D coordinates. {@code badGeometry} is the reason used when the coordinates are unusable
     * (MALFORMED_XYZ for xyz files, BAD_GEOMETRY for SDF records); {@code where} prefixes such details.
     */
    GraphOfRings fromCoordinates(IAtomContainer mol3d, RingCensus census, RejectionReason badGeometry, String where)
            throws RecordRejectedException {
        try {
            return checked(encode(fromCoordinates, mol3d, badGeometry), census);
        } catch (RecordRejectedException e) {
            if (e.reason() == badGeometry) {
                throw new RecordRejectedException(badGeometry, where + ": " + e.getMessage());
            }
            throw e;
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

    private GraphOfRings checked(GraphOfRings gor, RingCensus census) throws RecordRejectedException {
        if (gor.ringCount() > maxRings) {
            throw new RecordRejectedException(RejectionReason.TOO_MANY_RINGS, gor.ringCount() + " rings, limit "
                    + maxRings);
        }
        if (gor.ringCount() != census.ringCount()) {
            throw new RecordRejectedException(RejectionReason.UNSUPPORTED_STRUCTURE, "geometry has "
                    + gor.ringCount() + " rings but the molecule graph has " + census.ringCount());
        }
        return gor;
    }

    private static GraphOfRings encode(GorStrategy strategy, IAtomContainer mol, RejectionReason badGeometry)
            throws RecordRejectedException {
        try {
            return strategy.toGor(mol);
        } catch (GorEncodingException e) {
            throw new RecordRejectedException(map(e.reason(), badGeometry), e.getMessage());
        }
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
        if (names.isEmpty()) {
            return names;
        }
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
