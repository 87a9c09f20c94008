package org.gaudi.core.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;

/**
 * Every cata-condensed benzenoid with one ring count and its exact Hückel properties (the embedded dataset's columns,
 * {@link EmbeddedDataset#PROPERTIES}). Built once per ring count and JVM (enumeration plus one Hückel calculation per
 * molecule: well under a second for 9 rings) and shared; immutable.
 */
public final class EmbeddedSpace {
    private static final Map<Integer, EmbeddedSpace> CACHE = new ConcurrentHashMap<>();

    private final int rings;
    private final List<String> ids;
    private final double[][] properties;
    private final Map<String, Integer> index;

    private EmbeddedSpace(int rings, List<String> ids, double[][] properties) {
        this.rings = rings;
        this.ids = Collections.unmodifiableList(ids);
        this.properties = properties;
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), i);
        }
        this.index = m;
    }

    /** Whether the embedded space has molecules with this many rings (1..{@link EmbeddedDataset#MAX_RINGS}). */
    public static boolean covers(int rings) {
        return rings >= 1 && rings <= EmbeddedDataset.MAX_RINGS;
    }

    /**
     * The space of one ring count (built on first use, then cached).
     *
     * @throws IllegalArgumentException outside {@link #covers}
     * @throws IllegalStateException    if a molecule of the space had no Hückel solution (never for closed-shell
     *                                  benzenoids; reported rather than leaving a hole in the ranking)
     */
    public static EmbeddedSpace of(int rings) {
        if (!covers(rings)) {
            throw new IllegalArgumentException("the embedded space has cata-condensed benzenoids with 1.."
                    + EmbeddedDataset.MAX_RINGS + " rings, not " + rings);
        }
        return CACHE.computeIfAbsent(rings, EmbeddedSpace::build);
    }

    private static EmbeddedSpace build(int rings) {
        Dataset d = EmbeddedDataset.generate(rings, rings, i -> { });
        if (!d.rejections().isEmpty()) {
            throw new IllegalStateException("the embedded space of " + rings + " rings is incomplete: "
                    + d.rejections().size() + " molecules had no Hückel solution, e.g. " + d.rejections().get(0));
        }
        List<String> ids = new ArrayList<>(d.size());
        double[][] p = new double[d.size()][];
        int i = 0;
        for (MoleculeRecord r : d.records()) {
            ids.add(r.id());
            p[i++] = r.properties();
        }
        return new EmbeddedSpace(rings, ids, p);
    }

    public int rings() {
        return rings;
    }

    /** Number of molecules (1,689 for 9 rings). */
    public int size() {
        return ids.size();
    }

    /** Canonical annulation ids ({@link org.gaudi.core.pah.CataBenzenoid#id()}), in enumeration order. */
    public List<String> ids() {
        return ids;
    }

    /** Position of a canonical id, or -1 when it is not a molecule of this space. */
    public int indexOf(String canonicalId) {
        Integer i = index.get(canonicalId);
        return i == null ? -1 : i;
    }

    /** The Hückel properties of molecule i, in {@link EmbeddedDataset#PROPERTIES} order (a copy). */
    public double[] properties(int i) {
        return properties[i].clone();
    }
}
