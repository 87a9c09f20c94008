package org.gaudi.core.pas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorEncoder;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingAdjacency;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.huckel.HuckelCalculator;
import org.gaudi.core.huckel.HuckelException;
import org.gaudi.core.huckel.HuckelResult;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * The embedded space of cata-condensed hetero-polycyclic aromatic systems (PASs) built from GaUDI's ring types under
 * {@link FusionRules}, one ring count at a time.
 *
 * <p>Ring count h is built from the systems with h − 1 rings by fusing one more ring in every allowed way (every
 * free C–C edge of every ring × every type × every C–C edge of the new ring), deduplicated by the molecule's
 * canonical key. When that enumeration would exceed {@link #ENUMERATION_LIMIT} candidates, h is <em>sampled</em>
 * instead: a uniformly drawn system of h − 1 rings (from the enumerated or sampled pool) gets one uniformly drawn
 * fusion, until enough distinct molecules are accepted. Enumerated ring counts then give a uniform random subset of
 * all molecules; sampled ones are uniform over (parent, fusion) pairs, which slightly favours molecules with many
 * ways to be built. Everything is deterministic for a seed.
 *
 * <p>Every candidate (in random order) is decoded by GaUDI's own decoder from its template graph of rings and kept
 * only if it is valid (geometric checks and neutral, uncharged Kekulé structure), decodes to the same molecule,
 * has a closed-shell Hückel ground state, and its relaxed 3-D geometry (the decoder's conformer) re-encodes to a
 * graph of rings that decodes to the same molecule again. At most {@code perRingCount} molecules are kept per ring
 * count. Each ring count's counts (candidates, distinct molecules, checked, kept, rejected per reason) are in its
 * {@link Level}.
 */
public final class HeteroSpace {
    /** Largest ring count (GaUDI's PASs have up to 10; beyond 8 the decoded molecules get slow to check). */
    public static final int MAX_RINGS = 8;
    /** Molecules kept per ring count unless asked otherwise. */
    public static final int DEFAULT_PER_RING_COUNT = 1000;
    /** Seed of the shipped space (the README's figures are for it). */
    public static final long DEFAULT_SEED = 15L;
    /** A ring count is enumerated exhaustively when it has at most this many fusion candidates. */
    public static final int ENUMERATION_LIMIT = 40_000;
    /** Structures checked together (in parallel); fixed, so results do not depend on the thread count. */
    static final int CHUNK = 128;
    /** Sampling gives up after this many draws per molecule asked for. */
    static final int DRAWS_PER_MOLECULE = 40;

    private static final Map<String, HeteroSpace> CACHE = new HashMap<>();

    private final long seed;
    private final int perRingCount;
    private final int enumerationLimit;
    private final List<Level> levels = new ArrayList<>();
    /** Distinct structures (valid or not) of the last ring count, to extend from. */
    private List<FusedRingSystem> pool;
    /** Whether {@link #pool} holds every structure of its ring count (enumerated, not sampled). */
    private boolean poolComplete;

    private HeteroSpace(long seed, int perRingCount, int enumerationLimit) {
        this.seed = seed;
        this.perRingCount = perRingCount;
        this.enumerationLimit = enumerationLimit;
    }

    /** The shipped space: {@link #DEFAULT_SEED}, {@link #DEFAULT_PER_RING_COUNT}. */
    public static HeteroSpace standard() {
        return of(DEFAULT_SEED, DEFAULT_PER_RING_COUNT);
    }

    /** The space for a seed and a per-ring-count cap (cached; ring counts are built on demand). */
    public static HeteroSpace of(long seed, int perRingCount) {
        if (perRingCount < 1) {
            throw new IllegalArgumentException("molecules per ring count must be >= 1, got " + perRingCount);
        }
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(seed + "/" + perRingCount, k -> new HeteroSpace(seed, perRingCount, ENUMERATION_LIMIT));
        }
    }

    /** A new, uncached space with its own enumeration limit (tests). */
    static HeteroSpace fresh(long seed, int perRingCount, int enumerationLimit) {
        return new HeteroSpace(seed, perRingCount, enumerationLimit);
    }

    public long seed() {
        return seed;
    }

    public int perRingCount() {
        return perRingCount;
    }

    /**
     * The molecules with {@code rings} rings (built, with all smaller ring counts, on first use).
     *
     * @param progress receives the number of molecules kept so far at this ring count
     */
    public synchronized Level level(int rings, IntConsumer progress) {
        if (rings < 1 || rings > MAX_RINGS) {
            throw new IllegalArgumentException("the hetero space has 1.." + MAX_RINGS + " rings, not " + rings);
        }
        while (levels.size() < rings) {
            int h = levels.size() + 1;
            levels.add(build(h, h == rings ? progress : i -> { }));
        }
        return levels.get(rings - 1);
    }

    public Level level(int rings) {
        return level(rings, i -> { });
    }

    /** One accepted molecule. */
    public static final class Molecule {
        private final String id;
        private final String smiles;
        private final FusedRingSystem system;
        private final GraphOfRings gor;
        private final IAtomContainer molecule;
        private final HuckelResult huckel;

        Molecule(String id, String smiles, FusedRingSystem system, GraphOfRings gor, IAtomContainer molecule,
                HuckelResult huckel) {
            this.id = id;
            this.smiles = smiles;
            this.system = system;
            this.gor = gor;
            this.molecule = molecule;
            this.huckel = huckel;
        }

        /** {@code PAS<rings>-<n>}: ring count and rank in this space's acceptance order. */
        public String id() {
            return id;
        }

        /** Canonical aromatic SMILES (CDK). */
        public String smiles() {
            return smiles;
        }

        public FusedRingSystem system() {
            return system;
        }

        /** Graph of rings of the relaxed 3-D geometry, hetero layout, with Pz/Db orientation alternatives. */
        public GraphOfRings gor() {
            return gor;
        }

        /** A copy of the decoded molecule: explicit H, Kekulé bond orders, 3-D coordinates. */
        public IAtomContainer molecule() {
            try {
                return molecule.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        public HuckelResult huckel() {
            return huckel;
        }
    }

    /** The molecules of one ring count and how they were found. */
    public static final class Level {
        private final int rings;
        private final boolean enumerated;
        private final long candidates;
        private final int distinct;
        private final int checked;
        private final List<Molecule> molecules;
        private final Map<String, Integer> rejected;

        Level(int rings, boolean enumerated, long candidates, int distinct, int checked, List<Molecule> molecules,
                Map<String, Integer> rejected) {
            this.rings = rings;
            this.enumerated = enumerated;
            this.candidates = candidates;
            this.distinct = distinct;
            this.checked = checked;
            this.molecules = Collections.unmodifiableList(molecules);
            this.rejected = Collections.unmodifiableMap(rejected);
        }

        public int rings() {
            return rings;
        }

        /** True when every fusion was tried (so {@link #distinct()} is the full count), false when sampled. */
        public boolean enumerated() {
            return enumerated;
        }

        /** Fusion candidates tried (enumerated) or drawn (sampled), including forbidden ones and duplicates. */
        public long candidates() {
            return candidates;
        }

        /** Distinct molecules the rules allow structurally (all of them when {@link #enumerated()}). */
        public int distinct() {
            return distinct;
        }

        /** Distinct molecules checked chemically (decoded, Hückel, round trip). */
        public int checked() {
            return checked;
        }

        public List<Molecule> molecules() {
            return molecules;
        }

        /** Checked molecules left out, per reason. */
        public Map<String, Integer> rejected() {
            return rejected;
        }

        /**
         * Estimated number of valid molecules with this ring count: {@link #distinct()} × the kept fraction of the
         * checked ones (exact when all distinct molecules were checked); NaN when sampled, since the full count is
         * then unknown.
         */
        public double estimatedSize() {
            if (!enumerated) {
                return Double.NaN;
            }
            return checked == 0 ? 0 : (double) distinct * molecules.size() / checked;
        }
    }

    private Level build(int h, IntConsumer progress) {
        Random random = new Random(seed * 1_000_003L + h);
        List<FusedRingSystem> structures = new ArrayList<>();
        long candidates;
        boolean enumerated;
        Set<String> seen = new HashSet<>();
        if (h == 1) {
            for (RingType t : FusionRules.TYPES) {
                structures.add(FusedRingSystem.single(t));
            }
            candidates = structures.size();
            enumerated = true;
        } else {
            candidates = countCandidates(pool);
            // enumerating from a sampled pool would not give every molecule, so sampling continues from there
            enumerated = poolComplete && candidates <= enumerationLimit;
        }
        Checker checker = new Checker(h);
        if (enumerated) {
            if (h > 1) {
                for (FusedRingSystem p : pool) {
                    for (int r = 0; r < p.ringCount(); r++) {
                        for (int e : p.freeEdges(r)) {
                            for (RingType t : FusionRules.TYPES) {
                                for (int ne : FusedRingSystem.carbonEdges(t)) {
                                    FusedRingSystem c = p.fuse(r, e, t, ne);
                                    if (c != null && seen.add(c.canonicalKey())) {
                                        structures.add(c);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            List<FusedRingSystem> order = new ArrayList<>(structures);
            Collections.shuffle(order, random);
            for (int from = 0; from < order.size() && checker.kept.size() < perRingCount; from += CHUNK) {
                checker.check(order.subList(from, Math.min(order.size(), from + CHUNK)), perRingCount, progress);
            }
        } else {
            long limit = (long) DRAWS_PER_MOLECULE * perRingCount;
            candidates = 0;
            List<FusedRingSystem> chunk = new ArrayList<>(CHUNK);
            while (checker.kept.size() < perRingCount && candidates < limit) {
                candidates++;
                FusedRingSystem p = pool.get(random.nextInt(pool.size()));
                FusedRingSystem c = randomFusion(p, random);
                if (c != null && seen.add(c.canonicalKey())) {
                    structures.add(c);
                    chunk.add(c);
                }
                if (chunk.size() == CHUNK || candidates == limit) {
                    checker.check(chunk, perRingCount, progress);
                    chunk.clear();
                }
            }
        }
        pool = structures;
        poolComplete = enumerated;
        return new Level(h, enumerated, candidates, structures.size(), checker.checked, checker.kept,
                checker.rejected);
    }

    private static long countCandidates(List<FusedRingSystem> pool) {
        long n = 0;
        int perRing = 0;
        for (RingType t : FusionRules.TYPES) {
            perRing += FusedRingSystem.carbonEdges(t).length;
        }
        for (FusedRingSystem p : pool) {
            for (int r = 0; r < p.ringCount(); r++) {
                n += (long) p.freeEdges(r).length * perRing;
            }
        }
        return n;
    }

    /** One fusion drawn uniformly from all (ring, free edge, type, edge of the new ring) choices; null if forbidden. */
    private static FusedRingSystem randomFusion(FusedRingSystem p, Random random) {
        List<int[]> sites = new ArrayList<>();
        for (int r = 0; r < p.ringCount(); r++) {
            for (int e : p.freeEdges(r)) {
                sites.add(new int[] {r, e});
            }
        }
        if (sites.isEmpty()) {
            return null;
        }
        List<Object[]> choices = new ArrayList<>();
        for (RingType t : FusionRules.TYPES) {
            for (int ne : FusedRingSystem.carbonEdges(t)) {
                choices.add(new Object[] {t, ne});
            }
        }
        int[] site = sites.get(random.nextInt(sites.size()));
        Object[] choice = choices.get(random.nextInt(choices.size()));
        return p.fuse(site[0], site[1], (RingType) choice[0], (Integer) choice[1]);
    }

    /** The chemical checks of one ring count, with their counts. */
    private static final class Checker {
        private final int rings;
        private final HuckelCalculator huckel = new HuckelCalculator(); // thread-safe
        final List<Molecule> kept = new ArrayList<>();
        final Map<String, Integer> rejected = new LinkedHashMap<>();
        int checked;

        Checker(int rings) {
            this.rings = rings;
        }

        /**
         * Checks a chunk of structures in parallel, then takes the results in chunk order until {@code cap} are
         * kept; the outcome does not depend on the number of threads.
         */
        void check(List<FusedRingSystem> chunk, int cap, IntConsumer progress) {
            List<Object> results = chunk.parallelStream().map(this::assess).collect(Collectors.toList());
            for (int i = 0; i < results.size() && kept.size() < cap; i++) {
                checked++;
                Object r = results.get(i);
                if (r instanceof String) {
                    rejected.merge((String) r, 1, Integer::sum);
                } else {
                    Molecule m = (Molecule) r;
                    kept.add(new Molecule(String.format(Locale.ROOT, "PAS%d-%05d", rings, kept.size() + 1),
                            m.smiles(), m.system(), m.gor(), m.molecule, m.huckel()));
                    progress.accept(kept.size());
                }
            }
        }

        /** The molecule (id not yet assigned), or why it is left out. */
        private Object assess(FusedRingSystem s) {
            GraphOfRings template = s.gor();
            DecodedMolecule d = GorDecoder.decode(template, GorKind.HETERO);
            if (!d.valid()) {
                return "decoded invalid: " + d.failure().description();
            }
            if (!sameFusions(s, template)) {
                return "fusions not recovered from ring distances";
            }
            IAtomContainer mol = d.molecule();
            if (!s.canonicalKey().equals(FusedRingSystem.heavyAtomKey(mol))) {
                return "decoded to another molecule";
            }
            HuckelResult hmo;
            try {
                hmo = huckel.compute(mol);
            } catch (HuckelException e) {
                return "no Hückel solution";
            }
            if (hmo.isOpenShell()) {
                return "open-shell Hückel ground state";
            }
            GraphOfRings gor;
            try {
                gor = GorEncoder.encode(mol, GorKind.HETERO, null);
            } catch (GorEncodingException e) {
                return "3-D geometry not encodable: " + e.reason();
            }
            DecodedMolecule again = GorDecoder.decode(gor, GorKind.HETERO);
            if (!again.valid()) {
                return "3-D geometry decodes invalid: " + again.failure().description();
            }
            if (!s.canonicalKey().equals(FusedRingSystem.heavyAtomKey(again.molecule()))) {
                return "3-D geometry decodes to another molecule";
            }
            String smiles;
            try {
                smiles = MoleculeIdentity.canonicalSmiles(mol);
            } catch (CDKException e) {
                return "no SMILES: " + e.getMessage();
            }
            return new Molecule("", smiles, s, gor, mol, hmo);
        }

        private static boolean sameFusions(FusedRingSystem s, GraphOfRings gor) {
            return s.fusedPairsMatch(RingAdjacency.of(gor.types(), gor.centroids(), GorKind.HETERO));
        }
    }
}
