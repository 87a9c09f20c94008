package org.gaudi.core.report;

import java.util.Locale;

import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.ood.OodFigures;

/**
 * The report's "Beyond the training data" section ({@link OodStory}): the training maximum the models were allowed
 * to see, the share of guided designs beyond it, where the best design ranks among all molecules of its ring count,
 * guidance against sample-and-rank at equal molecule count, and the percentile-against-scale chart.
 */
final class OodSection {
    private OodSection() {
    }

    static String html(OodStory story) {
        OodComparison c = story.comparison();
        OodComparison.Scale head = story.headline();
        OodFigures g = head.guided();
        OodFigures r = head.sampleAndRank();
        OodFigures u = c.unguided();
        String unit = story.unit();
        StringBuilder h = new StringBuilder(1 << 14);
        h.append("<section id=\"beyond\">\n<h2>Beyond the training data</h2>\n<p class=\"lead\">");
        if (story.holdOut() != null) {
            h.append("Both models were trained without ").append(HtmlReport.esc(story.holdOut())).append(". ");
        }
        if (c.trainingMax() != null) {
            h.append("The best ").append(c.rings()).append("-ring molecule they saw has ")
                    .append(value(c.trainingMax(), unit)).append("; ").append(c.beyondInSpace()).append(" of the ")
                    .append(c.spaceSize()).append(" molecules with ").append(c.rings())
                    .append(" rings are better. ");
        }
        h.append("Every valid design is scored exactly: Hückel theory on the decoded molecule, ranked among <b>all</b> ")
                .append(c.spaceSize()).append(" cata-condensed benzenoids with ").append(c.rings())
                .append(" rings (the best that exists has ").append(value(c.spaceBest(), unit)).append("). ")
                .append("<i>Sample-and-rank</i> is the brute-force alternative at equal molecule count: the unguided"
                        + " run's molecules ranked by the predictor, keeping as many as the guided run has valid"
                        + " designs.</p>\n<div class=\"facts\">\n");
        fact(h, "Guided designs beyond the training maximum", HtmlReport.pct(g.beyondFraction()),
                "scale " + label(head.scale()) + ": " + g.beyond() + " of " + g.proposed() + " valid designs ("
                        + g.beyondDistinct() + " distinct); unguided " + HtmlReport.pct(u.beyondFraction())
                        + ", sample-and-rank " + HtmlReport.pct(r.beyondFraction()));
        fact(h, "Best design among all " + c.spaceSize() + " molecules", g.bestRank() == null ? "n/a"
                : "rank " + g.bestRank(), g.bestRank() == null ? "no valid design in the embedded space"
                        : String.format(Locale.ROOT, "top %.2f %% (%s); sample-and-rank: rank %s",
                                100.0 * g.bestRank() / c.spaceSize(), value(g.bestValue(), unit),
                                r.bestRank() == null ? "n/a" : r.bestRank().toString()));
        fact(h, "Mean of the 10 best designs", value(g.top10Mean(), unit),
                "sample-and-rank " + value(r.top10Mean(), unit) + ", unguided " + value(u.top10Mean(), unit));
        fact(h, "Designs no model was trained on", HtmlReport.pct(g.novelFraction()),
                g.novel() + " of " + g.proposed() + " valid guided designs (training ids of both models)");
        h.append("</div>\n<figure class=\"chart\" id=\"percentile-vs-scale\">\n<h3>Where the designs rank, against"
                + " the guidance scale</h3>\n");
        int w = HtmlReport.WIDE_W;
        int ht = HtmlReport.WIDE_H;
        h.append("<img alt=\"percentile against scale\" width=\"").append(w).append("\" height=\"").append(ht)
                .append("\" src=\"").append(HtmlReport.pngDataUri(ReportCharts.png(OodCharts.percentileVsScale(c), w,
                        ht))).append("\">\n<figcaption>Percentile of the best and of the median design among all ")
                .append(c.spaceSize()).append(" molecules with ").append(c.rings()).append(" rings (100 = the best"
                        + " molecule that exists), for guided design and for sample-and-rank with as many designs."
                        + " Above the dashed line a design is better than anything the models saw.</figcaption>\n"
                        + "</figure>\n");
        h.append("<table class=\"data\">\n<thead><tr><th>method</th><th>scale</th><th>valid</th><th>designs</th>"
                + "<th>beyond training max</th><th>best rank</th><th>best</th><th>top-10 mean</th>"
                + "<th>median percentile</th><th>not trained on</th><th>time</th></tr></thead>\n<tbody>\n");
        row(h, u, unit);
        for (OodComparison.Scale s : c.scales()) {
            row(h, s.guided(), unit);
            row(h, s.sampleAndRank(), unit);
        }
        h.append("</tbody>\n</table>\n</section>\n");
        return h.toString();
    }

    private static void fact(StringBuilder h, String label, String value, String note) {
        h.append("<div class=\"fact\"><div class=\"label\">").append(HtmlReport.esc(label))
                .append("</div><div class=\"value\">").append(HtmlReport.esc(value)).append("</div><div class=\"note\">")
                .append(HtmlReport.esc(note)).append("</div></div>\n");
    }

    private static void row(StringBuilder h, OodFigures f, String unit) {
        h.append("<tr><td>").append(HtmlReport.esc(f.method())).append("</td><td>").append(label(f.scale()))
                .append("</td><td>").append(HtmlReport.pct(f.validFraction())).append(" <small>(").append(f.valid())
                .append("/").append(f.sampled()).append(")</small></td><td>").append(f.proposed()).append("</td><td>")
                .append(HtmlReport.pct(f.beyondFraction())).append(" <small>(").append(f.beyondDistinct())
                .append(" distinct)</small></td><td>").append(f.bestRank() == null ? "n/a" : f.bestRank())
                .append("</td><td>").append(value(f.bestValue(), unit)).append("</td><td>")
                .append(value(f.top10Mean(), unit)).append("</td><td>").append(f.medianPercentile() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", f.medianPercentile())).append("</td><td>")
                .append(HtmlReport.pct(f.novelFraction())).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.1f s", f.seconds())).append("</td></tr>\n");
    }

    private static String label(double scale) {
        return SweepRun.formatScale(scale);
    }

    private static String value(Double v, String unit) {
        return v == null || !Double.isFinite(v) ? "n/a"
                : String.format(Locale.ROOT, "%.3f%s", v, unit.isEmpty() ? "" : " " + unit);
    }
}
