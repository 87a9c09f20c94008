package org.gaudi.core.diffusion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.train.ExclusiveGradientCollector;
import org.gaudi.core.train.GradMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.train.EpochStats;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingListener;
import org.gaudi.core.train.TrainingProgress;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EdmTrainingTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void tinyTrainingOnEmbeddedMoleculesLowersTheValidationLossAndRecordsTheRun() throws IOException {
        Dataset data = TinyEdm.embedded1to5();
        assertEquals(21, data.size());
        Path out = tmp.getRoot().toPath().resolve("tiny.gaudi-edm");
        List<String> messages = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                steps.incrementAndGet();
            }
        };
        long t0 = System.nanoTime();
        EdmTraining.Outcome o = new EdmTraining(TinyEdm.settings(40).build()).listener(counter)
                .messages(messages::add).train(data, out);
        try (EdmModel model = o.model()) {
            List<EpochStats> h = o.result().history();
            assertEquals(40, h.size());
            double first = h.get(0).validationLoss();
            double best = o.result().bestValidationLoss();
            System.out.printf("tiny EDM training: validation NLL bound %.4f -> best %.4f (epoch %d), %d steps, %.1f s%n",
                    first, best, o.result().bestEpoch(), steps.get(), (System.nanoTime() - t0) / 1e9);
            // the NLL bound may be negative (a density), so "falls clearly" is measured on its own magnitude
            assertTrue("validation loss must fall clearly: " + first + " -> " + best,
                    best < first - 0.2 * Math.abs(first));
            assertEquals(40 * 3, steps.get()); // 17 training molecules, batch 8
            assertTrue(Files.isRegularFile(out));
            assertTrue(messages.toString(), messages.stream().anyMatch(m -> m.startsWith("model written to")));

            // what the file records
            ModelArchive a = ModelArchive.read(out, EdmModel.KIND);
            assertTrue("resumable by default", a.hasTrainingState());
            EdmDataSummary d = model.data();
            assertEquals(21, d.itemCount());
            assertEquals(17, d.trainIds().size());
            assertEquals(4, d.validationIds().size());
            Set<String> all = new HashSet<>(d.trainIds());
            all.addAll(d.validationIds());
            Set<String> ids = new HashSet<>();
            for (MoleculeRecord r : data.records()) {
                ids.add(r.id());
            }
            assertEquals("split covers every molecule once", ids, all);
            assertEquals(5, model.architecture().maxRings());
            assertEquals(17, model.ringCountDistribution().total());
            assertEquals("one InChIKey per distinct training molecule", 17, model.trainingInchiKeys().size());
            assertEquals(5L, model.seed());
            assertEquals(40, ((Number) model.training().get("epochs")).intValue());
            assertEquals(o.result().bestEpoch(), ((Number) model.metrics().get("bestEpoch")).intValue());
            assertEquals(40, ((List<?>) model.metrics().get("validationLossHistory")).size());

            try (EdmModel loaded = EdmModel.load(out, model.device())) {
                assertEquals(model.data(), loaded.data());
                assertEquals(model.ringCountDistribution(), loaded.ringCountDistribution());
                assertEquals(model.trainingInchiKeys(), loaded.trainingInchiKeys());
                assertEquals(model.architecture(), loaded.architecture());
                assertEquals(model.training().get("learningRate"), loaded.training().get("learningRate"));
            }
        }
    }

    @Test
    public void cancelledTrainingLeavesNoModelFile() throws IOException {
        Path dir = tmp.newFolder("cancel").toPath();
        Path out = dir.resolve("cancelled.gaudi-edm");
        AtomicInteger calls = new AtomicInteger();
        try {
            new EdmTraining(TinyEdm.settings(50).build()).cancellation(() -> calls.incrementAndGet() > 7)
                    .train(TinyEdm.embedded1to5(), out);
            fail("training should have been cancelled");
        } catch (TrainingCancelledException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("cancelled"));
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals("no temporary or partial file left", 0, s.count());
        }
    }

    @Test
    public void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws IOException {
        Dataset data = TinyEdm.embedded1to5();
        Path half = tmp.getRoot().toPath().resolve("half.gaudi-edm");
        Path resumed = tmp.getRoot().toPath().resolve("resumed.gaudi-edm");
        try (EdmModel m = new EdmTraining(TinyEdm.settings(3).build()).train(data, half).model()) {
            assertNotNull(m);
        }
        EdmTraining.Outcome straight = new EdmTraining(TinyEdm.settings(6).build()).train(data);
        EdmTraining.Outcome cont = new EdmTraining(TinyEdm.settings(6).build()).resume(data, half, resumed);
        try (EdmModel a = straight.model(); EdmModel b = cont.model()) {
            assertEquals(6, cont.result().history().size());
            assertEquals(straight.result().finalCheckpoint().parameters(), cont.result().finalCheckpoint()
                    .parameters());
            assertEquals(straight.result().bestEpoch(), cont.result().bestEpoch());
            assertEquals(straight.result().bestValidationLoss(), cont.result().bestValidationLoss(), 0.0);
            assertTrue(Files.isRegularFile(resumed));
        }
        // more epochs than asked for: clear message
        try {
            new EdmTraining(TinyEdm.settings(2).build()).resume(data, half, resumed);
            fail("resuming to fewer epochs must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("already completed 3 epochs"));
        }
    }

    @Test
    public void resumeAtANewLearningRateRecordsItAndChangesTheSteps() throws IOException {
        Dataset data = TinyEdm.embedded1to5();
        Path half = tmp.getRoot().toPath().resolve("half.gaudi-edm");
        try (EdmModel m = new EdmTraining(TinyEdm.settings(2).build()).train(data, half).model()) {
            assertNotNull(m);
        }
        double recorded = TinyEdm.settings(2).build().learningRate();
        EdmTraining.Outcome same = new EdmTraining(TinyEdm.settings(3).build()).resume(data, half, null);
        EdmTraining.Outcome lower = new EdmTraining(TinyEdm.settings(3).build()).resumeLearningRate(recorded / 4)
                .resume(data, half, null);
        try (EdmModel a = same.model(); EdmModel b = lower.model()) {
            assertEquals(recorded, EdmTrainingSettings.fromMap(a.training()).learningRate(), 0);
            assertEquals(recorded / 4, EdmTrainingSettings.fromMap(b.training()).learningRate(), 0);
            assertFalse("the third epoch must differ at a quarter of the rate", same.result().finalCheckpoint()
                    .parameters().equals(lower.result().finalCheckpoint().parameters()));
        }
        try {
            new EdmTraining(TinyEdm.settings(3).build()).resumeLearningRate(0);
            fail("a zero rate must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("positive"));
        }
    }

    @Test
    public void resumingWithOtherDataIsRefusedNamingTheDifference() throws IOException {
        Dataset data = TinyEdm.embedded1to5();
        Path file = tmp.getRoot().toPath().resolve("run.gaudi-edm");
        new EdmTraining(TinyEdm.settings(1).build()).train(data, file).model().close();
        List<MoleculeRecord> fewer = new ArrayList<>(data.records());
        fewer.remove(fewer.size() - 1);
        Dataset other = new Dataset(data.source(), data.propertyNames(), fewer, data.rejections());
        try {
            new EdmTraining(TinyEdm.settings(2).build()).resume(other, file, file);
            fail("resuming on other data must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("21 molecules"));
        }
        List<MoleculeRecord> swapped = new ArrayList<>(data.records());
        MoleculeRecord first = swapped.remove(0);
        swapped.add(first);
        Dataset reordered = new Dataset(data.source(), data.propertyNames(), swapped, data.rejections());
        try {
            new EdmTraining(TinyEdm.settings(2).build()).resume(reordered, file, file);
            fail("resuming on reordered data must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("data differ"));
        }
    }

    /**
     * Regression: arrays made from Java data share memory with a direct buffer that only the open NDArray keeps
     * alive. The loss once closed its inputs (and DJL closes the scalar of {@code mul(Number)}) before backward, so a
     * GC between forward and backward freed memory autograd still read: every gradient became NaN.
     */
    @Test
    public void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() throws Exception {
        List<GraphOfRings> graphs = new ArrayList<>();
        for (MoleculeRecord r : TinyEdm.embedded1to5().records()) {
            graphs.add(r.gor());
        }
        EdmArchitecture arch = EdmArchitecture.cata(2, 16, 5);
        GorBatch batch = arch.featurizer().encode(graphs);
        float[][] quiet = gradients(arch, batch, graphs, false);
        float[][] withGc = gradients(arch, batch, graphs, true);
        for (int p = 0; p < quiet.length; p++) {
            for (float v : withGc[p]) {
                assertTrue("non-finite gradient after a GC", Float.isFinite(v));
            }
            org.junit.Assert.assertArrayEquals("parameter " + p, quiet[p], withGc[p], 0f);
        }
    }

    private static float[][] gradients(EdmArchitecture arch, GorBatch batch, List<GraphOfRings> graphs,
            boolean collectGarbage) throws InterruptedException {
        try (EdmModel model = EdmModel.initialise(arch, ai.djl.Device.cpu(), 3,
                RingCountDistribution.fromGraphs(graphs), Set.of(), EdmDataSummary.none());
                GradMode.Scope noGrad = GradMode.disabled();
                NDManager step = model.manager().newSubManager()) {
            try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
                NDArray loss = model.diffusion().trainingLoss(new ParameterStore(step, false), step, batch,
                        new SplittableRandom(3));
                if (collectGarbage) {
                    for (int k = 0; k < 3; k++) {
                        System.gc();
                        Thread.sleep(50);
                    }
                    List<ByteBuffer> reuse = new ArrayList<>();
                    for (int k = 0; k < 2000; k++) {
                        ByteBuffer bb = ByteBuffer.allocateDirect(4 + (k % 64) * 4);
                        while (bb.hasRemaining()) {
                            bb.put((byte) 0x7f);
                        }
                        reuse.add(bb);
                    }
                }
                gc.backward(loss);
            }
            List<float[]> out = new ArrayList<>();
            for (Pair<String, Parameter> p : model.network().getParameters()) {
                out.add(p.getValue().getArray().getGradient().toFloatArray());
            }
            return out.toArray(new float[0][]);
        }
    }

    @Test
    public void ringRangeWithoutMoleculesIsAClearError() throws IOException {
        try {
            new EdmTraining(TinyEdm.settings(1).ringRange(7, 9).build()).train(TinyEdm.embedded1to5());
            fail("no molecule in range");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("7-9 rings"));
        }
    }
}
