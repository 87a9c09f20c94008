package org.gaudi.core.ood;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Direction;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.SyntheticDesigns;
import org.junit.Test;

/**
 * Guided design against unguided sampling and sample-and-rank on the 12 five-ring benzenoids: the models' data lacks
 * the two with the largest gap, the guided run finds them, and the predictor ranks the unguided pool badly.
 */
public class OodComparisonTest {
    private static final List<String> NAMES = List.of(HuckelProperties.GAP_EV);
    /** The 5-ring molecules, best gap first. */
    private static final List<MoleculeRecord> BY_GAP;
    private static final int GAP;

    static {
        var d = EmbeddedDataset.generate(5, 5, i -> { });
        GAP = d.propertyIndex(HuckelProperties.GAP_EV);
        List<MoleculeRecord> r = new ArrayList<>(d.records());
        r.sort(Comparator.comparingDouble((MoleculeRecord m) -> -m.property(GAP)));
        BY_GAP = List.copyOf(r);
    }

    private static final GraphOfRings APART = GraphOfRings.benzenoid(new double[][] {{0, 0, 0}, {12, 0, 0},
        {24, 0, 0}, {36, 0, 0}, {48, 0, 0}});

    private static DesignResult run(List<GraphOfRings> graphs, double[] predicted, double scale) {
        List<double[]> p = new ArrayList<>();
        for (double v : predicted) {
            p.add(new double[] {v});
        }
        return SyntheticDesigns.result(graphs, p, NAMES, List.of("eV"), "maximize HMO_GAP_eV", Set.of(), scale, 1);
    }

    private static GraphOfRings m(int i) {
        return BY_GAP.get(i).gor();
    }

    private static double gap(int i) {
        return BY_GAP.get(i).property(GAP);
    }

    @Test
    public void guidanceFindsWhatTheDataLackedAndSampleAndRankKeepsWhatThePredictorLikes() throws Exception {
        List<String> data = BY_GAP.subList(2, 12).stream().map(MoleculeRecord::id).toList();
        TrainingReference training = new TrainingReference(data, List.of());
        ExactOracle oracle = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        // the pool holds the best molecule, but the predictor scores it lowest
        DesignResult pool = run(List.of(m(3), m(4), m(5), m(6), m(0), m(7)),
                new double[] {3.9, 3.8, 3.7, 3.6, 2.0, 3.0}, 0);
        DesignResult guided = run(List.of(m(0), m(1), m(0), m(5), APART, APART),
                new double[] {4.0, 4.0, 4.0, 4.0, 4.0, 4.0}, 1);
        OodComparison c = OodComparison.of(oracle, training, 5, Map.of(0.0, pool, 1.0, guided));

        assertEquals(12, c.spaceSize());
        assertEquals(gap(0), c.spaceBest(), 1e-12);
        assertEquals(gap(2), c.trainingMax(), 1e-12);
        assertEquals(10, c.trainingCount());
        assertEquals(2, c.beyondInSpace());
        assertEquals(100.0 * 9 / 12, c.trainingMaxPercentile(), 1e-12);

        OodFigures g = c.scales().get(0).guided();
        assertEquals(6, g.sampled());
        assertEquals(4, g.valid());
        assertEquals(4, g.proposed());
        assertEquals(3, g.beyond());
        assertEquals(2, g.beyondDistinct());
        assertEquals("m0 twice, m1, m5", 3, g.distinct());
        assertEquals(0.75, g.distinctFraction(), 0);
        assertEquals(0.75, g.beyondFraction(), 0);
        assertEquals(Integer.valueOf(1), g.bestRank());
        assertEquals(100.0 * 11 / 12, g.bestPercentile(), 1e-12);
        assertEquals((gap(0) + gap(1) + gap(5)) / 3, g.top10Mean(), 1e-12);
        assertEquals(3, g.top10Count());
        assertEquals("percentiles of m0, m1, m0, m5: 11, 10, 11, 6 twelfths", 100.0 * 10.5 / 12, g.medianPercentile(), 1e-12);
        assertEquals("m(5) is a training molecule", 3, g.novel());

        // sample-and-rank keeps the pool's 4 best predictions: m3..m6, none beyond the training maximum
        OodFigures r = c.scales().get(0).sampleAndRank();
        assertEquals(4, r.proposed());
        assertEquals(6, r.valid());
        assertEquals(0, r.beyond());
        assertEquals(Integer.valueOf(4), r.bestRank());
        assertEquals((gap(3) + gap(4) + gap(5) + gap(6)) / 4, r.top10Mean(), 1e-12);
        assertEquals(0, r.novel());

        // the unguided run proposes all its valid molecules, the hidden best included
        OodFigures u = c.unguided();
        assertEquals(6, u.proposed());
        assertEquals(1, u.beyond());
        assertEquals(Integer.valueOf(1), u.bestRank());
        assertEquals(1.0, c.bestScale().scale(), 0);
    }

    @Test
    public void sampleAndRankFollowsTheDirectionAndSkipsInvalidOrUnscoredMolecules() {
        DesignResult pool = run(List.of(m(3), APART, m(4), m(5)), new double[] {3.0, 9.0, 1.0, 2.0}, 0);
        List<DesignedMolecule> max = SampleAndRank.top(pool.molecules(), 2, Direction.MAXIMIZE);
        assertEquals(List.of(pool.molecules().get(0), pool.molecules().get(3)), max);
        List<DesignedMolecule> min = SampleAndRank.top(pool.molecules(), 5, Direction.MINIMIZE);
        assertEquals(List.of(pool.molecules().get(2), pool.molecules().get(3), pool.molecules().get(0)), min);
        assertTrue(SampleAndRank.top(pool.molecules(), 0, Direction.MAXIMIZE).isEmpty());
    }

    @Test
    public void theComparisonNeedsTheUnguidedPoolAndEqualMoleculeCounts() throws Exception {
        ExactOracle oracle = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        TrainingReference none = new TrainingReference(List.of(), List.of());
        DesignResult two = run(List.of(m(1), m(2)), new double[] {1, 2}, 0);
        DesignResult three = run(List.of(m(1), m(2), m(3)), new double[] {1, 2, 3}, 1);
        assertThrows(IllegalArgumentException.class, () -> OodComparison.of(oracle, none, 5, Map.of(1.0, three)));
        assertThrows(IllegalArgumentException.class, () -> OodComparison.of(oracle, none, 5,
                Map.of(0.0, two, 1.0, three)));
        assertThrows(IllegalArgumentException.class, () -> OodComparison.of(oracle, none, 5, Map.of(0.0, two)));
        OodComparison c = OodComparison.of(oracle, none, 5, Map.of(0.0, two, 0.5, two));
        assertNull("no data, no training maximum", c.trainingMax());
        assertEquals(0, c.scales().get(0).guided().beyond());
    }
}
