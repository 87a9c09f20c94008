package org.gaudi.core.diffusion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingResult;
import org.gaudi.core.train.TrainingSettings;
import org.junit.Test;

/** The EDM through the project's generic trainer (AdamW/AMSGrad, clipping) and the model-file round trip. */
public class EdmTrainableTest {

    /** GaUDI keeps the epoch with the best validation NLL; so do we unless asked for the ε-loss. */
    @Test
    public void bestEpochIsPickedByTheNllBoundByDefault() {
        assertEquals(EdmTrainable.ValidationMetric.NLL, EdmTrainingSettings.builder().build().validationMetric());
        assertEquals(EdmTrainable.ValidationMetric.NLL, EdmTrainingSettings.fromMap(
                EdmTrainingSettings.builder().build().toMap()).validationMetric());
    }

    @Test
    public void trainsWithTheProjectTrainerAndRoundTripsThroughAModelFile() throws Exception {
        try (NDManager manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            EgnnDynamics net = new EgnnDynamics(1, 16, 2);
            net.initializeParameters(manager, 3);
            EquivariantDiffusion diffusion = new EquivariantDiffusion(net, NoiseSchedule.standard(),
                    GorFeaturizer.cata(5));
            List<GraphOfRings> items = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                items.addAll(TinyGors.cataSet());
            }
            TrainingSettings settings = TrainingSettings.builder().epochs(12).batchSize(6).seed(1)
                    .learningRate(2e-3).build();
            DataSplit split = DataSplit.random(items.size(), 0.25, 0, 5);
            TrainingResult result = new Trainer(settings).fit(new EdmTrainable(diffusion), items, split);
            double first = result.history().get(0).validationLoss();
            double best = result.bestValidationLoss();
            System.out.printf("EDM via Trainer: validation %.4f (epoch 1) -> best %.4f (epoch %d)%n", first, best,
                    result.bestEpoch());
            assertTrue(first + " -> " + best, best < 0.8 * first);

            // the NLL metric (nats per graph; a density, so it may be negative) is lower after training
            EgnnDynamics fresh = new EgnnDynamics(1, 16, 2);
            fresh.initializeParameters(manager, 3);
            EdmTrainable untrained = new EdmTrainable(new EquivariantDiffusion(fresh, NoiseSchedule.standard(),
                    GorFeaturizer.cata(5)), EdmTrainable.ValidationMetric.NLL);
            EdmTrainable trained = new EdmTrainable(diffusion, EdmTrainable.ValidationMetric.NLL);
            try (NDManager step = manager.newSubManager()) {
                float before = untrained.validationLoss(step, items, new java.util.SplittableRandom(1)).getFloat();
                float after = trained.validationLoss(step, items, new java.util.SplittableRandom(1)).getFloat();
                System.out.printf("EDM via Trainer: NLL bound %.2f -> %.2f nats per graph%n", before, after);
                assertTrue(before + " -> " + after, Float.isFinite(after) && after < before);
            }

            RingCountDistribution counts = RingCountDistribution.fromGraphs(items);
            byte[] bytes = EdmModelFile.archive(diffusion, counts).toBytes();
            ModelArchive archive = ModelArchive.fromBytes(bytes, "edm-test.zip", EdmModelFile.KIND);
            EdmModelFile.Loaded loaded = EdmModelFile.load(archive, manager);
            assertEquals(counts, loaded.ringCounts());
            assertEquals(diffusion.schedule(), loaded.diffusion().schedule());
            SamplingOptions opts = new SamplingOptions(9, 0.7, 20);
            SampleResult a = diffusion.sample(new ParameterStore(manager, false), manager, new int[] {4, 3}, opts,
                    SamplingHook.none());
            SampleResult b = loaded.diffusion().sample(new ParameterStore(manager, false), manager, new int[] {4, 3},
                    opts, SamplingHook.none());
            assertArrayEquals(a.x(), b.x(), 0f);

            ModelHeader wrong = EdmModelFile.header(diffusion, counts).hyperParameter("hidden", 32);
            try {
                EdmModelFile.load(ModelArchive.of(wrong, net), manager);
                fail("a header that does not fit the weights must be rejected");
            } catch (ModelFormatException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("parameter"));
            }
        }
    }
}
