package org.gaudi.core.xtb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.huckel.LinearFit;

/**
 * How well our Hückel gaps track GFN2-xTB on an embedded space: draw N molecules (seeded, without replacement, over
 * the ring-count range), decode each graph of rings to a molecule with explicit H and our 3-D conformer, let xtb
 * optimise it and read the gap, then fit xtb gap = a + b · Hückel gap (eV) over the molecules xtb finished.
 */
public final class XtbOracleComparison {

    /**
     * @param space      the embedded space
     * @param drawn      molecules drawn
     * @param fit        xtb gap against Hückel gap over the successful runs; null with fewer than 3 of them or
     *                   equal Hückel gaps
     * @param tally      every run's outcome (decoding failures count as bad input)
     * @param huckelGaps the drawn molecules' Hückel gaps (eV), in draw order
     * @param outcomes   the runs, in draw order
     * @param ids        the drawn molecules' ids, in draw order
     */
    public record Result(EmbeddedDataset.Space space, int drawn, LinearFit fit, XtbTally tally, double[] huckelGaps,
            List<XtbOutcome> outcomes, List<String> ids) {
    }

    private XtbOracleComparison() {
    }

    /** The molecules drawn: n of the space's minRings..maxRings records, seeded, in draw order. */
    public static List<MoleculeRecord> draw(EmbeddedDataset.Space space, int minRings, int maxRings, int n,
            long seed) {
        Dataset d = EmbeddedDataset.generate(space, minRings, maxRings, i -> { });
        List<MoleculeRecord> all = new ArrayList<>(d.records());
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * Runs the comparison.
     *
     * @throws XtbCancelledException when cancelled
     */
    public static Result run(EmbeddedDataset.Space space, List<MoleculeRecord> drawn, XtbRunner runner,
            XtbProgress progress, BooleanSupplier cancelled) {
        int gapColumn = EmbeddedDataset.PROPERTIES.indexOf(HuckelProperties.GAP_EV);
        GorKind kind = space == EmbeddedDataset.Space.HETERO ? GorKind.HETERO : null;
        List<Supplier<XtbGeometry>> input = new ArrayList<>();
        double[] huckel = new double[drawn.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            MoleculeRecord r = drawn.get(i);
            huckel[i] = r.property(gapColumn);
            ids.add(r.id());
            input.add(() -> geometry(r, kind));
        }
        XtbBatch.Result b = new XtbBatch(runner).run(input, progress, cancelled);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            XtbOutcome o = b.outcomes().get(i);
            if (o.ok()) {
                x.add(huckel[i]);
                y.add(o.gapEv());
            }
        }
        LinearFit fit = null;
        if (x.size() >= 3) {
            try {
                fit = LinearFit.of(x.stream().mapToDouble(Double::doubleValue).toArray(),
                        y.stream().mapToDouble(Double::doubleValue).toArray());
            } catch (IllegalArgumentException e) {
                // all Hückel gaps equal: no line, reported as "no fit"
            }
        }
        return new Result(space, drawn.size(), fit, b.tally(), huckel, b.outcomes(), ids);
    }

    /** The molecule of a record's graph of rings, decoded with our conformer. */
    static XtbGeometry geometry(MoleculeRecord r, GorKind kind) {
        DecodedMolecule d = kind == null ? GorDecoder.decode(r.gor()) : GorDecoder.decode(r.gor(), kind);
        if (!d.chemicallyValid()) {
            throw new IllegalArgumentException(r.id() + " (" + r.smiles() + ") does not decode: "
                    + d.chemicalFailure() + " " + d.chemicalFailureMessage());
        }
        return XtbGeometry.of(d.molecule());
    }
}
