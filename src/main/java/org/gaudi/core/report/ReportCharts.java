package org.gaudi.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gaudi.core.sampling.DesignedMolecule;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, built with JFreeChart and rendered to PNG. Every chart colours a run the same way (grey for
 * unguided, then one colour per guided scale) and marks the dataset's largest Hückel gap at the sampled ring count
 * where it is on the chart's axis. A chart without data to show is {@code null}.
 */
public final class ReportCharts {
    /** Colour of the unguided run. */
    public static final Color UNGUIDED = new Color(0x8A, 0x93, 0x9E);
    /** Colours of the guided runs, by increasing scale. */
    private static final Color[] GUIDED = {new Color(0x2F, 0x6F, 0xDE), new Color(0xE0, 0x71, 0x2C),
        new Color(0x1F, 0x9E, 0x6E), new Color(0xC4, 0x3C, 0x6B), new Color(0x7B, 0x4F, 0xD6), new Color(0x9C, 0x75,
            0x1B)};
    /** Colour of the dataset's distribution. */
    public static final Color DATASET = new Color(0xE8, 0xC5, 0x47);
    /** Colour of the dataset's reference lines. */
    public static final Color REFERENCE = new Color(0xB0, 0x3A, 0x2E);

    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int BINS = 24;

    private ReportCharts() {
    }

    /** The colour of a run: grey when unguided, else the guided palette by position among the guided runs. */
    public static Color colour(SweepReport report, SweepRun run) {
        if (run.unguided()) {
            return UNGUIDED;
        }
        int i = report.guidedRuns().indexOf(run);
        return GUIDED[Math.max(0, i) % GUIDED.length];
    }

    /** Legend text of a run. */
    public static String runLabel(SweepRun run) {
        return run.unguided() ? "unguided (scale 0)" : "guided, scale " + run.label();
    }

    /** Histogram (relative frequency) of the objective over the valid molecules of every run. */
    public static JFreeChart objectiveHistogram(SweepReport report) {
        List<double[]> values = new ArrayList<>();
        for (SweepRun r : report.runs()) {
            values.add(validValues(r, DesignedMolecule::objective));
        }
        String axis = "objective: " + report.objective() + (report.objectiveGap() ? " (predicted, eV)" : "");
        Double marker = report.objectiveGap() && report.reference() != null ? report.reference().bestValue() : null;
        return histogram(report, values, null, axis, marker);
    }

    /**
     * Histogram (relative frequency) of the Hückel gap (eV) of the valid molecules of every run, with the dataset's
     * molecules at the same ring count behind them.
     */
    public static JFreeChart huckelGapHistogram(SweepReport report) {
        List<double[]> values = new ArrayList<>();
        for (SweepRun r : report.runs()) {
            values.add(validValues(r, DesignedMolecule::huckelGapEv));
        }
        DatasetReference ref = report.reference();
        return histogram(report, values, ref == null ? null : ref.values(), "Hückel HOMO-LUMO gap (eV)",
                ref == null ? null : ref.bestValue());
    }

    private static JFreeChart histogram(SweepReport report, List<double[]> perRun, double[] dataset, String xLabel,
            Double marker) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<double[]> all = new ArrayList<>(perRun);
        if (dataset != null) {
            all.add(dataset);
        }
        for (double[] v : all) {
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (min > max) {
            return null;
        }
        if (marker != null) {
            min = Math.min(min, marker);
            max = Math.max(max, marker);
        }
        double pad = max > min ? (max - min) * 0.02 : 0.5;
        min -= pad;
        max += pad;
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.RELATIVE_FREQUENCY);
        List<Color> colours = new ArrayList<>();
        if (dataset != null && dataset.length > 0) {
            data.addSeries("dataset, " + report.reference().ringCount() + " rings (" + dataset.length + ")", dataset,
                    BINS, min, max);
            colours.add(DATASET);
        }
        for (int i = 0; i < perRun.size(); i++) {
            double[] v = perRun.get(i);
            if (v.length == 0) {
                continue;
            }
            SweepRun run = report.runs().get(i);
            data.addSeries(runLabel(run) + " (" + v.length + ")", v, BINS, min, max);
            colours.add(colour(report, run));
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setRange(min, max);
        NumberAxis y = new NumberAxis("fraction of valid molecules");
        XYBarRenderer bars = new XYBarRenderer(0.0);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        for (int s = 0; s < colours.size(); s++) {
            Color c = colours.get(s);
            bars.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 120));
        }
        XYPlot plot = new XYPlot(data, x, y, bars);
        if (marker != null) {
            plot.addDomainMarker(verticalMarker(marker, "dataset best"), Layer.FOREGROUND);
        }
        return style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /**
     * Validity (left axis, %) and the mean and largest Hückel gap of valid molecules (right axis, eV) against the
     * guidance scale, with the dataset's largest and mean gap at the ring count as horizontal lines.
     */
    public static JFreeChart scaleSweep(SweepReport report) {
        XYSeries valid = new XYSeries("valid (%, left axis)");
        XYSeries mean = new XYSeries("mean Hückel gap (eV, right axis)");
        XYSeries best = new XYSeries("largest Hückel gap (eV, right axis)");
        for (SweepRun r : report.runs()) {
            var s = r.result().summary();
            valid.add(r.scale(), 100.0 * s.validFraction());
            if (s.huckelGapMeanEv() != null) {
                mean.add(r.scale(), s.huckelGapMeanEv());
                best.add(r.scale(), s.huckelGapMaxEv());
            }
        }
        NumberAxis x = new NumberAxis("guidance scale");
        x.setAutoRangeIncludesZero(true);
        NumberAxis left = new NumberAxis("valid molecules (%)");
        left.setRange(0, 105);
        XYLineAndShapeRenderer validRenderer = lineRenderer(UNGUIDED.darker(), false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(valid), x, left, validRenderer);

        XYSeriesCollection gaps = new XYSeriesCollection();
        gaps.addSeries(mean);
        gaps.addSeries(best);
        NumberAxis right = new NumberAxis("Hückel gap (eV)");
        right.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer gapRenderer = lineRenderer(GUIDED[0], false);
        gapRenderer.setSeriesPaint(1, GUIDED[0]);
        gapRenderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 5f}, 0f));
        plot.setDataset(1, gaps);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, gapRenderer);
        DatasetReference ref = report.reference();
        if (ref != null) {
            double lo = Math.min(ref.meanValue(), ref.bestValue());
            double hi = ref.bestValue();
            for (int i = 0; i < mean.getItemCount(); i++) {
                lo = Math.min(lo, Math.min(mean.getY(i).doubleValue(), best.getY(i).doubleValue()));
                hi = Math.max(hi, Math.max(mean.getY(i).doubleValue(), best.getY(i).doubleValue()));
            }
            double pad = Math.max(0.05, (hi - lo) * 0.08);
            right.setRange(lo - pad, hi + pad);
            plot.addRangeMarker(1, horizontalMarker(ref.bestValue(), "dataset best, " + ref.ringCount() + " rings"),
                    Layer.FOREGROUND);
            ValueMarker m = horizontalMarker(ref.meanValue(), "dataset mean, " + ref.ringCount() + " rings");
            m.setPaint(DATASET.darker());
            plot.addRangeMarker(1, m, Layer.FOREGROUND);
        }
        if (report.runs().size() == 1) {
            double s = report.runs().get(0).scale();
            x.setRange(s - 0.5, s + 0.5);
        } else {
            double span = report.runs().get(report.runs().size() - 1).scale() - report.runs().get(0).scale();
            x.setRange(report.runs().get(0).scale() - span * 0.04, report.runs().get(report.runs().size() - 1).scale()
                    + span * 0.04);
        }
        return style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /**
     * The objective value against the Hückel gap of every valid molecule, one colour per run; with the line y = x
     * when the objective is the predicted gap (points on it: the predictor agrees with Hückel theory).
     */
    public static JFreeChart objectiveVsHuckel(SweepReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepRun r : report.runs()) {
            XYSeries s = new XYSeries(runLabel(r), false, true);
            for (DesignedMolecule m : r.result().molecules()) {
                if (m.valid() && m.objective() != null && m.huckelGapEv() != null) {
                    s.add(m.huckelGapEv(), m.objective());
                    lo = Math.min(lo, Math.min(m.huckelGapEv(), m.objective()));
                    hi = Math.max(hi, Math.max(m.huckelGapEv(), m.objective()));
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
                colours.add(colour(report, r));
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        NumberAxis x = new NumberAxis("Hückel HOMO-LUMO gap of the decoded molecule (eV)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("objective: " + report.objective() + (report.objectiveGap() ? " (eV)" : ""));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < colours.size(); s++) {
            Color c = colours.get(s);
            dots.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            dots.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        XYPlot plot = new XYPlot(data, x, y, dots);
        if (report.objectiveGap()) {
            double pad = Math.max(0.05, (hi - lo) * 0.05);
            x.setRange(lo - pad, hi + pad);
            y.setRange(lo - pad, hi + pad);
            plot.addAnnotation(new XYLineAnnotation(lo - pad, lo - pad, hi + pad, hi + pad, new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f), new Color(0x55, 0x5B,
                            0x66)));
        }
        if (report.reference() != null) {
            plot.addDomainMarker(verticalMarker(report.reference().bestValue(), "dataset best"), Layer.FOREGROUND);
        }
        return style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /**
     * A chart as PNG at twice the given size (sharp on high-density screens; the HTML shows it at the given size).
     */
    public static byte[] png(JFreeChart chart, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, 2, 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart as PNG", e);
        }
    }

    private static double[] validValues(SweepRun r, Function<DesignedMolecule, Double> f) {
        return r.result().molecules().stream().filter(DesignedMolecule::valid).map(f)
                .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
    }

    static XYLineAndShapeRenderer lineRenderer(Color c, boolean dashed) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, dashed ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 5f}, 0f) : new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        return r;
    }

    /** A vertical dashed line with its label at the top, left of the line (the line is often at the right edge). */
    private static ValueMarker verticalMarker(double value, String label) {
        ValueMarker m = marker(value, label);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return m;
    }

    /** A horizontal dashed line with its label just above it, at the left. */
    static ValueMarker horizontalMarker(double value, String label) {
        ValueMarker m = marker(value, label);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker m = new ValueMarker(value, REFERENCE, new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelPaint(REFERENCE);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
        return m;
    }

    /** A clean look: white background, light grid, no border, legend below. */
    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 4, 4, 10));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        Color grid = new Color(0xE3, 0xE6, 0xEB);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis((NumberAxis) plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                styleAxis((NumberAxis) plot.getRangeAxis(i));
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    private static void styleAxis(NumberAxis a) {
        Color ink = new Color(0x3C, 0x43, 0x4D);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(ink);
        a.setTickLabelPaint(ink);
        a.setAxisLinePaint(new Color(0xB8, 0xBE, 0xC7));
        a.setTickMarkPaint(new Color(0xB8, 0xBE, 0xC7));
    }
}
