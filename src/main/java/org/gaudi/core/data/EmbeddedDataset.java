package org.gaudi.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.gaudi.core.huckel.HuckelCalculator;
import org.gaudi.core.huckel.HuckelCalibration;
import org.gaudi.core.huckel.HuckelException;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.huckel.HuckelResult;
import org.gaudi.core.pah.CataBenzenoid;
import org.gaudi.core.pah.CataBenzenoidEnumerator;
import org.gaudi.core.pas.HeteroSpace;

/**
 * The product's own datasets, generated on the fly (nothing downloaded, nothing licence-encumbered shipped), with
 * Hückel (HMO) properties in the same columns:
 * <ul>
 * <li>{@link Space#BENZENOID}: every cata-condensed benzenoid (helicenes included) with 1..11 rings, on the
 * hexagonal lattice;</li>
 * <li>{@link Space#HETERO}: cata-condensed hetero-polycyclic aromatic systems from GaUDI's ring types with 1..8 rings
 * ({@link HeteroSpace}: enumerated up to 3 rings, sampled beyond, a fixed seed), Van-Catledge heteroatom
 * parameters.</li>
 * </ul>
 */
public final class EmbeddedDataset {
    /** Which embedded chemical space. */
    public enum Space {
        BENZENOID("benzenoid", 11),
        HETERO("hetero", HeteroSpace.MAX_RINGS);

        private final String key;
        private final int maxRings;

        Space(String key, int maxRings) {
            this.key = key;
            this.maxRings = maxRings;
        }

        /** Lower-case name used by the CLI and node settings. */
        public String key() {
            return key;
        }

        /** Largest ring count of the space. */
        public int maxRings() {
            return maxRings;
        }

        /**
         * The space named by {@link #key()} (case-insensitive).
         *
         * @throws IllegalArgumentException naming the choices
         */
        public static Space of(String key) {
            for (Space s : values()) {
                if (s.key.equalsIgnoreCase(key.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown embedded space '" + key + "' (expected benzenoid or hetero)");
        }
    }

    /** Properties of every embedded molecule, in column order. */
    public static final List<String> PROPERTIES = HuckelProperties.NAMES;

    /** Upper bound on the ring count (36,043 molecules up to 11 rings; beyond that the set grows ~4x per ring). */
    public static final int MAX_RINGS = 11;

    private EmbeddedDataset() {
    }

    /** All cc-PBHs with 1..maxRings rings. */
    public static Dataset generate(int maxRings) {
        return generate(1, maxRings, i -> { });
    }

    /**
     * All cc-PBHs with minRings..maxRings rings.
     *
     * @param progress receives the number of molecules done so far (for progress bars)
     */
    public static Dataset generate(int minRings, int maxRings, IntConsumer progress) {
        if (minRings < 1 || maxRings > MAX_RINGS || minRings > maxRings) {
            throw new IllegalArgumentException("ring range must satisfy 1 <= min <= max <= " + MAX_RINGS + ", got "
                    + minRings + ".." + maxRings);
        }
        HuckelCalculator huckel = new HuckelCalculator();
        List<MoleculeRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        String source = source(minRings, maxRings);
        List<List<CataBenzenoid>> levels = CataBenzenoidEnumerator.enumerateUpTo(maxRings);
        int done = 0;
        for (int h = minRings; h <= maxRings; h++) {
            for (CataBenzenoid mol : levels.get(h - 1)) {
                try {
                    HuckelResult r = huckel.compute(mol.molecule());
                    records.add(new MoleculeRecord(mol.id(), mol.smiles(), mol.gor(), properties(r)));
                } catch (HuckelException e) {
                    // Closed-shell benzenoids always have a Hückel solution; record the exception, never drop it.
                    rejections.add(new Rejection(source, 0, mol.id(), RejectionReason.UNSUPPORTED_STRUCTURE,
                            e.getMessage()));
                }
                progress.accept(++done);
            }
        }
        return new Dataset(source, PROPERTIES, records, rejections);
    }

    /**
     * The molecules of an embedded space with minRings..maxRings rings.
     *
     * @param progress receives the number of molecules done so far
     */
    public static Dataset generate(Space space, int minRings, int maxRings, IntConsumer progress) {
        if (space == Space.BENZENOID) {
            return generate(minRings, maxRings, progress);
        }
        if (minRings < 1 || maxRings > space.maxRings() || minRings > maxRings) {
            throw new IllegalArgumentException("ring range must satisfy 1 <= min <= max <= " + space.maxRings()
                    + " for the " + space.key() + " space, got " + minRings + ".." + maxRings);
        }
        return generate(HeteroSpace.standard(), minRings, maxRings, progress);
    }

    /** The molecules of a given hetero space (e.g. another seed or cap) with minRings..maxRings rings. */
    public static Dataset generate(HeteroSpace hetero, int minRings, int maxRings, IntConsumer progress) {
        if (minRings < 1 || maxRings > HeteroSpace.MAX_RINGS || minRings > maxRings) {
            throw new IllegalArgumentException("ring range must satisfy 1 <= min <= max <= " + HeteroSpace.MAX_RINGS
                    + " for the hetero space, got " + minRings + ".." + maxRings);
        }
        List<MoleculeRecord> records = new ArrayList<>();
        for (int h = minRings; h <= maxRings; h++) {
            int before = records.size();
            for (HeteroSpace.Molecule m : hetero.level(h, i -> progress.accept(before + i)).molecules()) {
                records.add(new MoleculeRecord(m.id(), m.smiles(), m.gor(), properties(m.huckel())));
            }
            progress.accept(records.size());
        }
        // Candidates the rules leave out are not input records; HeteroSpace.Level counts them per reason.
        return new Dataset(heteroSource(minRings, maxRings), PROPERTIES, records, List.of());
    }

    static String heteroSource(int minRings, int maxRings) {
        return "embedded hetero PASs, " + minRings + "-" + maxRings + " rings, Hückel properties (Van-Catledge)";
    }

    /** Number of molecules {@link #generate(int, int, IntConsumer)} will produce, for progress totals. */
    public static long size(int minRings, int maxRings) {
        int[] counts = CataBenzenoidEnumerator.counts(maxRings);
        long n = 0;
        for (int h = minRings; h <= maxRings; h++) {
            n += counts[h - 1];
        }
        return n;
    }

    static String source(int minRings, int maxRings) {
        return "embedded cata-condensed benzenoids, " + minRings + "-" + maxRings + " rings, Hückel properties";
    }

    private static double[] properties(HuckelResult r) {
        double[] p = new double[PROPERTIES.size()];
        p[PROPERTIES.indexOf(HuckelProperties.GAP_BETA)] = r.gap();
        p[PROPERTIES.indexOf(HuckelProperties.HOMO_BETA)] = r.homo();
        p[PROPERTIES.indexOf(HuckelProperties.LUMO_BETA)] = r.lumo();
        p[PROPERTIES.indexOf(HuckelProperties.GAP_EV)] = HuckelCalibration.gapEv(r.gap());
        p[PROPERTIES.indexOf(HuckelProperties.HOMO_EV)] = HuckelCalibration.homoEv(r.homo());
        p[PROPERTIES.indexOf(HuckelProperties.LUMO_EV)] = HuckelCalibration.lumoEv(r.lumo());
        return p;
    }
}
