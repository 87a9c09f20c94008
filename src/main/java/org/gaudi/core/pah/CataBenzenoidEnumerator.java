package org.gaudi.core.pah;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Enumerates all cata-condensed polybenzenoid hydrocarbons (cc-PBHs) with h rings, helicenes included, each
 * isomer once (rotations and mirror images identified). Counts for h = 1..11: 1, 1, 2, 5, 12, 37, 123, 446, 1689,
 * 6693, 27034 (OEIS A002216); of these 1, 1, 2, 5, 12, 36, 118, 411, 1489, 5572, 21115 are geometrically planar
 * (OEIS A038142).
 *
 * <p>Method: every (h+1)-ring isomer arises by fusing one ring to an h-ring isomer; all such extensions are
 * generated and deduplicated by canonical annulation code. Output order is deterministic (generation order).
 * Counts grow about fourfold per ring; h ≤ 11 takes about a second, h = 12 (111,630) a few seconds. Results
 * are cached; geometry, molecules and SMILES of the isomers are computed only when asked for.
 */
public final class CataBenzenoidEnumerator {
    /** Largest ring count accepted (the enumeration is exponential). */
    public static final int MAX_RINGS = 12;

    private CataBenzenoidEnumerator() {
    }

    /** All isomers with exactly {@code h} rings. */
    public static List<CataBenzenoid> enumerate(int h) {
        return enumerateUpTo(h).get(h - 1);
    }

    /**
     * All isomers with 1..maxRings rings: element h−1 of the result lists those with h rings. The lists are
     * immutable and cached (the largest enumeration so far is kept and shared).
     *
     * @throws IllegalArgumentException unless 1 ≤ maxRings ≤ {@link #MAX_RINGS}
     */
    public static List<List<CataBenzenoid>> enumerateUpTo(int maxRings) {
        synchronized (CataBenzenoidEnumerator.class) {
            if (cache == null || cache.size() < maxRings) {
                cache = build(maxRings);
            }
            return cache.subList(0, maxRings);
        }
    }

    private static List<List<CataBenzenoid>> cache;

    private static List<List<CataBenzenoid>> build(int maxRings) {
        List<List<Grown>> levels = grow(maxRings);
        List<List<CataBenzenoid>> out = new ArrayList<>(maxRings);
        for (List<Grown> level : levels) {
            List<CataBenzenoid> mols = new ArrayList<>(level.size());
            for (Grown g : level) {
                mols.add(new CataBenzenoid(g.code, g.tree.size(), g.tree.isPlanar()));
            }
            out.add(Collections.unmodifiableList(mols));
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of isomers with h rings, for h = 1..maxRings (element h−1). */
    public static int[] counts(int maxRings) {
        List<List<CataBenzenoid>> levels = enumerateUpTo(maxRings);
        int[] c = new int[maxRings];
        for (int h = 0; h < maxRings; h++) {
            c[h] = levels.get(h).size();
        }
        return c;
    }

    /** Number of geometrically planar isomers with h rings, for h = 1..maxRings (element h−1; OEIS A038142). */
    public static int[] planarCounts(int maxRings) {
        List<List<CataBenzenoid>> levels = enumerateUpTo(maxRings);
        int[] c = new int[maxRings];
        for (int h = 0; h < maxRings; h++) {
            for (CataBenzenoid b : levels.get(h)) {
                if (b.planar()) {
                    c[h]++;
                }
            }
        }
        return c;
    }

    /** Total number of isomers with 1..maxRings rings (36,043 for 11). */
    public static long countUpTo(int maxRings) {
        long total = 0;
        for (int c : counts(maxRings)) {
            total += c;
        }
        return total;
    }

    /** A generated tree with its canonical code. */
    private static final class Grown {
        final HexTree tree;
        final String code;

        Grown(HexTree tree, String code) {
            this.tree = tree;
            this.code = code;
        }
    }

    /** Level-wise growth with deduplication by canonical code. */
    private static List<List<Grown>> grow(int maxRings) {
        if (maxRings < 1 || maxRings > MAX_RINGS) {
            throw new IllegalArgumentException("ring count must be 1.." + MAX_RINGS + ", got " + maxRings);
        }
        List<List<Grown>> levels = new ArrayList<>(maxRings);
        HexTree benzene = HexTree.benzene();
        levels.add(List.of(new Grown(benzene, AnnulationCode.of(benzene))));
        for (int h = 2; h <= maxRings; h++) {
            List<Grown> prev = levels.get(h - 2);
            Set<String> seen = new HashSet<>(prev.size() * 8);
            List<Grown> next = new ArrayList<>(prev.size() * 5);
            for (Grown g : prev) {
                HexTree t = g.tree;
                for (int ring = 0; ring < t.size(); ring++) {
                    for (int dir = 0; dir < 6; dir++) {
                        if (t.canAttach(ring, dir)) {
                            HexTree grown = t.withLeaf(ring, dir);
                            String code = AnnulationCode.of(grown);
                            if (seen.add(code)) {
                                next.add(new Grown(grown, code));
                            }
                        }
                    }
                }
            }
            levels.add(next);
        }
        return levels;
    }
}
