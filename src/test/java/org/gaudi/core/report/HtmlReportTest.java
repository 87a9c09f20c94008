package org.gaudi.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignSummary;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.SyntheticDesigns;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Renders the report of a small sweep over real decoded molecules ({@link ReportFixture}) and checks that it holds what
 * it claims: four charts as PNG, one depiction per best design as SVG, the headline figures of the runs, the dataset
 * reference, settings and seeds, and nothing it would have to fetch.
 */
public class HtmlReportTest {
    private static final Pattern IMG = Pattern.compile("<img[^>]*?src=\"data:(image/[a-z+]+);base64,([A-Za-z0-9+/=]+)\"");
    private static final Pattern CHART = Pattern.compile(
            "<img[^>]*? width=\"(\\d+)\" height=\"(\\d+)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static ReportFixture fixture;
    private static String html;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void render() throws Exception {
        fixture = new ReportFixture();
        html = HtmlReport.render(fixture.report(1));
        String dump = System.getenv("GAUDI_REPORT_DUMP");
        if (dump != null) {
            Files.writeString(Path.of(dump), html, StandardCharsets.UTF_8); // to look at the page by hand
        }
    }

    private record Image(String type, byte[] bytes) {
    }

    private static List<Image> images(String page) {
        List<Image> out = new ArrayList<>();
        Matcher m = IMG.matcher(page);
        while (m.find()) {
            out.add(new Image(m.group(1), Base64.getDecoder().decode(m.group(2))));
        }
        return out;
    }

    @Test
    public void chartsArePngsWithContent() throws Exception {
        List<Image> png = images(html).stream().filter(i -> i.type().equals("image/png")).toList();
        // objective histogram, Hückel-gap histogram, scale sweep, objective against Hückel gap
        assertEquals(4, png.size());
        for (String id : List.of("objective-histogram", "huckel-histogram", "scale-sweep", "objective-vs-huckel")) {
            int at = html.indexOf("id=\"" + id + "\"");
            assertTrue(id, at >= 0);
            int img = html.indexOf("<img", at);
            assertTrue(id + " has its image", img > at && img < html.indexOf("</figure>", at));
        }
        Matcher m = CHART.matcher(html);
        int charts = 0;
        while (m.find()) {
            charts++;
            byte[] bytes = Base64.getDecoder().decode(m.group(3));
            assertTrue("PNG signature", startsWith(bytes, PNG_SIGNATURE));
            assertTrue("PNG size " + bytes.length, bytes.length > 10_000);
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull("decodes as an image", b);
            // drawn at twice its display size, for sharp text on high-density screens
            assertEquals(2 * Integer.parseInt(m.group(1)), b.getWidth());
            assertEquals(2 * Integer.parseInt(m.group(2)), b.getHeight());
            assertTrue("a chart is drawn, not a blank image", inkFraction(b) > 0.01);
            assertTrue("several colours (runs, reference line)", colours(b) > 20);
        }
        assertEquals(4, charts);
    }

    @Test
    public void bestDesignsAreSvgDepictionsRankedByObjective() {
        List<Image> svg = images(html).stream().filter(i -> i.type().equals("image/svg+xml")).toList();
        List<DesignedMolecule> guided = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SweepRun r : fixture.runs) {
            if (r.scale() > 0) {
                for (DesignedMolecule m : r.result().molecules()) {
                    if (m.valid() && keys.add(m.inchiKey())) {
                        guided.add(m);
                    }
                }
            }
        }
        assertEquals(Math.min(HtmlReport.BEST_DESIGNS, keys.size()), svg.size());
        for (Image i : svg) {
            String doc = new String(i.bytes(), StandardCharsets.UTF_8);
            assertTrue(doc.contains("<svg") && doc.contains("</svg>"));
            // every design is a cata-condensed benzenoid with 6 rings: 26 carbons, 31 bonds, each drawn
            assertEquals("bonds drawn", 31, count(doc, "class='bond'"));
        }
        // ranked by the objective: the first card is the best valid guided design (the top of any run)
        DesignedMolecule best = fixture.runs.stream().filter(r -> r.scale() > 0)
                .flatMap(r -> r.result().molecules().stream()).filter(DesignedMolecule::valid)
                .max(Comparator.comparingDouble(DesignedMolecule::objective)).orElseThrow();
        Matcher first = Pattern.compile("<div class=\"smiles\">([^<]+)</div>").matcher(html);
        assertTrue(first.find());
        assertEquals(best.smiles(), first.group(1));
        assertTrue(html.contains("<span class=\"badge novel\">novel</span>"));
        assertTrue(html.contains("<span class=\"badge known\">in training set</span>"));
        assertTrue("the dataset's best is reached and marked", html.contains("badge best"));
    }

    @Test
    public void headlineTableAndReferenceShowTheRunsFigures() {
        SweepRun un = fixture.runs.get(0);
        SweepRun gu = fixture.runs.get(1);
        double unMean = meanGap(un);
        double guMean = meanGap(gu);
        assertTrue("the fixture's guided run has the larger gaps", guMean > unMean);
        DesignSummary g = gu.result().summary();
        assertEquals(guMean, g.huckelGapMeanEv(), 1e-12);
        String tiles = html.substring(html.indexOf("<div class=\"tiles\">"), html.indexOf("</header>"));
        assertTrue(tiles, tiles.contains(ev(guMean)));
        assertTrue(tiles, tiles.contains("unguided " + ev(unMean)));
        assertTrue(tiles, tiles.contains(String.format(Locale.ROOT, "(%+.3f eV)", guMean - unMean)));
        assertTrue(tiles, tiles.contains(pct(g.validFraction())));
        assertTrue(tiles, tiles.contains("dataset best at 6 rings: " + ev(fixture.reference.bestValue())));
        // one table row per scale, with validity as counts
        for (SweepRun r : fixture.runs) {
            DesignSummary s = r.result().summary();
            assertTrue(html.contains(pct(s.validFraction()) + " <small>(" + s.valid() + "/" + s.molecules()
                    + ")</small>"));
        }
        assertTrue(html.contains(fixture.reference.count() + " dataset molecules with 6 rings"));
        assertTrue(html.contains(HtmlReport.esc(fixture.reference.bestSmiles())));
        // settings and seeds
        assertTrue(html.contains("<th>sampling seed (every scale)</th><td>7</td>"));
        assertTrue(html.contains("./gaudi demo --seed 7"));
    }

    @Test
    public void pageIsSelfContainedAndFinite() {
        assertFalse("no external resources",
                Pattern.compile("(?i)(src|href)\\s*=\\s*\"(?!data:)").matcher(html).find());
        String text = withoutDataUris(html);
        assertFalse(text.contains("<script"));
        assertFalse(text.contains("<link"));
        assertFalse(text.contains("NaN"));
        assertFalse(text.contains("Infinity"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.trim().endsWith("</html>"));
    }

    @Test
    public void writesAtomicallyWithTheChosenHeadlineScale() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("report.html");
        HtmlReport.write(file, fixture.report(3));
        String page = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(page.contains("guided (scale 3)"));
        assertTrue(page.contains(ev(meanGap(fixture.runs.get(2)))));
        try (var files = Files.list(tmp.getRoot().toPath())) {
            assertEquals("no temporary file left", 1, files.count());
        }
    }

    @Test
    public void aSweepWithoutValidMoleculesSaysSoInsteadOfPlotting() {
        double[][] apart = new double[3][];
        for (int k = 0; k < 3; k++) {
            apart[k] = new double[] {10.0 * k, 0, 0};
        }
        List<SweepRun> runs = new ArrayList<>();
        for (double scale : new double[] {0, 2}) {
            runs.add(new SweepRun(scale, SyntheticDesigns.result(List.of(GraphOfRings.benzenoid(apart)),
                    List.of(new double[] {3.0, -2.0}), ReportFixture.NAMES, List.of("eV", "eV"),
                    ReportFixture.OBJECTIVE, Set.of(), scale, 1)));
        }
        SweepReport r = new SweepReport("empty", "now", ReportFixture.OBJECTIVE, Direction.MAXIMIZE, true, runs, 2,
                null, null, null, null, null, null);
        String page = HtmlReport.render(r);
        assertTrue(page.contains("No valid molecule with an objective value was generated."));
        assertTrue(page.contains("No valid molecules with values to plot."));
        // the sweep chart still shows validity (0 %) against the scale
        assertEquals(1, images(page).size());
        assertFalse(withoutDataUris(page).contains("NaN"));
    }

    private static String withoutDataUris(String page) {
        return page.replaceAll("data:[a-z/+]+;base64,[A-Za-z0-9+/=]+", "data:");
    }

    private static double meanGap(SweepRun r) {
        return r.result().molecules().stream().filter(DesignedMolecule::valid).mapToDouble(
                DesignedMolecule::huckelGapEv).average().orElseThrow();
    }

    private static String ev(double v) {
        return String.format(Locale.ROOT, "%.3f eV", v);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static double inkFraction(BufferedImage b) {
        long ink = 0;
        for (int y = 0; y < b.getHeight(); y += 2) {
            for (int x = 0; x < b.getWidth(); x += 2) {
                int rgb = b.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (b.getWidth() / 2.0 * b.getHeight() / 2.0);
    }

    private static int colours(BufferedImage b) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < b.getHeight(); y += 3) {
            for (int x = 0; x < b.getWidth(); x += 3) {
                c.add(b.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return c.size();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
