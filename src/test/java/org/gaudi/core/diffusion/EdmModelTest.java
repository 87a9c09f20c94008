package org.gaudi.core.diffusion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EdmModelTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static EdmModel trained;
    private static Path file;

    @BeforeClass
    public static void trainTinyModel() throws IOException {
        file = tmp.getRoot().toPath().resolve("model.gaudi-edm");
        trained = new EdmTraining(TinyEdm.settings(4).build()).train(TinyEdm.embedded1to5(), file).model();
    }

    @AfterClass
    public static void closeModel() {
        trained.close();
    }

    private static SamplingOptions options(long seed) {
        return new SamplingOptions(seed, 0.7, 25);
    }

    @Test
    public void saveThenLoadReproducesBitIdenticalSamples() throws IOException {
        SampleResult before = trained.sample(12, options(42), SamplingHook.none());
        try (EdmModel loaded = EdmModel.load(file, Device.cpu())) {
            SampleResult after = loaded.sample(12, options(42), SamplingHook.none());
            assertArrayEquals(before.ringCounts(), after.ringCounts());
            assertArrayEquals(before.x(), after.x(), 0f);
            assertArrayEquals(before.h(), after.h(), 0f);
            assertEquals(before.graphs(), after.graphs());
            // a second save of the loaded model gives the same parameters again
            Path again = tmp.getRoot().toPath().resolve("again.gaudi-edm");
            loaded.save(again);
            assertArrayEquals(ModelArchive.read(file).parameterBytes(), ModelArchive.read(again).parameterBytes());
            assertFalse("save() writes no training state", ModelArchive.read(again).hasTrainingState());
        }
        // the samples really depend on the weights and the seed (the comparison above can fail)
        SampleResult otherSeed = trained.sample(12, options(43), SamplingHook.none());
        assertFalse(Arrays.equals(before.x(), otherSeed.x()));
        EdmArchitecture arch = trained.architecture();
        try (EdmModel fresh = EdmModel.initialise(arch, Device.cpu(), 99, trained.ringCountDistribution(), Set.of(),
                EdmDataSummary.none())) {
            SampleResult untrained = fresh.sample(12, options(42), SamplingHook.none());
            assertArrayEquals(before.ringCounts(), untrained.ringCounts());
            assertFalse(Arrays.equals(before.x(), untrained.x()));
        }
    }

    @Test
    public void samplesRespectTheRingCountsAndDecodeAsCata() {
        int[] rings = {1, 3, 5, 2};
        SampleResult r = trained.sample(rings, options(7), SamplingHook.none());
        List<DecodedMolecule> decoded = trained.decode(r);
        assertEquals(4, decoded.size());
        for (int k = 0; k < rings.length; k++) {
            GraphOfRings g = r.graphs().get(k);
            assertEquals(rings[k], g.ringCount());
            assertEquals(GorKind.CATA, decoded.get(k).kind());
        }
        assertEquals("a single ring is always a valid benzene", true, decoded.get(0).chemicallyValid());
        assertEquals("InChIKey=UHOVQNZJYSORNB-UHFFFAOYSA-N".substring(9), decoded.get(0).inchiKey());
        try {
            trained.sample(new int[] {6}, options(1), SamplingHook.none());
            fail("6 rings exceed the model's capacity of 5");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("max rings 5"));
        }
    }

    @Test
    public void truncatedFileGivesAClearErrorNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.getRoot().toPath().resolve("cut.gaudi-edm");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertLoadFails(cut, "cut.gaudi-edm");
    }

    @Test
    public void corruptFileGivesAClearErrorNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] bad = bytes.clone();
        for (int i = bad.length / 2; i < bad.length / 2 + 64; i++) {
            bad[i] ^= 0x5A;
        }
        Path corrupt = tmp.getRoot().toPath().resolve("corrupt.gaudi-edm");
        Files.write(corrupt, bad);
        assertLoadFails(corrupt, "corrupt.gaudi-edm");

        Path text = tmp.getRoot().toPath().resolve("notes.gaudi-edm");
        Files.writeString(text, "not a model\n", StandardCharsets.UTF_8);
        String msg = assertLoadFails(text, "notes.gaudi-edm");
        assertTrue(msg, msg.contains("not a GaUDI model file"));
    }

    @Test
    public void incompatibleFilesAreRefusedWithTheReason() throws IOException {
        ModelArchive a = ModelArchive.read(file);
        // hyper-parameters that do not match the stored weights
        ModelHeader h = a.header().hyperParameter("hidden", 24);
        Path wrongSize = tmp.getRoot().toPath().resolve("wrong-size.gaudi-edm");
        ModelArchive.of(h, a.parameterBytes()).write(wrongSize);
        assertLoadFails(wrongSize, "wrong-size.gaudi-edm");
        // a newer EDM header layout
        ModelHeader newer = ModelArchive.read(file).header().metadata("edmFormat", EdmModel.EDM_FORMAT + 1);
        Path future = tmp.getRoot().toPath().resolve("future.gaudi-edm");
        ModelArchive.of(newer, a.parameterBytes()).write(future);
        String msg = assertLoadFails(future, "future.gaudi-edm");
        assertTrue(msg, msg.contains("update the GaUDI extension"));
        // another kind of model
        ModelHeader other = new ModelHeader("gaudi-predictor");
        Path predictor = tmp.getRoot().toPath().resolve("predictor.gaudi-model");
        ModelArchive.of(other, a.parameterBytes()).write(predictor);
        msg = assertLoadFails(predictor, "predictor.gaudi-model");
        assertTrue(msg, msg.contains("gaudi-predictor"));
        // a header without the ring-count distribution
        Path incomplete = tmp.getRoot().toPath().resolve("incomplete.gaudi-edm");
        EdmModelFile.archive(trained.diffusion(), null).write(incomplete);
        msg = assertLoadFails(incomplete, "incomplete.gaudi-edm");
        assertTrue(msg, msg.contains("ring-count distribution"));
    }

    @Test
    public void aBareEdmModelFileLoadsWithEmptyTrainingMetadata() throws IOException {
        Path bare = tmp.getRoot().toPath().resolve("bare.gaudi-edm");
        EdmModelFile.archive(trained.diffusion(), trained.ringCountDistribution()).write(bare);
        try (EdmModel m = EdmModel.load(bare, Device.cpu())) {
            assertEquals(trained.architecture(), m.architecture());
            assertTrue(m.trainingInchiKeys().isEmpty());
            assertEquals(EdmDataSummary.none(), m.data());
            SampleResult a = trained.sample(4, options(5), SamplingHook.none());
            SampleResult b = m.sample(4, options(5), SamplingHook.none());
            assertArrayEquals(a.x(), b.x(), 0f);
        }
        // and the full EDM file is readable by the lower-level reader
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu())) {
            EdmModelFile.Loaded l = EdmModelFile.load(ModelArchive.read(file), manager);
            assertEquals(trained.ringCountDistribution(), l.ringCounts());
        }
    }

    private static String assertLoadFails(Path p, String name) throws IOException {
        try (EdmModel m = EdmModel.load(p, Device.cpu())) {
            fail("loading " + p + " should fail, got " + m);
            return null;
        } catch (ModelFormatException e) {
            assertTrue("message names the file: " + e.getMessage(), e.getMessage().contains(name));
            return e.getMessage();
        }
    }
}
