package org.gaudi.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gaudi.cli.bench.OodLines;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.ood.OodFigures;
import org.gaudi.core.oracle.EmbeddedSpace;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.report.OodStory;
import org.gaudi.core.report.SweepRun;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.GuidedSampler;

/**
 * The demo's "beyond the training data" story (issue 11): the sweep's runs scored exactly against every molecule of
 * their ring count, the training maximum the models were allowed to see, and guidance against sample-and-rank at equal
 * molecule count. Kept apart from {@link DemoCommand} so the demo's other parts stay independent of it.
 */
final class DemoOod {
    /** File of the results folder with every {@code ood-*} line. */
    static final String FILE = "ood.txt";

    private DemoOod() {
    }

    /**
     * The story of a sweep, or empty with the reason on {@code why} when it does not apply: the objective reads a
     * property Hückel theory does not give, the ring count is outside the embedded space, or the sweep lacks the
     * unguided run or a guided one.
     */
    static Optional<OodStory> of(GuidedSampler sampler, int rings, List<SweepRun> runs, double headline,
            StringBuilder why) {
        Optional<ExactOracle> oracle = ExactOracle.forObjective(sampler.objective());
        if (oracle.isEmpty()) {
            why.append("the objective reads properties the exact oracle cannot compute");
            return Optional.empty();
        }
        if (sampler.edm().architecture().kind() != org.gaudi.core.gor.GorKind.CATA) {
            why.append("the exact oracle ranks designs among every cata-condensed benzenoid of their ring count;"
                    + " the hetero space is sampled beyond 3 rings, so there is no exhaustive reference (the Hückel"
                    + " gap of every valid design is still computed exactly)");
            return Optional.empty();
        }
        if (!EmbeddedSpace.covers(rings)) {
            why.append("the embedded space has no molecules with ").append(rings).append(" rings");
            return Optional.empty();
        }
        Map<Double, DesignResult> byScale = new LinkedHashMap<>();
        for (SweepRun r : runs) {
            byScale.put(r.scale(), r.result());
        }
        if (!byScale.containsKey(0.0) || byScale.size() < 2) {
            why.append("the sweep needs the unguided run (scale 0) and a guided scale");
            return Optional.empty();
        }
        TrainingReference training = TrainingReference.of(sampler.edm().data(), sampler.predictor().data());
        OodComparison c = OodComparison.of(oracle.get(), training, rings, byScale);
        String holdOut = HoldOutBest.fromSource(sampler.edm().data().source()).map(h -> "the best "
                + SweepRun.formatScale(100 * h.fraction()) + " % by " + h.property() + " of every ring count")
                .orElse(null);
        return Optional.of(new OodStory(c, oracle.get().unit(), holdOut, headline));
    }

    /** The demo's headline lines. */
    static List<String> headline(OodStory s) {
        OodComparison c = s.comparison();
        OodComparison.Scale head = s.headline();
        OodFigures g = head.guided();
        OodFigures r = head.sampleAndRank();
        String unit = s.unit();
        List<String> out = new ArrayList<>();
        out.add(c.trainingMax() == null ? "demo-ood-train-max: n/a (the models' data holds no " + c.rings()
                + "-ring molecule of the embedded space)"
                : String.format(Locale.ROOT, "demo-ood-train-max: %s (best %d-ring molecule the models saw%s; %d of"
                        + " the %d molecules with %d rings are better)", value(c.trainingMax(), unit), c.rings(),
                        s.holdOut() == null ? "" : "; " + s.holdOut() + " were held out", c.beyondInSpace(),
                        c.spaceSize(), c.rings()));
        out.add(String.format(Locale.ROOT, "demo-ood-beyond-train-max: %.4f (%d/%d valid guided designs at scale %s,"
                + " %d distinct; unguided %.4f, sample-and-rank %.4f)", g.beyondFraction(), g.beyond(), g.proposed(),
                SweepRun.formatScale(head.scale()), g.beyondDistinct(), c.unguided().beyondFraction(),
                r.beyondFraction()));
        out.add(g.bestRank() == null ? "demo-ood-best-rank: n/a (no valid guided design in the embedded space)"
                : String.format(Locale.ROOT, "demo-ood-best-rank: %d of %d (top %.2f %%, %s; sample-and-rank: rank"
                        + " %s)", g.bestRank(), g.spaceSize(), 100.0 * g.bestRank() / g.spaceSize(),
                        value(g.bestValue(), unit), r.bestRank() == null ? "n/a" : r.bestRank().toString()));
        out.add(String.format(Locale.ROOT, "demo-ood-vs-sample-and-rank: top-10 mean %s guided vs %s sample-and-rank,"
                + " beyond the training maximum %.4f vs %.4f (%d designs each from %d sampled molecules)",
                value(g.top10Mean(), unit), value(r.top10Mean(), unit), g.beyondFraction(), r.beyondFraction(),
                g.proposed(), g.sampled()));
        return out;
    }

    /** Every {@code ood-*} line, as {@code bench ood} prints them (for {@value #FILE} and --ood-details). */
    static List<String> details(OodStory s, GuidedSampler sampler) {
        List<String> out = new ArrayList<>(OodLines.header(s.comparison(), s.unit()));
        out.addAll(OodLines.figures(s.comparison(), s.unit()));
        out.addAll(OodLines.acceptance(s.comparison(), s.unit(), sampler.objective().direction()));
        return out;
    }

    private static String value(Double v, String unit) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f%s", v, unit.isEmpty() ? "" : " " + unit);
    }
}
