package org.gaudi.core.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gaudi.core.io.StagedFile;
import org.gaudi.core.sampling.DesignSummary;
import org.gaudi.core.sampling.DesignedMolecule;
import org.jfree.chart.JFreeChart;

/**
 * Renders a {@link SweepReport} as one self-contained HTML page (no scripts, no external files: the charts are PNG and
 * the molecules SVG, embedded as base64 data URIs), so it opens offline and can be mailed as is.
 *
 * <p>Sections: a header with the headline figures (validity and mean Hückel gap unguided vs guided, the best gap
 * found against the dataset's best, novelty); the best valid designs as CDK depictions with SMILES, objective, Hückel
 * gap and novelty; histograms of the objective and of the Hückel gap per run; validity and Hückel gap against the
 * guidance scale; the objective against the Hückel gap (does the predictor agree with physics?); a table per scale;
 * and the settings, seeds, models and files of the run.
 */
public final class HtmlReport {
    /** Best designs shown. */
    public static final int BEST_DESIGNS = 12;
    /** Display size (CSS px) of a full-width chart; the PNG has twice as many pixels each way. */
    static final int WIDE_W = 1060;
    static final int WIDE_H = 420;
    /** Display size of a chart in a two-column row. */
    static final int HALF_W = 520;
    static final int HALF_H = 380;

    private HtmlReport() {
    }

    /** The page as a string. */
    public static String render(SweepReport report) {
        return render(report, null);
    }

    /** The page with the "beyond the training data" section when {@code ood} is not null. */
    public static String render(SweepReport report, OodStory ood) {
        return new Page(report, ood).html();
    }

    /**
     * Writes the page through {@link StagedFile}: a temporary file beside {@code file} moved into place, so an
     * interrupted write leaves no half-written report, with the permissions the umask gives.
     */
    public static void write(Path file, SweepReport report) throws IOException {
        write(file, report, null);
    }

    /** {@link #write(Path, SweepReport)} with the "beyond the training data" section when {@code ood} is not null. */
    public static void write(Path file, SweepReport report, OodStory ood) throws IOException {
        StagedFile.writeString(file, render(report, ood));
    }

    /** A data URI for PNG bytes. */
    public static String pngDataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** A data URI for an SVG document. */
    public static String svgDataUri(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /** HTML-escapes text. */
    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String ev(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.3f eV", v);
    }

    static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** One rendering. */
    private static final class Page {
        private final SweepReport r;
        private final OodStory ood;
        private final StringBuilder h = new StringBuilder(1 << 16);

        Page(SweepReport report, OodStory ood) {
            this.r = report;
            this.ood = ood;
        }

        String html() {
            h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"generator\" content=\"GaUDI for KNIME\">\n<title>").append(esc(r.title()))
                    .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
            header();
            h.append("<main>\n");
            if (ood != null) {
                h.append(OodSection.html(ood));
            }
            bestDesigns();
            distributions();
            sweep();
            agreement();
            settings();
            h.append("</main>\n<footer>Generated by GaUDI for KNIME: guided diffusion over graphs of rings (Weiss et al.,"
                    + " GaUDI, Nat. Comput. Sci. 2023, reimplemented in Java with DJL and CDK). Hückel gaps are"
                    + " computed from the decoded molecules independently of the predictor.</footer>\n")
                    .append("</body>\n</html>\n");
            return h.toString();
        }

        private void header() {
            SweepRun un = r.unguided();
            SweepRun gu = r.guided();
            DesignSummary g = gu.result().summary();
            h.append("<header>\n<div class=\"wrap\">\n<div class=\"kicker\">GaUDI &middot; guided design report</div>\n")
                    .append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"sub\">Objective <code>")
                    .append(esc(r.objective())).append("</code>");
            int rings = ringCount();
            if (rings > 0) {
                h.append(" &middot; ").append(rings).append(" rings");
            }
            h.append(" &middot; ").append(g.molecules()).append(" molecules per scale &middot; scales ");
            for (int i = 0; i < r.runs().size(); i++) {
                h.append(i > 0 ? ", " : "").append(esc(r.runs().get(i).label()));
            }
            h.append(" &middot; ").append(esc(r.created())).append("</p>\n<div class=\"tiles\">\n");
            DesignSummary u = un == null ? null : un.result().summary();
            String guidedName = "guided (scale " + gu.label() + ")";
            tile("Mean Hückel gap of valid designs", ev(g.huckelGapMeanEv()), u == null ? guidedName
                    : "unguided " + ev(u.huckelGapMeanEv()) + " &rarr; " + guidedName + delta(u.huckelGapMeanEv(),
                            g.huckelGapMeanEv()));
            tile("Valid molecules, guided", pct(g.validFraction()), u == null ? g.valid() + " of " + g.molecules()
                    : "unguided " + pct(u.validFraction()) + " (" + u.valid() + "/" + u.molecules() + "), guided "
                            + g.valid() + "/" + g.molecules());
            Double bestFound = null;
            for (SweepRun run : r.runs()) {
                Double m = run.result().summary().huckelGapMaxEv();
                if (m != null && (bestFound == null || m > bestFound)) {
                    bestFound = m;
                }
            }
            DatasetReference ref = r.reference();
            tile("Largest Hückel gap designed", ev(bestFound), ref == null ? "over all scales"
                    : "dataset best at " + ref.ringCount() + " rings: " + ev(ref.bestValue()) + " (mean "
                            + ev(ref.meanValue()) + ", " + ref.count() + " molecules)");
            tile("Novel among valid, guided", pct(g.novelFraction()), "unique " + pct(g.uniqueFraction())
                    + "; novel = InChIKey not in the diffusion model's training set");
            h.append("</div>\n</div>\n</header>\n");
        }

        private String delta(Double from, Double to) {
            if (from == null || to == null) {
                return "";
            }
            double d = to - from;
            return String.format(Locale.ROOT, " <span class=\"%s\">(%+.3f eV)</span>", d >= 0 ? "up" : "down", d);
        }

        private void tile(String label, String value, String note) {
            h.append("<div class=\"tile\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                    .append(esc(value)).append("</div><div class=\"note\">").append(note).append("</div></div>\n");
        }

        private int ringCount() {
            if (r.reference() != null) {
                return r.reference().ringCount();
            }
            Object rc = r.settings().get("ringCount");
            return rc instanceof Number n ? n.intValue() : 0;
        }

        private void bestDesigns() {
            List<BestDesigns.Pick> picks = BestDesigns.select(r, BEST_DESIGNS);
            h.append("<section>\n<h2>Best designs</h2>\n<p class=\"lead\">The ").append(picks.size())
                    .append(" best distinct valid molecules of the guided runs, ranked by the objective (")
                    .append(esc(r.objective())).append("). The Hückel gap is computed from the decoded molecule,"
                            + " independently of the predictor: where it agrees with the predicted value, the design"
                            + " is real and not a blind spot of the predictor.</p>\n");
            if (picks.isEmpty()) {
                h.append("<p class=\"empty\">No valid molecule with an objective value was generated.</p>\n</section>\n");
                return;
            }
            MoleculeDepictor depictor = new MoleculeDepictor(260, 200);
            DatasetReference ref = r.reference();
            h.append("<div class=\"grid\">\n");
            for (BestDesigns.Pick p : picks) {
                DesignedMolecule m = p.molecule();
                SweepRun run = runOf(p.scale());
                h.append("<figure class=\"card\">\n<div class=\"rank\">#").append(p.rank()).append("</div>")
                        .append("<span class=\"chip\" style=\"background:").append(hex(ReportCharts.colour(r, run)))
                        .append("\">scale ").append(esc(run.label())).append("</span>\n");
                try {
                    h.append("<img class=\"mol\" alt=\"").append(esc(m.smiles())).append("\" src=\"")
                            .append(svgDataUri(depictor.svg(m.smiles()))).append("\">\n");
                } catch (IllegalArgumentException e) {
                    h.append("<div class=\"mol missing\">no depiction: ").append(esc(e.getMessage())).append("</div>\n");
                }
                h.append("<figcaption>\n<div class=\"smiles\">").append(esc(m.smiles())).append("</div>\n<table>")
                        .append("<tr><th>").append(r.objectiveGap() ? "predicted gap" : "objective").append("</th><td>")
                        .append(r.objectiveGap() ? ev(m.objective()) : num(m.objective())).append("</td></tr>")
                        .append("<tr><th>Hückel gap</th><td>").append(ev(m.huckelGapEv()));
                if (ref != null && m.huckelGapEv() != null && m.ringCount() == ref.ringCount()
                        && m.huckelGapEv() >= ref.bestValue() - 1e-6) {
                    h.append(" <span class=\"badge best\">dataset best</span>");
                }
                h.append("</td></tr><tr><th>rings</th><td>").append(m.ringCount()).append("</td></tr>")
                        .append("<tr><th>novelty</th><td>").append(Boolean.TRUE.equals(m.novel())
                                ? "<span class=\"badge novel\">novel</span>"
                                : "<span class=\"badge known\">in training set</span>").append("</td></tr>")
                        .append("<tr><th>id</th><td class=\"mono\">").append(esc(m.id())).append("</td></tr></table>\n")
                        .append("</figcaption>\n</figure>\n");
            }
            h.append("</div>\n</section>\n");
        }

        private SweepRun runOf(double scale) {
            for (SweepRun run : r.runs()) {
                if (run.scale() == scale) {
                    return run;
                }
            }
            throw new IllegalStateException("no run with scale " + scale);
        }

        private void distributions() {
            h.append("<section>\n<h2>How guidance shifts the designs</h2>\n<div class=\"charts two\">\n");
            chart(ReportCharts.objectiveHistogram(r), "Objective of valid molecules",
                    "What the guidance optimises: the predictor's value at t = 0 on the final sampled graph of rings,"
                            + " one histogram per run (same seeds and ring counts; only the guidance scale differs).",
                    "objective-histogram", false);
            chart(ReportCharts.huckelGapHistogram(r), "Hückel gap of valid molecules",
                    "The physics check: the Hückel HOMO-LUMO gap of every valid decoded molecule, against the dataset's"
                            + " molecules with the same ring count (yellow). The dashed line is the dataset's best.",
                    "huckel-histogram", false);
            h.append("</div>\n</section>\n");
        }

        private void sweep() {
            h.append("<section>\n<h2>Guidance scale sweep</h2>\n<div class=\"charts\">\n");
            chart(ReportCharts.scaleSweep(r), "Validity and Hückel gap against the guidance scale",
                    "A stronger pull raises the gap until the molecules stop being valid: the useful scales are where"
                            + " the gap has risen and validity is still high.", "scale-sweep", true);
            h.append("</div>\n<table class=\"data\">\n<thead><tr><th>scale</th><th>valid</th><th>unique</th>"
                    + "<th>novel</th><th>objective mean</th><th>objective best</th><th>Hückel gap mean</th>"
                    + "<th>Hückel gap max</th><th>non-finite gradients</th><th>time</th></tr></thead>\n<tbody>\n");
            for (SweepRun run : r.runs()) {
                DesignSummary s = run.result().summary();
                h.append("<tr><td><span class=\"dot\" style=\"background:").append(hex(ReportCharts.colour(r, run)))
                        .append("\"></span>").append(esc(run.label())).append(run.scale() == r.guidedScale()
                                && !run.unguided() ? " <span class=\"badge\">headline</span>" : "")
                        .append("</td><td>").append(pct(s.validFraction())).append(" <small>(").append(s.valid())
                        .append("/").append(s.molecules()).append(")</small></td><td>").append(pct(s.uniqueFraction()))
                        .append("</td><td>").append(pct(s.novelFraction())).append("</td><td>")
                        .append(num(s.objectiveMean())).append("</td><td>").append(num(s.objectiveBest()))
                        .append("</td><td>").append(ev(s.huckelGapMeanEv())).append("</td><td>")
                        .append(ev(s.huckelGapMaxEv())).append("</td><td>").append(s.nonFiniteGradients())
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.1f s", s.seconds()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (r.reference() != null) {
                DatasetReference ref = r.reference();
                h.append("<p class=\"note\">Reference: ").append(ref.count()).append(" dataset molecules with ")
                        .append(ref.ringCount()).append(" rings (").append(esc(ref.source())).append("): mean ")
                        .append(ev(ref.meanValue())).append(", best ").append(ev(ref.bestValue())).append(" (")
                        .append(esc(ref.bestId())).append(", <code>").append(esc(ref.bestSmiles()))
                        .append("</code>).</p>\n");
            }
            h.append("</section>\n");
        }

        private void agreement() {
            h.append("<section>\n<h2>Does the predictor agree with physics?</h2>\n<div class=\"charts\">\n");
            chart(ReportCharts.objectiveVsHuckel(r), "Objective against the Hückel gap",
                    r.objectiveGap() ? "Each dot is a valid design. On the dashed diagonal the predicted gap equals"
                            + " the Hückel gap; dots far above it fooled the predictor."
                            : "Each dot is a valid design: its objective value against its Hückel gap.",
                    "objective-vs-huckel", true);
            h.append("</div>\n</section>\n");
        }

        private void chart(JFreeChart chart, String title, String caption, String id, boolean wide) {
            int w = wide ? WIDE_W : HALF_W;
            int ht = wide ? WIDE_H : HALF_H;
            h.append("<figure class=\"chart\" id=\"").append(id).append("\">\n<h3>").append(esc(title)).append("</h3>\n");
            if (chart == null) {
                h.append("<p class=\"empty\">No valid molecules with values to plot.</p>\n");
            } else {
                h.append("<img alt=\"").append(esc(title)).append("\" width=\"").append(w).append("\" height=\"")
                        .append(ht).append("\" src=\"").append(pngDataUri(ReportCharts.png(chart, w, ht)))
                        .append("\">\n");
            }
            h.append("<figcaption>").append(esc(caption)).append("</figcaption>\n</figure>\n");
        }

        private void settings() {
            h.append("<section>\n<h2>Settings and seeds</h2>\n<div class=\"kv-grid\">\n");
            keyValues("Run", r.settings());
            keyValues("Seeds", r.seeds());
            keyValues("Models", r.models());
            if (!r.files().isEmpty()) {
                h.append("<div class=\"kv\"><h3>Files</h3><table>");
                for (Map.Entry<String, String> e : r.files().entrySet()) {
                    h.append("<tr><th class=\"mono\">").append(esc(e.getKey())).append("</th><td>")
                            .append(esc(e.getValue())).append("</td></tr>");
                }
                h.append("</table></div>\n");
            }
            h.append("</div>\n");
            if (r.command() != null) {
                h.append("<p class=\"note\">Reproduce with</p><pre>").append(esc(r.command())).append("</pre>\n");
            }
            h.append("</section>\n");
        }

        private void keyValues(String title, Map<String, Object> m) {
            if (m.isEmpty()) {
                return;
            }
            h.append("<div class=\"kv\"><h3>").append(esc(title)).append("</h3><table>");
            for (Map.Entry<String, Object> e : m.entrySet()) {
                h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(value(e.getValue())))
                        .append("</td></tr>");
            }
            h.append("</table></div>\n");
        }

        private static String value(Object v) {
            if (v == null) {
                return "default";
            }
            if (v instanceof Double d) {
                return Double.isFinite(d) ? SweepRun.formatScale(d) : "n/a";
            }
            return String.valueOf(v);
        }
    }

    private static final String CSS = """
            :root { --ink:#1f2933; --muted:#5f6b7a; --line:#e3e6eb; --bg:#f6f7f9; --accent:#2f6fde; --warm:#b03a2e; }
            * { box-sizing:border-box; }
            body { margin:0; font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans",Arial,sans-serif;
                   color:var(--ink); background:var(--bg); line-height:1.45; }
            code, .mono, pre, .smiles { font-family:"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace; }
            header { background:linear-gradient(135deg,#14213d 0%,#1d3a6e 55%,#2f6fde 100%); color:#fff;
                     padding:34px 0 30px; }
            .wrap, main { max-width:1180px; margin:0 auto; padding:0 28px; }
            .kicker { text-transform:uppercase; letter-spacing:.14em; font-size:12px; opacity:.75; }
            h1 { margin:6px 0 6px; font-size:30px; font-weight:650; }
            .sub { margin:0 0 22px; opacity:.9; font-size:14.5px; }
            .sub code { background:rgba(255,255,255,.14); padding:1px 6px; border-radius:4px; }
            .tiles { display:grid; grid-template-columns:repeat(4,1fr); gap:14px; }
            .tile { background:rgba(8,20,45,.35); border:1px solid rgba(255,255,255,.18); border-radius:10px;
                    padding:14px 16px; }
            .tile .label { font-size:12.5px; color:#c9d7ef; }
            .tile .value { font-size:28px; font-weight:650; margin:2px 0 4px; }
            .tile .note { font-size:12.5px; color:#dce6f7; }
            .up { color:#9ff0c4; font-weight:600; } .down { color:#ffb4a8; font-weight:600; }
            main { padding-top:8px; padding-bottom:24px; }
            section { background:#fff; border:1px solid var(--line); border-radius:12px; padding:20px 24px;
                      margin:22px 0; }
            h2 { margin:0 0 6px; font-size:20px; }
            h3 { margin:0 0 6px; font-size:15px; }
            .lead { margin:0 0 16px; color:var(--muted); font-size:14px; }
            .grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(250px,1fr)); gap:14px; }
            .card { position:relative; margin:0; border:1px solid var(--line); border-radius:10px; padding:10px 12px 12px;
                    background:#fff; }
            .card .rank { position:absolute; top:8px; left:12px; font-weight:700; color:var(--muted); font-size:13px; }
            .chip { position:absolute; top:8px; right:10px; color:#fff; font-size:11.5px; padding:1px 8px;
                    border-radius:10px; }
            .mol { display:block; width:100%; height:180px; object-fit:contain; margin:16px 0 4px; }
            .mol.missing { color:var(--muted); font-size:12px; display:flex; align-items:center; justify-content:center; }
            .smiles { font-size:11px; color:var(--muted); word-break:break-all; margin-bottom:6px; }
            .card table { width:100%; border-collapse:collapse; font-size:13px; }
            .card th { text-align:left; font-weight:500; color:var(--muted); padding:1px 0; width:42%; }
            .card td { text-align:right; padding:1px 0; }
            .badge { display:inline-block; font-size:11px; padding:0 7px; border-radius:9px; background:#eef1f5;
                     color:var(--muted); }
            .badge.novel { background:#dff5ea; color:#17744f; }
            .badge.best { background:#fbe5e2; color:var(--warm); }
            .charts { display:grid; grid-template-columns:1fr; gap:18px; }
            .charts.two { grid-template-columns:1fr 1fr; }
            .chart { margin:0; }
            .chart img { width:100%; height:auto; display:block; }
            .chart figcaption, .note { color:var(--muted); font-size:13px; margin-top:6px; }
            .empty { color:var(--muted); font-style:italic; }
            table.data { width:100%; border-collapse:collapse; font-size:13.5px; margin-top:16px; }
            table.data th { text-align:left; font-weight:600; border-bottom:2px solid var(--line); padding:6px 8px; }
            table.data td { border-bottom:1px solid var(--line); padding:6px 8px; white-space:nowrap; }
            .dot { display:inline-block; width:10px; height:10px; border-radius:50%; margin-right:7px; }
            .kv-grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(340px,1fr)); gap:18px; }
            .kv table { width:100%; border-collapse:collapse; font-size:13px; }
            .kv th { text-align:left; font-weight:500; color:var(--muted); padding:3px 10px 3px 0; vertical-align:top;
                     width:40%; }
            .kv td { padding:3px 0; word-break:break-word; }
            pre { background:#f1f3f6; border-radius:8px; padding:10px 12px; font-size:12.5px; white-space:pre-wrap; }
            footer { max-width:1180px; margin:0 auto 30px; padding:0 28px; color:var(--muted); font-size:12.5px; }
            .facts { display:grid; grid-template-columns:repeat(4,1fr); gap:14px; margin-bottom:16px; }
            .fact { border:1px solid var(--line); border-radius:10px; padding:12px 14px; background:#f9fafc; }
            .fact .label { font-size:12.5px; color:var(--muted); }
            .fact .value { font-size:24px; font-weight:650; margin:2px 0 4px; color:var(--accent); }
            .fact .note { font-size:12.5px; color:var(--muted); }
            @media (max-width: 900px) { .tiles, .facts { grid-template-columns:1fr 1fr; } .charts.two { grid-template-columns:1fr; } }
            """;
}
