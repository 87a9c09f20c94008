package org.gaudi.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.SyntheticDesigns;
import org.junit.Test;

/**
 * The report's "beyond the training data" section on 6-ring benzenoids: the models' data lacks the 4 with the largest
 * gap; the guided run proposes the 8 best (4 of them beyond), the unguided pool 8 ordinary ones.
 */
public class OodSectionTest {

    private static DesignResult run(List<MoleculeRecord> mols, int gap, double scale) {
        List<GraphOfRings> g = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (MoleculeRecord r : mols) {
            g.add(r.gor());
            p.add(new double[] {r.property(gap)});
        }
        return SyntheticDesigns.result(g, p, List.of(HuckelProperties.GAP_EV), List.of("eV"),
                "maximize " + HuckelProperties.GAP_EV, Set.of(), scale, 3);
    }

    @Test
    public void statesTheTrainingMaximumTheShareBeyondItTheBestRankAndSampleAndRank() throws Exception {
        Dataset d = EmbeddedDataset.generate(6, 6, i -> { });
        int gap = d.propertyIndex(HuckelProperties.GAP_EV);
        List<MoleculeRecord> byGap = new ArrayList<>(d.records());
        byGap.sort(Comparator.comparingDouble((MoleculeRecord r) -> -r.property(gap)));
        DesignResult pool = run(byGap.subList(10, 18), gap, 0);
        DesignResult guided = run(byGap.subList(0, 8), gap, 1);
        TrainingReference training = new TrainingReference(byGap.subList(4, byGap.size()).stream()
                .map(MoleculeRecord::id).toList(), List.of());
        ExactOracle oracle = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        OodComparison c = OodComparison.of(oracle, training, 6, Map.of(0.0, pool, 1.0, guided));
        OodStory story = new OodStory(c, "eV", "the best 10 % by HMO_GAP_eV of every ring count", 1);
        SweepReport report = new SweepReport("OOD", "2026-01-01 12:00:00", "maximize HMO_GAP_eV",
                org.gaudi.core.objective.Direction.MAXIMIZE, true, List.of(new SweepRun(0, pool),
                        new SweepRun(1, guided)), 1, null, Map.of(), Map.of(), Map.of(), Map.of(), null);

        String html = HtmlReport.render(report, story);
        int start = html.indexOf("<section id=\"beyond\">");
        assertTrue(start > 0);
        String section = html.substring(start, html.indexOf("</section>", start));
        assertTrue(section, section.contains("Both models were trained without the best 10 % by HMO_GAP_eV"));
        assertTrue(section, section.contains(String.format(java.util.Locale.ROOT, "has %.3f eV; 4 of the 37",
                byGap.get(4).property(gap))));
        assertTrue(section, section.contains("<div class=\"value\">50.0%</div>"));
        assertTrue(section, section.contains("<div class=\"value\">rank 1</div>"));
        assertTrue(section, section.contains("id=\"percentile-vs-scale\""));
        assertTrue(section, section.contains("src=\"data:image/png;base64,"));
        assertEquals("unguided, guided and sample-and-rank rows", 3,
                section.split("<tr><td>", -1).length - 1);
        assertFalse(section.contains("NaN"));
        assertFalse("without a story the page has no such section",
                HtmlReport.render(report).contains("id=\"beyond\""));
    }
}
