package org.gaudi.core.clm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.gaudi.core.diffusion.TrainingSetKeys;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignProgress;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.sampling.SampleAndRank;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.djl.Device;

public class ClmDesignTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static GeneratedSmiles drawn(int i, String text, boolean finished) {
        return new GeneratedSmiles(i, 0, 7, text, text.length(), finished, -1.5 * (i + 1));
    }

    @Test
    public void samplesAreJudgedByTheDiffusionRulesOrReportedOutOfDomain() throws Exception {
        SmilesVocabulary v = SmilesVocabulary.of(List.of("c", "1", "2", "(", ")", "C", "O"));
        try (ClmModel m = ClmModel.initialise(new Gpt2Config(v.size(), 16, 16, 1, 2, 0), v, Device.cpu(), 0)) {
            m.recordTraining(Set.of(TrainingSetKeys.inchiKey("c1ccc2ccccc2c1")), java.util.Map.of(),
                    java.util.Map.of(), java.util.Map.of());
            List<GeneratedSmiles> g = List.of(drawn(0, "c1ccc2ccccc2c1", true), drawn(1, "c1ccc2cc3ccccc3cc2c1", true),
                    drawn(2, "c1ccc2cc3ccccc3cc2c1", true), drawn(3, "C1CCCCC1O", true), drawn(4, "c1ccc(", true),
                    drawn(5, "c1ccc", false), drawn(6, "c1ccccc1c1ccccc1", true));
            ClmDesign.Result r = new ClmDesign(m, null, null).score(g, ClmSamplingSettings.of(7, 7), () -> false,
                    System.nanoTime(), 1);
            List<DesignedMolecule> rows = r.molecules();
            assertTrue(rows.get(0).valid());
            assertEquals(Boolean.FALSE, rows.get(0).novel());
            assertTrue(rows.get(1).valid());
            assertEquals(Boolean.TRUE, rows.get(1).novel());
            assertEquals(3, rows.get(1).ringCount());
            assertNotNull("Hückel gap of the decoded molecule", rows.get(1).huckelGapEv());
            assertNotNull(rows.get(1).sdf());
            assertTrue(rows.get(2).duplicate());
            assertTrue(rows.get(3).invalidReason(), rows.get(3).invalidReason().startsWith("OUT_OF_DOMAIN"));
            assertTrue(rows.get(4).invalidReason().startsWith("UNPARSEABLE"));
            assertTrue(rows.get(5).invalidReason().startsWith("TRUNCATED"));
            assertTrue("biphenyl is not fused: out of domain", rows.get(6).invalidReason().startsWith("OUT_OF_DOMAIN"));
            assertNull(rows.get(6).smiles());
            ClmSummary s = r.summary();
            assertEquals(3, s.valid());
            assertEquals(2, s.unique());
            assertEquals(1, s.novel());
            assertEquals(5, s.parsed());
            assertEquals(2, s.outOfDomain());
            assertEquals(1, s.truncated());
            assertEquals(-1.5 * 28 / 7, s.meanLogLikelihood(), 1e-12);
        }
    }

    @Test
    public void modelFileRoundTripsAndSamplingIsSeeded() throws Exception {
        SmilesVocabulary v = SmilesVocabulary.of(List.of("c", "1", "2"));
        Path file = tmp.getRoot().toPath().resolve("m.gaudi-clm");
        List<GeneratedSmiles> first;
        try (ClmModel m = ClmModel.initialise(new Gpt2Config(v.size(), 12, 16, 2, 2, 0.1), v, Device.cpu(), 4)) {
            m.recordTraining(Set.of("AAAAAAAAAAAAAA-BBBBBBBBBB-N"), java.util.Map.of("source", "test"),
                    java.util.Map.of(), java.util.Map.of("validationPerplexity", 1.5));
            m.save(file);
            first = new ClmSampler(m).sample(new ClmSamplingSettings(12, 1.3, 3, 9, 0, 5), DesignProgress.NONE,
                    () -> false);
        }
        try (ClmModel back = ClmModel.fromArchive(ModelArchive.read(file, ClmModel.KIND), Device.cpu())) {
            assertEquals(v.tokens(), back.vocabulary().tokens());
            assertEquals(Set.of("AAAAAAAAAAAAAA-BBBBBBBBBB-N"), back.trainingInchiKeys());
            assertEquals(0.1, back.config().dropout(), 0);
            List<GeneratedSmiles> again = new ClmSampler(back).sample(new ClmSamplingSettings(12, 1.3, 3, 9, 0, 5),
                    DesignProgress.NONE, () -> false);
            assertEquals(first, again);
            for (GeneratedSmiles g : again) {
                assertTrue(g.tokens() <= 10);
                assertTrue(g.logLikelihood() < 0);
                assertFalse(g.text().contains("<"));
            }
        }
    }

    @Test
    public void topKAndTemperatureShapeTheDraws() {
        float[] logits = {9, 9, 0, 3f, 2.9f, 1f};
        double[] w = new double[6];
        SplittableRandom r = new SplittableRandom(1);
        int[] counts = new int[6];
        for (int i = 0; i < 2000; i++) {
            counts[ClmSampler.draw(logits, 0, 6, 1.0, 2, r, w)]++;
        }
        assertEquals("padding and begin tokens are never drawn", 0, counts[0] + counts[1]);
        assertEquals("outside the top 2", 0, counts[2] + counts[5]);
        assertTrue(counts[3] > counts[4]);
        int cold = 0;
        for (int i = 0; i < 2000; i++) {
            cold += ClmSampler.draw(logits, 0, 6, 0.01, 0, r, w) == 3 ? 1 : 0;
        }
        assertEquals("temperature near 0 is greedy", 2000, cold);
    }

    @Test
    public void sampleAndRankKeepsValidDistinctMoleculesBestFirst() {
        DesignedMolecule a = row("a", true, 3.0, "I1");
        DesignedMolecule b = row("b", true, 4.0, "I2");
        DesignedMolecule c = row("c", false, 9.0, null);
        DesignedMolecule d = row("d", true, 5.0, "I2");
        DesignedMolecule e = row("e", true, null, "I3");
        assertEquals(List.of(b, a), SampleAndRank.top(List.of(a, b, c, d, e), Direction.MAXIMIZE, 5));
        assertEquals(List.of(a), SampleAndRank.top(List.of(a, b, c, d, e), Direction.MINIMIZE, 1));
    }

    private static DesignedMolecule row(String id, boolean valid, Double objective, String inchi) {
        return new DesignedMolecule(id, 0, 0, 0, 1, valid, valid ? null : "X", valid, null, null, inchi, null, null,
                List.of(), objective, null, null, null, false, null);
    }
}
