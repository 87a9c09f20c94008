package org.gaudi.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gaudi.core.io.StagedFile;
import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.SampleAndRank;

/**
 * The demo's answer to "is guided diffusion better than a chemical language model?": guided diffusion, unguided
 * diffusion with sample-and-rank, and the language model with sample-and-rank, each given the same number of
 * molecules to generate. Sample-and-rank keeps the valid, distinct designs with the target ring count, ranks them by
 * the predictor's objective and reports the best {@code k}; guided designs are ranked the same way, so every route is
 * judged by the same predictor and the same exact Hückel gap.
 *
 * @param ringCount the designs' ring count (the language model writes any; only this many rings count as designs)
 * @param k         designs kept by the ranking
 * @param rows      one per route
 */
public record ClmComparison(String objective, int ringCount, int k, List<Row> rows) {

    /**
     * One route.
     *
     * @param route          e.g. "guided diffusion (scale 0.3)"
     * @param generated      molecules generated
     * @param valid          valid fraction of those generated
     * @param unique         distinct valid / valid
     * @param novel          distinct novel valid / valid
     * @param onTarget       valid molecules with the target ring count
     * @param objectiveMean  mean objective of the valid on-target molecules
     * @param topObjective   mean objective of the best k
     * @param gapMean        mean exact Hückel gap (eV) of the valid on-target molecules
     * @param topGap         mean exact Hückel gap (eV) of the best k
     * @param best           the best design by the objective, or null
     * @param seconds        wall time of the route (generation and scoring)
     */
    public record Row(String route, int generated, double valid, double unique, double novel, int onTarget,
            Double objectiveMean, Double topObjective, Double gapMean, Double topGap, DesignedMolecule best,
            double seconds) {
    }

    /** The row of a route from its molecule table. */
    public static Row row(String route, List<DesignedMolecule> molecules, Direction direction, int ringCount, int k,
            double seconds) {
        int valid = 0;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        java.util.Set<String> novel = new java.util.HashSet<>();
        List<DesignedMolecule> onTarget = new ArrayList<>();
        for (DesignedMolecule m : molecules) {
            if (!m.valid()) {
                continue;
            }
            valid++;
            distinct.add(m.inchi());
            if (Boolean.TRUE.equals(m.novel())) {
                novel.add(m.inchi());
            }
            if (m.ringCount() == ringCount) {
                onTarget.add(m);
            }
        }
        List<DesignedMolecule> top = SampleAndRank.top(onTarget, direction, k);
        return new Row(route, molecules.size(), molecules.isEmpty() ? 0 : (double) valid / molecules.size(),
                (double) distinct.size() / Math.max(1, valid), (double) novel.size() / Math.max(1, valid),
                onTarget.size(), mean(onTarget, true), mean(top, true), mean(onTarget, false), mean(top, false),
                top.isEmpty() ? null : top.get(0), seconds);
    }

    private static Double mean(List<DesignedMolecule> ms, boolean objective) {
        double s = 0;
        int n = 0;
        for (DesignedMolecule m : ms) {
            Double v = objective ? m.objective() : m.huckelGapEv();
            if (v != null) {
                s += v;
                n++;
            }
        }
        return n == 0 ? null : s / n;
    }

    /** One "demo-clm-..." line per route and figure, for the console. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "demo-compare: %s: valid %.3f, unique %.3f, novel %.3f, %d with %d"
                    + " rings, objective mean %s (top %d: %s), Hückel gap mean %s eV (top %d: %s eV), best %s, %.1f s",
                    r.route(), r.valid(), r.unique(), r.novel(), r.onTarget(), ringCount, f(r.objectiveMean()), k,
                    f(r.topObjective()), f(r.gapMean()), k, f(r.topGap()), r.best() == null ? "none"
                            : r.best().smiles() + " (" + f(r.best().huckelGapEv()) + " eV)", r.seconds()));
        }
        return out;
    }

    /** For summary JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", objective);
        m.put("ringCount", ringCount);
        m.put("k", k);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("route", r.route());
            x.put("generated", r.generated());
            x.put("valid", r.valid());
            x.put("unique", r.unique());
            x.put("novel", r.novel());
            x.put("onTarget", r.onTarget());
            x.put("objectiveMean", r.objectiveMean());
            x.put("topObjectiveMean", r.topObjective());
            x.put("huckelGapMeanEv", r.gapMean());
            x.put("topHuckelGapMeanEv", r.topGap());
            x.put("bestSmiles", r.best() == null ? null : r.best().smiles());
            x.put("bestObjective", r.best() == null ? null : r.best().objective());
            x.put("bestHuckelGapEv", r.best() == null ? null : r.best().huckelGapEv());
            x.put("seconds", r.seconds());
            rs.add(x);
        }
        m.put("routes", rs);
        return m;
    }

    /** The report section (an HTML fragment). */
    public String html() {
        StringBuilder h = new StringBuilder();
        h.append("<section id=\"clm-comparison\">\n<h2>Guided diffusion vs. a chemical language model</h2>\n")
                .append("<p>Each route generated the same number of molecules. Sample-and-rank keeps the valid,"
                        + " distinct designs with ").append(ringCount).append(" rings, ranks them by the predictor's"
                        + " objective <code>").append(esc(objective)).append("</code> and keeps the best ").append(k)
                .append("; the guided designs are ranked the same way. The Hückel gap is the exact check on the"
                        + " decoded molecules, independent of the predictor. The language model (GPT-2) writes"
                        + " SMILES of any size; molecules the graph-of-rings encoder does not accept count as"
                        + " invalid (out of domain).</p>\n<table>\n<tr><th>route</th><th>generated</th><th>valid</th>"
                        + "<th>unique</th><th>novel</th><th>with ").append(ringCount).append(" rings</th>"
                        + "<th>objective mean</th><th>top-").append(k).append(" objective</th><th>Hückel gap mean"
                        + " (eV)</th><th>top-").append(k).append(" Hückel gap (eV)</th><th>best design</th>"
                        + "<th>seconds</th></tr>\n");
        for (Row r : rows) {
            h.append("<tr><td>").append(esc(r.route())).append("</td><td>").append(r.generated()).append("</td><td>")
                    .append(f(r.valid())).append("</td><td>").append(f(r.unique())).append("</td><td>")
                    .append(f(r.novel())).append("</td><td>").append(r.onTarget()).append("</td><td>")
                    .append(f(r.objectiveMean())).append("</td><td>").append(f(r.topObjective())).append("</td><td>")
                    .append(f(r.gapMean())).append("</td><td>").append(f(r.topGap())).append("</td><td>")
                    .append(r.best() == null ? "none" : "<code>" + esc(r.best().smiles()) + "</code> ("
                            + f(r.best().huckelGapEv()) + " eV)")
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.seconds())).append("</td></tr>\n");
        }
        return h.append("</table>\n</section>\n").toString();
    }

    /**
     * Inserts {@link #html()} before the closing body tag of an existing report page (appends when there is none),
     * through a temporary file moved into place.
     */
    public void insertInto(Path report) throws IOException {
        String page = Files.readString(report, StandardCharsets.UTF_8);
        int at = page.lastIndexOf("</body>");
        String updated = at < 0 ? page + html() : page.substring(0, at) + html() + page.substring(at);
        StagedFile.writeString(report, updated);
    }

    private static String f(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
