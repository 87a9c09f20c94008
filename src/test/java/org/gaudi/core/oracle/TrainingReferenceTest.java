package org.gaudi.core.oracle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmDataSummary;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Objective;
import org.junit.Test;

/** The training maximum of a hold-out model pair, recovered from the ids recorded in the model headers. */
public class TrainingReferenceTest {

    @Test
    public void theTrainingMaximumOfAHoldOutIsTheBestMoleculeLeftIn() throws Exception {
        Dataset all = EmbeddedDataset.generate(1, 7, i -> { });
        HoldOutBest.Split split = new HoldOutBest(HuckelProperties.GAP_EV, 0.05).apply(all);
        List<String> kept = split.kept().records().stream().map(MoleculeRecord::id).toList();
        // the EDM trains on the first half and validates/tests on the rest; the predictor trains on all of it
        EdmDataSummary edm = new EdmDataSummary(split.kept().source(), kept.size(), 0, 1, 7, 0, kept.size(),
                kept.subList(0, kept.size() / 2), kept.subList(kept.size() / 2, kept.size()), List.of());
        TrainingReference ref = TrainingReference.of(edm, Map.of("split", Map.of("train", kept.subList(0, 10))));
        ExactOracle gap = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        assertEquals(split.trainingMax().get(7), ref.trainingMax(gap, 7), 0);
        assertEquals(123 - 6, ref.seenCount(7));
        String held = split.heldOut().get(split.heldOut().size() - 1).id();
        assertFalse(ref.seen(held));
        assertFalse(ref.trainedOn(held));
        assertTrue(ref.trainedOn(kept.get(0)));
        assertFalse("validation, not training", ref.trainedOn(kept.get(kept.size() - 1)));
        assertTrue(ref.seen(kept.get(kept.size() - 1)));
        assertTrue(gap.better(gap.score(held).value(), ref.trainingMax(gap, 7)));

        // ids that are not annulation codes (another dataset): no training maximum rather than a wrong one
        TrainingReference other = new TrainingReference(List.of("mol-1", "mol-2"), List.of());
        assertNull(other.trainingMax(gap, 7));
    }

    @Test
    public void theHoldOutIsReadBackFromTheDataSourceItWrote() {
        Dataset all = EmbeddedDataset.generate(1, 5, i -> { });
        String source = new HoldOutBest(HuckelProperties.GAP_EV, 0.05).apply(all).kept().source();
        HoldOutBest h = HoldOutBest.fromSource(source).orElseThrow();
        assertEquals(HuckelProperties.GAP_EV, h.property());
        assertEquals(0.05, h.fraction(), 1e-12);
        assertEquals(0.125, HoldOutBest.fromSource(new HoldOutBest(HuckelProperties.LUMO_EV, 0.125).apply(all).kept()
                .source()).orElseThrow().fraction(), 1e-12);
        assertFalse(HoldOutBest.fromSource(all.source()).isPresent());
        assertFalse(HoldOutBest.fromSource(null).isPresent());
    }
}
