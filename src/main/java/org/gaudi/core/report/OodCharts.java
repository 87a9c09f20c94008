package org.gaudi.core.report;

import java.awt.BasicStroke;
import java.awt.Color;

import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.ood.OodFigures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart of the "beyond the data" section: where the designs rank in the whole space, against the scale. */
final class OodCharts {
    private static final Color GUIDED = new Color(0x2F, 0x6F, 0xDE);
    private static final Color RANKED = new Color(0xE0, 0x71, 0x2C);

    private OodCharts() {
    }

    /**
     * Percentile of the best and the median design among all molecules of the ring count, for guided design at each
     * scale (scale 0 = unguided) and for sample-and-rank at the same number of designs, with the training maximum as
     * a horizontal line.
     */
    static JFreeChart percentileVsScale(OodComparison c) {
        XYSeries guidedBest = new XYSeries("guided: best design");
        XYSeries guidedMedian = new XYSeries("guided: median design");
        XYSeries rankedBest = new XYSeries("sample-and-rank: best design");
        XYSeries rankedMedian = new XYSeries("sample-and-rank: median design");
        add(guidedBest, guidedMedian, c.unguided());
        for (OodComparison.Scale s : c.scales()) {
            add(guidedBest, guidedMedian, s.guided());
            add(rankedBest, rankedMedian, s.sampleAndRank());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(guidedBest);
        data.addSeries(guidedMedian);
        data.addSeries(rankedBest);
        data.addSeries(rankedMedian);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {GUIDED, GUIDED, RANKED, RANKED};
        for (int i = 0; i < 4; i++) {
            lines.setSeriesPaint(i, colours[i]);
            lines.setSeriesStroke(i, i % 2 == 0 ? new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f},
                            0f));
            lines.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        NumberAxis x = new NumberAxis("guidance scale (0 = unguided)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("percentile among all " + c.spaceSize() + " molecules with " + c.rings()
                + " rings");
        double lo = 100;
        for (XYSeries s : new XYSeries[] {guidedBest, guidedMedian, rankedBest, rankedMedian}) {
            for (int i = 0; i < s.getItemCount(); i++) {
                lo = Math.min(lo, s.getY(i).doubleValue());
            }
        }
        if (c.trainingMaxPercentile() != null) {
            lo = Math.min(lo, c.trainingMaxPercentile());
        }
        y.setRange(Math.max(0, Math.floor(lo / 5) * 5 - 2), 100.5);
        XYPlot plot = new XYPlot(data, x, y, lines);
        if (c.trainingMaxPercentile() != null) {
            ValueMarker m = ReportCharts.horizontalMarker(c.trainingMaxPercentile(), "best molecule the models saw");
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        double maxScale = c.scales().get(c.scales().size() - 1).scale();
        x.setRange(-maxScale * 0.04, maxScale * 1.04);
        return ReportCharts.style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static void add(XYSeries best, XYSeries median, OodFigures f) {
        if (f.bestPercentile() != null) {
            best.add(f.scale(), f.bestPercentile());
        }
        if (f.medianPercentile() != null) {
            median.add(f.scale(), f.medianPercentile());
        }
    }
}
