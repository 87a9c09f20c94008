package org.gaudi.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

public class ModelArchiveTest {
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

    private SequentialBlock mlp(int hidden, int layers, int seed) {
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            b.add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh);
        }
        b.add(Linear.builder().setUnits(1).build());
        Engine.getInstance().setRandomSeed(seed);
        b.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
        return b;
    }

    private float[] outputs(SequentialBlock b) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(new float[] {0.1f, -2f, 3f, 1f, 1f, 1f, -0.5f, 0.25f, 7f}, new Shape(3, 3));
            return b.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    private static ModelHeader header(String kind) {
        return new ModelHeader(kind).hyperParameter("hidden", 16).hyperParameter("layers", 2);
    }

    /** A test record stored as metadata. */
    public record Normalisation(double[] mean, double[] std) {
    }

    @Test
    public void saveThenLoadGivesIdenticalOutputs() throws IOException {
        SequentialBlock a = mlp(16, 2, 1);
        SequentialBlock b = mlp(16, 2, 2);
        assertFalse(Arrays.equals(outputs(a), outputs(b)));
        Path file = tmp.getRoot().toPath().resolve("sub/dir/m.gaudi");
        ModelArchive.of(header("test-mlp"), a).write(file);
        ModelArchive back = ModelArchive.read(file, "test-mlp");
        back.loadParametersInto(b);
        assertArrayEquals(outputs(a), outputs(b), 0f);
        assertEquals(file.toString(), back.source());

        // bytes and streams (port objects)
        SequentialBlock c = mlp(16, 2, 3);
        ModelArchive.fromBytes(back.toBytes(), "port", "test-mlp").loadParametersInto(c);
        assertArrayEquals(outputs(a), outputs(c), 0f);
        // the replaced arrays were freed: only the three blocks' parameters are left
        assertEquals(3 * a.getParameters().size(), manager.getManagedArrays().size());
        // trainable parameters still require gradients after loading
        try (NDManager sub = manager.newSubManager();
                org.gaudi.core.train.ExclusiveGradientCollector gc =
                        org.gaudi.core.train.ExclusiveGradientCollector.open()) {
            NDArray x = sub.ones(new Shape(2, 3));
            gc.backward(c.forward(new ParameterStore(sub, false), new NDList(x), true).singletonOrThrow().sum());
        }
        NDArray g = c.getParameters().get(0).getValue().getArray().getGradient();
        assertTrue(g.abs().sum().getFloat() > 0);
        g.close();
    }

    @Test
    public void headerRoundTrip() throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("molecules", 8678);
        summary.put("source", "compas-1d");
        ModelHeader h = header("gaudi-edm").hyperParameter("lr", 1e-3)
                .metadata("vocabulary", List.of("Bn", "Pl", "Pyr"))
                .metadata("normalisation", new Normalisation(new double[] {1, 2}, new double[] {0.5, 0.25}))
                .metadata("summary", summary)
                .metadata("bestValidationLoss", Double.NaN);
        ModelArchive back = ModelArchive.fromBytes(ModelArchive.of(h, mlp(4, 1, 1)).toBytes(), "mem", null);
        ModelHeader r = back.header();
        assertEquals("gaudi-edm", r.kind());
        assertEquals(ModelHeader.FORMAT_VERSION, r.formatVersion());
        assertEquals(h.created(), r.created());
        assertEquals(16, (int) r.hyperParameter("hidden", Integer.class));
        assertEquals(1e-3, r.hyperParameter("lr", Double.class), 0);
        assertEquals(List.of("Bn", "Pl", "Pyr"), r.metadata("vocabulary", new TypeReference<List<String>>() {
        }));
        Normalisation n = r.metadata("normalisation", Normalisation.class);
        assertArrayEquals(new double[] {0.5, 0.25}, n.std(), 0);
        assertEquals(8678, r.metadata("summary", new TypeReference<Map<String, Object>>() {
        }).get("molecules"));
        assertTrue(Double.isNaN(r.metadata("bestValidationLoss", Double.class)));
        assertEquals(List.of("hidden", "layers", "lr"), r.hyperParameterNames());
        try {
            r.hyperParameter("width", Integer.class);
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("mem") && e.getMessage().contains("'width'"));
        }
        try {
            r.metadata("vocabulary", Integer.class);
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'vocabulary'"));
        }
    }

    private static void assertModelError(byte[] bytes, String expectedKind, String... fragments) {
        try {
            ModelArchive.fromBytes(bytes, "broken.gaudi", expectedKind);
            fail("expected an error for " + Arrays.toString(fragments));
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file broken.gaudi: "));
            for (String f : fragments) {
                assertTrue(e.getMessage(), e.getMessage().contains(f));
            }
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    @Test
    public void notAModelFile() throws IOException {
        byte[] noise = new byte[500];
        new Random(1).nextBytes(noise);
        assertModelError(noise, null, "not a GaUDI model file");
        assertModelError("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), null, "not a GaUDI model file");
        assertModelError(new byte[0], null, "not a GaUDI model file");
        assertModelError(zip(Map.of("readme.txt", new byte[] {1})), null, "no header.json");
        assertModelError(zip(Map.of("header.json", "{nope".getBytes(StandardCharsets.UTF_8))), null,
                "not valid JSON");
        assertModelError(zip(Map.of("header.json", "{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8))),
                null, "not a GaUDI model header");
    }

    @Test
    public void newerFormatAndWrongKindAndMissingParameters() throws IOException {
        String newer = "{\"format\":\"gaudi-model\",\"formatVersion\":2,\"kind\":\"gaudi-edm\","
                + "\"created\":\"2025-01-01T00:00:00Z\"}";
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("header.json", newer.getBytes(StandardCharsets.UTF_8));
        e.put("parameters.bin", new byte[] {1, 2});
        assertModelError(zip(e), "gaudi-edm", "newer GaUDI version", "format version 2");

        byte[] edm = ModelArchive.of(header("gaudi-edm"), mlp(4, 1, 1)).toBytes();
        assertModelError(edm, "gaudi-predictor", "holds a 'gaudi-edm' model", "'gaudi-predictor' model is needed");

        e.put("header.json", new String(ModelArchive.fromBytes(edm, "x", null).header().toJson(),
                StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        e.remove("parameters.bin");
        assertModelError(zip(e), null, "no parameters.bin");
    }

    /** Offset of the zip central directory (first "PK\1\2"), i.e. the end of the last entry's data. */
    private static int centralDirectoryOffset(byte[] z) {
        for (int i = 0; i + 3 < z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) {
                return i;
            }
        }
        throw new AssertionError("no central directory");
    }

    @Test
    public void everyTruncationBeforeTheEndOfTheDataIsReported() throws IOException {
        SequentialBlock a = mlp(16, 2, 1);
        ModelArchive full = ModelArchive.of(header("test-mlp"), a);
        byte[] bytes = full.toBytes();
        int end = centralDirectoryOffset(bytes);
        List<Integer> cuts = new ArrayList<>();
        for (int c = 1; c < end; c += Math.max(1, end / 97)) {
            cuts.add(c);
        }
        cuts.add(end - 1);
        cuts.add(30); // inside the first local header
        for (int cut : cuts) {
            try {
                ModelArchive.fromBytes(Arrays.copyOf(bytes, cut), "broken.gaudi", "test-mlp");
                fail("truncation at " + cut + " of " + bytes.length + " not detected");
            } catch (ModelFormatException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("model file broken.gaudi: "));
            }
        }
        // a file cut inside the trailing zip directory still holds every byte of the model: it loads intact
        SequentialBlock b = mlp(16, 2, 2);
        ModelArchive.fromBytes(Arrays.copyOf(bytes, end + 10), "cut.gaudi", "test-mlp").loadParametersInto(b);
        assertArrayEquals(outputs(a), outputs(b), 0f);
    }

    @Test
    public void truncatedFileOnDiskNamesTheFile() throws IOException {
        byte[] bytes = ModelArchive.of(header("test-mlp"), mlp(16, 2, 1)).toBytes();
        Path f = tmp.newFile("half.gaudi").toPath();
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        try {
            ModelArchive.read(f, "test-mlp");
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(f.toString()));
            assertTrue(e.getMessage(), e.getMessage().contains("truncated") || e.getMessage().contains("damaged"));
        }
    }

    @Test
    public void parametersThatDoNotFitTheNetwork() throws IOException {
        ModelArchive a = ModelArchive.fromBytes(ModelArchive.of(header("test-mlp"), mlp(16, 2, 1)).toBytes(),
                "m16.gaudi", "test-mlp");
        try {
            a.loadParametersInto(mlp(8, 2, 1));
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file m16.gaudi: "));
            assertTrue(e.getMessage(), e.getMessage().contains("shape"));
        }
        try {
            a.loadParametersInto(mlp(16, 3, 1));
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file m16.gaudi: "));
        }
        try {
            a.loadParametersInto(mlp(16, 1, 1));
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file m16.gaudi: "));
        }
        SequentialBlock uninitialised = new SequentialBlock().add(Linear.builder().setUnits(1).build());
        try {
            a.loadParametersInto(uninitialised);
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("initialise"));
        }
    }

    @Test
    public void damagedTrainingStateIsReported() throws IOException {
        byte[] good = ModelArchive.of(header("test-mlp"), mlp(4, 1, 1)).toBytes();
        ModelArchive a = ModelArchive.fromBytes(good, "x", null);
        assertFalse(a.hasTrainingState());
        assertTrue(a.trainingCheckpoint().isEmpty());
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("header.json", a.header().toJson());
        e.put("parameters.bin", a.parameterBytes());
        e.put("optimizer.bin", new byte[] {0x47, 0x43, 0x4b, 0x50, 0, 0});
        ModelArchive damaged = ModelArchive.fromBytes(zip(e), "resume.gaudi", "test-mlp");
        assertTrue(damaged.hasTrainingState());
        try {
            damaged.trainingCheckpoint();
            fail();
        } catch (ModelFormatException ex) {
            assertTrue(ex.getMessage(), ex.getMessage().contains("resume.gaudi")
                    && ex.getMessage().contains("optimizer.bin"));
        }
    }

    @Test
    public void atomicWriteReplacesOrLeavesNothingBehind() throws IOException {
        Path dir = tmp.newFolder("out").toPath();
        Path file = dir.resolve("m.gaudi");
        SequentialBlock a = mlp(4, 1, 1);
        SequentialBlock b = mlp(4, 1, 2);
        ModelArchive.of(header("test-mlp"), a).write(file);
        ModelArchive.of(header("test-mlp"), b).write(file); // replaces
        SequentialBlock c = mlp(4, 1, 3);
        ModelArchive.read(file).loadParametersInto(c);
        assertArrayEquals(outputs(b), outputs(c), 0f);

        // a target that cannot be replaced (a non-empty folder): the write fails and leaves no temporary file
        Path blocked = dir.resolve("blocked.gaudi");
        Files.createDirectories(blocked.resolve("inside"));
        try {
            ModelArchive.of(header("test-mlp"), a).write(blocked);
            fail();
        } catch (IOException expected) {
            // DirectoryNotEmptyException or similar
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("blocked.gaudi", "m.gaudi"),
                    s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        try {
            ModelArchive.read(blocked);
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("folder"));
        }
    }
}
