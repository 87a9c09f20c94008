package org.gaudi.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelHeader;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

public class TrainerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private NDManager manager;

    @Before
    public void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @After
    public void tearDown() {
        manager.close();
    }

    private static TrainingSettings.Builder quick() {
        return TrainingSettings.builder().epochs(20).batchSize(32).learningRate(1e-2).seed(5);
    }

    @Test
    public void lossFallsOnATinyRegression() {
        List<float[]> data = TinyRegression.data(200, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 16, 11);
        List<EpochStats> seen = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        TrainingResult r = new Trainer(quick().build()).listener(new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                steps.incrementAndGet();
                assertTrue(Double.isFinite(p.stepLoss()));
                assertEquals(steps.get(), p.globalStep());
            }

            @Override
            public void onEpochEnd(EpochStats stats, TrainingProgress p) {
                seen.add(stats);
            }
        }).fit(model, data, DataSplit.random(data.size(), 0.1, 0.1, 3));
        assertEquals(20, r.history().size());
        assertEquals(r.history(), seen);
        int stepsPerEpoch = (200 - 20 - 18 + 31) / 32;
        assertEquals(20L * stepsPerEpoch, r.steps());
        assertEquals(r.steps(), steps.get());
        double first = r.history().get(0).trainLoss();
        double last = r.finalTrainLoss();
        assertTrue("loss " + first + " -> " + last, last < 0.2 * first);
        assertTrue(r.bestValidationLoss() < 0.2 * r.history().get(0).validationLoss());
    }

    @Test
    public void bestCheckpointIsTheEpochWithLowestValidationLoss() {
        // 12 noisy training points, a wide net and many epochs: it memorises the noise and validation loss
        // rises again after a minimum.
        List<float[]> data = TinyRegression.data(112, 0.6, 9);
        int[] train = new int[12];
        int[] val = new int[100];
        for (int i = 0; i < 112; i++) {
            if (i < 12) {
                train[i] = i;
            } else {
                val[i - 12] = i;
            }
        }
        TinyRegression model = new TinyRegression(manager, 64, 4);
        TrainingResult r = new Trainer(TrainingSettings.builder().epochs(150).batchSize(12)
                .validationBatchSize(100).learningRate(1e-2).seed(1).build())
                .fit(model, data, DataSplit.of(112, train, val, new int[0]));
        int argmin = 0;
        for (EpochStats s : r.history()) {
            if (s.validationLoss() < r.history().get(argmin).validationLoss()) {
                argmin = s.epoch();
            }
        }
        assertEquals(argmin, r.bestEpoch());
        assertTrue("the minimum should not be the last epoch here: " + argmin, argmin < 149);
        assertTrue(r.history().get(argmin).best());
        assertEquals(r.history().get(argmin).validationLoss(), r.bestValidationLoss(), 0);
        // the block holds the best weights: recomputing the validation loss gives the minimum
        List<float[]> valItems = new ArrayList<>();
        for (int i : val) {
            valItems.add(data.get(i));
        }
        double recomputed;
        try (NDManager sub = manager.newSubManager(); GradMode.Scope s = GradMode.disabled()) {
            recomputed = model.validationLoss(sub, valItems, new SplittableRandom(0)).getFloat();
        }
        assertEquals(r.bestValidationLoss(), recomputed, 1e-6 * recomputed);
        assertEquals(r.bestParameters(), ParameterSnapshot.capture(model.block()));
        assertNotEquals(r.bestParameters(), r.finalCheckpoint().parameters());
        // the last epoch overfits: its training loss is below the best epoch's
        assertTrue(r.finalTrainLoss() < r.history().get(argmin).trainLoss());
    }

    @Test
    public void cancelThrowsAndLeavesNoFile() throws IOException {
        List<float[]> data = TinyRegression.data(200, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 16, 11);
        Path file = tmp.getRoot().toPath().resolve("model.gaudi");
        AtomicInteger steps = new AtomicInteger();
        Trainer trainer = new Trainer(quick().build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(TrainingProgress p) {
                        steps.incrementAndGet();
                    }
                })
                .cancellation(() -> steps.get() >= 3)
                .checkpoints(1, cp -> ModelArchive.of(new ModelHeader("test-mlp"), model.block())
                        .withTrainingState(cp).write(file));
        try {
            trainer.fit(model, data, DataSplit.random(data.size(), 0.1, 0.1, 3));
            fail("expected cancellation");
        } catch (TrainingCancelledException e) {
            assertEquals(0, e.epochsCompleted());
        }
        assertEquals(3, steps.get());
        assertFalse(Files.exists(file));
        try (Stream<Path> s = Files.list(tmp.getRoot().toPath())) {
            assertEquals("no temporary files", List.of(), s.collect(Collectors.toList()));
        }
    }

    private static void assertSameHistory(List<EpochStats> a, List<EpochStats> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            EpochStats x = a.get(i);
            EpochStats y = b.get(i);
            assertEquals("epoch " + i, x.trainLoss(), y.trainLoss(), 0);
            assertEquals("epoch " + i, x.validationLoss(), y.validationLoss(), 0);
            assertEquals("epoch " + i, x.meanGradNorm(), y.meanGradNorm(), 0);
            assertEquals("epoch " + i, x.clippedSteps(), y.clippedSteps());
            assertEquals("epoch " + i, x.best(), y.best());
        }
    }

    @Test
    public void resumeFromAFileAfterCancelEqualsAnUninterruptedRun() throws IOException {
        List<float[]> data = TinyRegression.data(150, 0.1, 2);
        DataSplit split = DataSplit.random(data.size(), 0.2, 0.0, 8);
        // EMA and adaptive clipping with a small start, so their states matter for resume too
        TrainingSettings settings = quick().epochs(6).emaDecay(0.9).adaptiveClipping(50, 0.5).build();

        TinyRegression a = new TinyRegression(manager, 16, 21);
        TrainingResult uninterrupted = new Trainer(settings).fit(a, data, split);
        assertTrue("clipping should have happened",
                uninterrupted.history().stream().mapToInt(EpochStats::clippedSteps).sum() > 0);

        TinyRegression b = new TinyRegression(manager, 16, 21);
        Path file = tmp.getRoot().toPath().resolve("resume.gaudi");
        AtomicInteger steps = new AtomicInteger();
        int stepsPerEpoch = (120 + 31) / 32;
        try {
            new Trainer(settings).listener(new TrainingListener() {
                @Override
                public void onStep(TrainingProgress p) {
                    steps.incrementAndGet();
                }
            }).cancellation(() -> steps.get() >= 3 * stepsPerEpoch + 2)
                    .checkpoints(1, cp -> ModelArchive.of(new ModelHeader("test-mlp"), b.block())
                            .withTrainingState(cp).write(file))
                    .fit(b, data, split);
            fail("expected cancellation");
        } catch (TrainingCancelledException e) {
            assertEquals(3, e.epochsCompleted());
        }

        ModelArchive archive = ModelArchive.read(file, "test-mlp");
        TrainingCheckpoint cp = archive.trainingCheckpoint().orElseThrow();
        assertEquals(3, cp.epochsCompleted());
        assertEquals(split, cp.split());
        TinyRegression c = new TinyRegression(manager, 16, 999); // different start: the checkpoint must win
        TrainingResult resumed = new Trainer(settings).resume(c, data, cp);

        assertSameHistory(uninterrupted.history(), resumed.history());
        assertEquals(uninterrupted.finalCheckpoint().parameters(), resumed.finalCheckpoint().parameters());
        assertEquals(uninterrupted.bestParameters(), resumed.bestParameters());
        assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
        assertEquals(uninterrupted.steps(), resumed.steps());
        assertArrayEquals(a.predict(manager, data), c.predict(manager, data), 0f);
    }

    @Test
    public void sameSeedSameResultOtherSeedOtherResult() {
        List<float[]> data = TinyRegression.data(100, 0.1, 2);
        DataSplit split = DataSplit.random(data.size(), 0.2, 0.0, 8);
        TrainingResult r1 = new Trainer(quick().epochs(3).build()).fit(new TinyRegression(manager, 8, 1), data, split);
        TrainingResult r2 = new Trainer(quick().epochs(3).build()).fit(new TinyRegression(manager, 8, 1), data, split);
        TrainingResult r3 = new Trainer(quick().epochs(3).seed(6).build())
                .fit(new TinyRegression(manager, 8, 1), data, split);
        assertEquals(r1.finalCheckpoint().parameters(), r2.finalCheckpoint().parameters());
        assertSameHistory(r1.history(), r2.history());
        assertNotEquals(r1.finalCheckpoint().parameters(), r3.finalCheckpoint().parameters());
    }

    @Test
    public void nonFiniteLossStopsWithAClearError() {
        List<float[]> data = TinyRegression.data(100, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 8, 1);
        model.nanAtCall = 5;
        try {
            new Trainer(quick().build()).fit(model, data, DataSplit.random(data.size(), 0.1, 0.0, 1));
            fail("expected divergence");
        } catch (TrainingDivergedException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("training loss is NaN at epoch 1, batch 2 (step 6)"));
        }
    }

    @Test
    public void noPerStepGrowthOfNativeArrays() {
        List<float[]> data = TinyRegression.data(200, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 16, 11);
        NDManager system = manager.getParentManager();
        List<Integer> ours = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        new Trainer(quick().epochs(6).emaDecay(0.99).build()).listener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats, TrainingProgress p) {
                ours.add(manager.getManagedArrays().size());
                all.add(system.getManagedArrays().size());
            }
        }).fit(model, data, DataSplit.random(data.size(), 0.1, 0.1, 3));
        for (int e = 2; e < 6; e++) {
            assertEquals("arrays under the model manager after epoch " + e + ": " + ours, ours.get(1), ours.get(e));
            assertEquals("arrays in the engine after epoch " + e + ": " + all, all.get(1), all.get(e));
        }
        // after training only the parameters remain (optimiser state and EMA freed)
        assertEquals(model.block().getParameters().size(), manager.getManagedArrays().size());
    }

    @Test
    public void trainsOnAThreadWhereGradModeIsOn() throws Exception {
        List<float[]> data = TinyRegression.data(100, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 8, 1);
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                GradMode.set(true); // as on any thread but DJL's loader
                TrainingResult r = new Trainer(quick().epochs(2).build()).fit(model, data,
                        DataSplit.random(data.size(), 0.1, 0.0, 1));
                out.set(GradMode.isEnabled() ? r : new AssertionError("grad mode not restored"));
            } catch (Throwable e) {
                out.set(e);
            }
        });
        t.start();
        t.join();
        if (out.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        assertEquals(2, ((TrainingResult) out.get()).history().size());
    }

    @Test
    public void withoutValidationTheFinalWeightsAreKept() throws IOException {
        List<float[]> data = TinyRegression.data(60, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 8, 1);
        TrainingResult r = new Trainer(quick().epochs(3).build()).fit(model, data,
                DataSplit.random(data.size(), 0.0, 0.0, 1));
        assertEquals(2, r.bestEpoch());
        assertTrue(Double.isNaN(r.bestValidationLoss()));
        assertTrue(Double.isNaN(r.history().get(0).validationLoss()));
        assertEquals(r.finalCheckpoint().parameters(), r.bestParameters());
        TrainingCheckpoint back = TrainingCheckpoint.fromBytes(r.finalCheckpoint().toBytes());
        assertTrue(Double.isNaN(back.bestValidationLoss()));
        assertEquals(3, back.epochsCompleted());
        assertEquals(r.finalCheckpoint().parameters(), back.parameters());
    }

    @Test
    public void refusesAnUninitialisedBlockAndMismatchedInputs() {
        List<float[]> data = TinyRegression.data(20, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 8, 1);
        try {
            new Trainer(quick().build()).fit(model, data, DataSplit.random(10, 0.1, 0.0, 1));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("10 items"));
        }
        TrainableModel<float[]> uninitialised = new TrainableModel<>() {
            final ai.djl.nn.Block b = ai.djl.nn.core.Linear.builder().setUnits(1).build();

            @Override
            public ai.djl.nn.Block block() {
                return b;
            }

            @Override
            public ai.djl.ndarray.NDArray trainingLoss(NDManager m, List<float[]> batch,
                    SplittableRandom random) {
                throw new AssertionError("not reached");
            }
        };
        try {
            new Trainer(quick().build()).fit(uninitialised, data, DataSplit.random(20, 0.1, 0.0, 1));
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not initialised"));
        }
    }

    @Test
    public void resumeRefusesAnotherSeed() {
        List<float[]> data = TinyRegression.data(40, 0.0, 1);
        TinyRegression model = new TinyRegression(manager, 8, 1);
        TrainingResult r = new Trainer(quick().epochs(1).build()).fit(model, data,
                DataSplit.random(data.size(), 0.1, 0.0, 1));
        try {
            new Trainer(quick().epochs(2).seed(99).build()).resume(model, data, r.finalCheckpoint());
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("seed 5"));
        }
    }
}
