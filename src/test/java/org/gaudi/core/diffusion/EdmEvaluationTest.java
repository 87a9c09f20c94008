package org.gaudi.core.diffusion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GeometryCheck;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openscience.cdk.exception.CDKException;

public class EdmEvaluationTest {
    private static EdmModel model;

    @BeforeClass
    public static void trainTinyModel() throws IOException {
        model = new EdmTraining(TinyEdm.settings(150).build()).train(TinyEdm.embedded1to5()).model();
    }

    @AfterClass
    public static void closeModel() {
        model.close();
    }

    @Test
    public void fractionsAreConsistentWithTheDecoder() {
        EdmEvaluation.Settings s = new EdmEvaluation.Settings(24, 3, 40, 0.7, 10);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong total = new AtomicLong();
        EvaluationReport r = EdmEvaluation.evaluate(model, s, (d, t) -> {
            assertTrue(d > lastDone.get());
            lastDone.set(d);
            total.set(t);
        }, () -> false);
        System.out.println("tiny EDM evaluation: " + r.lines());
        assertEquals(24, r.generated());
        assertEquals(3 * 40, total.get()); // 3 batches of 40 steps
        assertEquals(total.get(), lastDone.get());
        for (double f : new double[] {r.validFraction(), r.uniqueFraction(), r.novelFraction(), r.stableFraction(),
                r.validAndStableFraction()}) {
            assertTrue(String.valueOf(f), f >= 0 && f <= 1);
        }
        // recount independently from the decoded graphs
        int valid = 0;
        int stable = 0;
        Set<String> inchis = new HashSet<>();
        for (DecodedMolecule m : r.molecules()) {
            DecodedMolecule again = GorDecoder.decode(m.gor(), GorKind.CATA);
            valid += again.chemicallyValid() ? 1 : 0;
            stable += again.stable() ? 1 : 0;
            if (again.chemicallyValid()) {
                inchis.add(again.inchi());
            }
        }
        assertEquals(valid, r.valid());
        assertEquals(stable, r.stable());
        assertEquals(inchis.size(), r.unique());
        assertTrue(r.novel() <= r.unique() && r.unique() <= r.valid());
        assertTrue(r.validAndStable() <= Math.min(r.valid(), r.stable()));
        // GaUDI's flags: a check after an earlier failure is not passed; cata has no orientation nodes
        assertEquals(24, (int) r.checkPasses().get(GeometryCheck.ORIENTATION_NODES));
        assertTrue(r.checkPasses().get(GeometryCheck.DIST_STABLE) >= r.checkPasses().get(GeometryCheck.CONNECTED));
        assertTrue(r.checkPasses().get(GeometryCheck.CONNECTED) >= r.checkPasses().get(GeometryCheck.ANGLES3));
        assertTrue(r.stable() <= Math.min(r.checkPasses().get(GeometryCheck.ANGLES3),
                r.checkPasses().get(GeometryCheck.ANGLES4)));
        int failures = r.failures().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(24 - r.validAndStable(), failures);
        assertTrue(r.lines().get(0).startsWith("valid: "));
        assertTrue(r.lines().get(1).startsWith("unique: "));
        assertTrue(r.lines().get(2).startsWith("novel: "));

        // same seed, same report; cancellation stops it
        EvaluationReport again = EdmEvaluation.evaluate(model, s, EdmEvaluation.Progress.NONE, () -> false);
        assertEquals(r.valid(), again.valid());
        assertEquals(r.checkPasses(), again.checkPasses());
        try {
            EdmEvaluation.evaluate(model, s, EdmEvaluation.Progress.NONE, () -> true);
            fail("cancelled evaluation must stop");
        } catch (SamplingCancelledException e) {
            assertTrue(e.getMessage().contains("cancelled"));
        }
    }

    @Test
    public void realMoleculesCountAsValidUniqueAndNovelOnlyOutsideTheTrainingKeys() throws CDKException {
        Dataset data = EmbeddedDataset.generate(1, 6, i -> { });
        List<MoleculeRecord> records = data.records();
        List<DecodedMolecule> decoded = new ArrayList<>();
        List<MoleculeRecord> firstHalf = records.subList(0, records.size() / 2);
        for (MoleculeRecord r : records) {
            decoded.add(GorDecoder.decode(r.gor(), GorKind.CATA));
        }
        // the same molecule twice: uniqueness counts it once
        decoded.add(GorDecoder.decode(records.get(records.size() - 1).gor(), GorKind.CATA));
        TrainingSetKeys keys = TrainingSetKeys.of(firstHalf, (d, t) -> { }, () -> false);
        assertTrue(keys.failures().isEmpty());
        EdmEvaluation.Settings s = EdmEvaluation.Settings.defaults(1000);
        EvaluationReport r = EdmEvaluation.count(decoded, keys.keys(), s, "cpu", 1, 0, 0, 0.0);
        int n = records.size();
        assertEquals(n + 1, r.generated());
        assertEquals("every embedded benzenoid decodes to a valid, stable molecule", n + 1, r.validAndStable());
        assertEquals(n, r.unique());
        // keys from SMILES match keys of decoded graphs, so exactly the second half is novel
        assertEquals(n - firstHalf.size(), r.novel());
        assertEquals((double) (n - firstHalf.size()) / (n + 1), r.novelFraction(), 1e-12);
        for (GeometryCheck c : GeometryCheck.values()) {
            assertEquals(1.0, r.passRate(c), 0.0);
        }
        assertEquals(TrainingSetKeys.inchiKey(records.get(0).smiles()), decoded.get(0).inchiKey());
    }
}
