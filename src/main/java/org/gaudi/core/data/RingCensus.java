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

    private RingCensus(String unknownRing) {
        this.unknownRing = unknownRing;
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
        return new RingCensus(unknown);
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
