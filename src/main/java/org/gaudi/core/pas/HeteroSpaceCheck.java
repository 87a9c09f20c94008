package org.gaudi.core.pas;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.RingType;
import org.openscience.cdk.exception.CDKException;

/**
 * The self-check of the embedded hetero space, as {@code key: value} lines: size per ring count (how it was found and
 * what the rules left out), the round trip of every kept molecule (its graph of rings decoded back has the same
 * standard InChI), and the ring-type census.
 */
public final class HeteroSpaceCheck {
    private static final int FAILURES_LISTED = 5;

    private HeteroSpaceCheck() {
    }

    /** Builds ring counts 1..maxRings of the space and returns the report lines. */
    public static List<String> run(HeteroSpace space, int maxRings) throws CDKException {
        List<String> out = new ArrayList<>();
        long t0 = System.nanoTime();
        List<HeteroSpace.Level> levels = new ArrayList<>();
        for (int h = 1; h <= maxRings; h++) {
            levels.add(space.level(h));
        }
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        int total = 0;
        for (HeteroSpace.Level l : levels) {
            String size = l.enumerated()
                    ? String.format(Locale.ROOT, "%d distinct, ~%.0f valid", l.distinct(), l.estimatedSize())
                    : "sampled (" + l.distinct() + " distinct drawn)";
            out.add(String.format(Locale.ROOT, "hetero-h%d: kept %d of %d checked; space %s; %d fusion candidates",
                    l.rings(), l.molecules().size(), l.checked(), size, l.candidates()));
            for (Map.Entry<String, Integer> e : l.rejected().entrySet()) {
                out.add(String.format(Locale.ROOT, "  left out (%s): %d", e.getKey(), e.getValue()));
            }
            total += l.molecules().size();
        }
        out.add(String.format(Locale.ROOT, "hetero-h1-%d: %d (seed %d, at most %d per ring count)", maxRings, total,
                space.seed(), space.perRingCount()));
        out.add(String.format(Locale.ROOT, "hetero-generation-seconds: %.2f", genSeconds));

        long t1 = System.nanoTime();
        int ok = 0;
        List<String> failures = new ArrayList<>();
        Map<RingType, Integer> census = new EnumMap<>(RingType.class);
        for (HeteroSpace.Level l : levels) {
            for (HeteroSpace.Molecule m : l.molecules()) {
                for (RingType t : m.gor().types()) {
                    census.merge(t, 1, Integer::sum);
                }
                String want = MoleculeIdentity.inchi(m.molecule());
                DecodedMolecule d = GorDecoder.decode(m.gor(), GorKind.HETERO);
                if (d.valid() && want.equals(d.inchi())) {
                    ok++;
                } else if (failures.size() < FAILURES_LISTED) {
                    failures.add(m.id() + " " + m.smiles() + ": " + (d.valid() ? "decoded to " + d.smiles()
                            : d.failure().description()));
                }
            }
        }
        out.add(String.format(Locale.ROOT, "hetero-roundtrip: %d/%d", ok, total));
        for (String f : failures) {
            out.add("  round-trip failure: " + f);
        }
        out.add(String.format(Locale.ROOT, "hetero-roundtrip-seconds: %.2f", (System.nanoTime() - t1) / 1e9));
        StringBuilder sb = new StringBuilder("hetero-ring-census:");
        for (Map.Entry<RingType, Integer> e : census.entrySet()) {
            sb.append(' ').append(e.getKey().key()).append('=').append(e.getValue());
        }
        out.add(sb.toString());
        return out;
    }
}
