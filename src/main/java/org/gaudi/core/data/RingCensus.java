package org.gaudi.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaudi.core.gor.RingType;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * The smallest set of smallest rings of a molecule graph, each matched to GaUDI's ring types by its sorted element
 * multiset (GaUDI §3.1). Used before any geometry is made, so that unknown ring types and ring-count limits are
 * rejected early and benzenoids are recognised for lattice embedding.
 */
final class RingCensus {
    private final int ringCount;
    private final String unknownRing;
    private final boolean benzenoid;

    private RingCensus(int ringCount, String unknownRing, boolean benzenoid) {
        this.ringCount = ringCount;
        this.unknownRing = unknownRing;
        this.benzenoid = benzenoid;
    }

    static RingCensus of(IAtomContainer mol) {
        int[][] paths = Cycles.sssr(mol).paths();
        String unknown = null;
        boolean allBenzene = paths.length > 0;
        for (int[] path : paths) {
            String[] elements = new String[path.length - 1]; // paths are closed: first == last
            for (int i = 0; i < elements.length; i++) {
                elements[i] = mol.getAtom(path[i]).getSymbol();
            }
            Arrays.sort(elements);
            String key = String.join("", elements);
            if (!TEMPLATE_KEYS.contains(key)) {
                if (unknown == null) {
                    unknown = elements.length + "-membered ring " + key;
                }
            }
            if (!"CCCCCC".equals(key)) {
                allBenzene = false;
            }
        }
        return new RingCensus(paths.length, unknown, allBenzene);
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

    /** Number of rings (size of the smallest set of smallest rings). */
    int ringCount() {
        return ringCount;
    }

    /** Description of the first ring matching no GaUDI ring type, or null when all match. */
    String unknownRing() {
        return unknownRing;
    }

    /** True when there is at least one ring and every ring is an all-carbon hexagon. */
    boolean isBenzenoid() {
        return benzenoid;
    }
}
