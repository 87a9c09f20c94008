package org.gaudi.core.pas;

import java.util.List;

import org.gaudi.core.gor.RingType;

/**
 * Which rings the embedded hetero space builds and how they may be fused. The rules, and why:
 * <ol>
 * <li><b>Ring types</b>: GaUDI's {@code RINGS_DICT} (gaudi-method.md §3.1) except {@link RingType#DhDb}, which GaUDI's
 * encoder never produces from geometry and which has no fused-distance window, so a generated DhDb ring could never
 * be bonded to anything.</li>
 * <li><b>Cata-condensed</b>: two fused rings share exactly one bond and no atom belongs to three rings, so a ring's
 * fused bonds never share an atom. The ring graph is a tree (GaUDI's PASs and COMPAS sets are built this way).</li>
 * <li><b>Fusion only through C–C bonds</b>: heteroatoms never sit at a ring junction. A five-membered heterocycle
 * (pyrrole, furan, thiophene, borole) therefore fuses on its 2,3- or 3,4-bond (benzo[b]/benzo[c] type), pyrazine and
 * diborine only on their two C–C bonds (para to each other), pyridine and borabenzene on their four C–C bonds. This
 * is what GaUDI's data-derived angle windows imply for its PASs (gaudi-method.md §4.2): rings whose C–C bonds are
 * all para (Pz, Db, Cbd) have only a 180° window, five-membered rings only the ~140° window of their two
 * 2,3-bonds (as in dibenzothiophene or carbazole).</li>
 * <li><b>Cyclobutadiene</b> fuses only to six-membered rings (the biphenylene motif); a four-membered ring fused to a
 * four- or five-membered ring is too strained to be a sound aromatic building block.</li>
 * <li><b>Planar layout</b>: rings are regular templates (GaUDI's decoder polygons) unfolded along the fused-ring
 * tree; a new ring's atoms outside its fused bond must keep at least {@link #MIN_CONTACT} Å from every atom of the
 * other rings, which allows bay regions (and dibenzothiophene-like rings around a five-membered ring) and excludes
 * fjords and overlapping (helicene-like) arrangements.</li>
 * <li><b>Chemistry</b> (checked on the decoded molecule, {@link HeteroSpace}): GaUDI's geometric checks pass, the
 * xyz2mol-style bond-order assignment gives a neutral Kekulé structure without charged atoms (our validity rules),
 * and the Hückel ground state (Van-Catledge parameters) is closed-shell, which removes e.g. lone cyclobutadiene.</li>
 * </ol>
 */
public final class FusionRules {
    /** Smallest allowed distance (Å) between atoms of two rings that are not fused (a benzenoid bay: 2.40 Å). */
    public static final double MIN_CONTACT = 2.2;

    /** Ring types of the space, in GaUDI's one-hot order. */
    public static final List<RingType> TYPES = List.of(RingType.Bn, RingType.Pl, RingType.Bl, RingType.Fu,
            RingType.Th, RingType.Pd, RingType.Pz, RingType.Bz, RingType.Db, RingType.Cbd);

    private FusionRules() {
    }

    /** Whether template edge k (vertices k and k+1) of a ring of this type is a C–C bond. */
    public static boolean carbonEdge(RingType type, int edge) {
        List<String> el = type.templateElements();
        return "C".equals(el.get(edge)) && "C".equals(el.get((edge + 1) % el.size()));
    }

    /** Whether rings of these two types may be fused (rule 4; every other pair of {@link #TYPES} may). */
    public static boolean pairAllowed(RingType a, RingType b) {
        if (a == RingType.Cbd) {
            return b.size() == 6;
        }
        if (b == RingType.Cbd) {
            return a.size() == 6;
        }
        return true;
    }
}
