package org.gaudi.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.ood.OodFigures;
import org.gaudi.core.report.SweepRun;

/**
 * The {@code ood-*} lines of {@code bench ood} and of the demo: one {@code key: value} line per figure, method and
 * scale. Keys are {@code ood-<figure>/<method>} for the unguided run and {@code ood-<figure>/<method>@<scale>} for
 * guided design and sample-and-rank at that scale's k.
 */
public final class OodLines {
    /** Acceptance bars of issue 11 (9 rings, hold-out q = 5 %). */
    public static final double MIN_VALID = 0.80;
    public static final double MIN_BEYOND = 0.25;
    public static final double MAX_BEST_TOP_PERCENT = 0.5;

    private OodLines() {
    }

    /** The header lines: ring count, the space and the training maximum. */
    public static List<String> header(OodComparison c, String unit) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "ood-rings: %d", c.rings()));
        out.add(String.format(Locale.ROOT, "ood-space: %d molecules with %d rings, best %s", c.spaceSize(), c.rings(),
                value(c.spaceBest(), unit)));
        out.add(c.trainingMax() == null ? "ood-train-max: n/a (the models' data holds no molecule of the embedded"
                + " space with " + c.rings() + " rings)"
                : String.format(Locale.ROOT, "ood-train-max: %s (best of the %d molecules with %d rings in the models'"
                        + " data; %d molecules of the space are beyond it)", value(c.trainingMax(), unit),
                        c.trainingCount(), c.rings(), c.beyondInSpace()));
        return out;
    }

    /** The figure lines of every method and scale. */
    public static List<String> figures(OodComparison c, String unit) {
        List<String> out = new ArrayList<>(method(c.unguided(), unit));
        for (OodComparison.Scale s : c.scales()) {
            out.addAll(method(s.guided(), unit));
            out.addAll(method(s.sampleAndRank(), unit));
        }
        return out;
    }

    /** The lines of one method at one scale. */
    public static List<String> method(OodFigures f, String unit) {
        String m = label(f);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "ood-valid/%s: %.4f (%d/%d)", m, f.validFraction(), f.valid(),
                f.sampled()));
        if (f.method().startsWith(OodComparison.SAMPLE_AND_RANK)) {
            out.add(String.format(Locale.ROOT, "ood-proposed/%s: %d (the top %d of the pool by predicted objective)",
                    m, f.proposed(), f.proposed()));
        }
        out.add(String.format(Locale.ROOT, "ood-beyond-train-max/%s: %.4f (%d/%d; %d distinct)", m,
                f.beyondFraction(), f.beyond(), f.proposed(), f.beyondDistinct()));
        out.add(f.bestRank() == null ? "ood-best-percentile/" + m + ": n/a"
                : String.format(Locale.ROOT, "ood-best-percentile/%s: %.2f (rank %d of %d, %s)", m,
                        f.bestPercentile(), f.bestRank(), f.spaceSize(), value(f.bestValue(), unit)));
        out.add(f.top10Mean() == null ? "ood-top10-mean/" + m + ": n/a"
                : String.format(Locale.ROOT, "ood-top10-mean/%s: %s (%d distinct)", m, value(f.top10Mean(), unit),
                        f.top10Count()));
        out.add(String.format(Locale.ROOT, "ood-distinct/%s: %.4f (%d distinct molecules among %d scored designs)",
                m, f.distinctFraction(), f.distinct(), f.scored()));
        out.add(String.format(Locale.ROOT, "ood-novel/%s: %.4f (%d/%d)", m, f.novelFraction(), f.novel(),
                f.proposed()));
        out.add(String.format(Locale.ROOT, "ood-seconds/%s: %.1f%s", m, f.seconds(),
                f.method().startsWith(OodComparison.SAMPLE_AND_RANK) ? " (the unguided pool)" : ""));
        return out;
    }

    /** {@code unguided}, {@code guided@0.6}, {@code sample-and-rank@0.6}. */
    public static String label(OodFigures f) {
        return f.method().equals(OodComparison.UNGUIDED) ? f.method()
                : f.method() + "@" + SweepRun.formatScale(f.scale());
    }

    /**
     * The scale to judge guidance by: the one with the largest share beyond the training maximum among those that
     * keep validity at {@link #MIN_VALID} or more (else among all).
     */
    public static OodComparison.Scale judged(OodComparison c) {
        OodComparison.Scale best = null;
        for (OodComparison.Scale s : c.scales()) {
            if (s.guided().validFraction() >= MIN_VALID
                    && (best == null || s.guided().beyondFraction() > best.guided().beyondFraction())) {
                best = s;
            }
        }
        return best != null ? best : c.bestScale();
    }

    /** The acceptance lines for the judged scale (issue 11's bars). */
    public static List<String> acceptance(OodComparison c, String unit, Direction direction) {
        return acceptance(c, unit, direction, "");
    }

    /** The acceptance lines with a suffix on every key (e.g. {@code /smc} when several samplers are compared). */
    public static List<String> acceptance(OodComparison c, String unit, Direction direction, String keySuffix) {
        OodComparison.Scale s = judged(c);
        OodFigures g = s.guided();
        OodFigures r = s.sampleAndRank();
        List<String> out = new ArrayList<>();
        out.add("ood-judged-scale" + keySuffix + ": " + SweepRun.formatScale(s.scale()) + " (largest share beyond the"
                + " training maximum with valid >= " + MIN_VALID + ", else overall)");
        out.add(check("ood-check-valid" + keySuffix, g.validFraction() >= MIN_VALID,
                String.format(Locale.ROOT, "%.4f >= %.2f", g.validFraction(), MIN_VALID)));
        out.add(check("ood-check-beyond" + keySuffix, g.beyondFraction() >= MIN_BEYOND,
                String.format(Locale.ROOT, "%.4f >= %.2f", g.beyondFraction(), MIN_BEYOND)));
        double top = g.bestRank() == null ? Double.NaN : 100.0 * g.bestRank() / g.spaceSize();
        out.add(check("ood-check-best-top" + keySuffix, top <= MAX_BEST_TOP_PERCENT,
                String.format(Locale.ROOT, "top %.3f %% <= %.1f %%", top, MAX_BEST_TOP_PERCENT)));
        boolean aheadBeyond = g.beyondFraction() > r.beyondFraction();
        boolean aheadTop = g.top10Mean() != null && (r.top10Mean() == null
                || direction.lossSign() * g.top10Mean() < direction.lossSign() * r.top10Mean());
        out.add(check("ood-check-ahead-of-sample-and-rank" + keySuffix, aheadBeyond && aheadTop, String.format(Locale.ROOT,
                "beyond %.4f vs %.4f, top10-mean %s vs %s", g.beyondFraction(), r.beyondFraction(),
                value(g.top10Mean(), unit), value(r.top10Mean(), unit))));
        return out;
    }

    private static String check(String key, boolean ok, String detail) {
        return key + ": " + (ok ? "pass" : "FAIL") + " (" + detail + ")";
    }

    private static String value(Double v, String unit) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f%s", v, unit == null || unit.isEmpty() ? ""
                : " " + unit);
    }
}
