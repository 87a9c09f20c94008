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

/**
 * The product's own dataset: every cata-condensed benzenoid (helicenes included) with 1..maxRings rings, on the
 * hexagonal lattice, with Hückel (HMO) properties. Generated on the fly, so nothing is downloaded and nothing
 * licence-encumbered is shipped.
 */
public final class EmbeddedDataset {
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
