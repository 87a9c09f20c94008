package org.gaudi.core.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.train.GradMode;

/**
 * A trained (or freshly initialised) equivariant diffusion model over graphs of rings as one object: the network
 * and diffusion process ({@link EquivariantDiffusion}), its {@link EdmArchitecture}, the ring-count distribution
 * learned from the training split, the training-set InChIKeys (for novelty), the seed, a summary of the data and
 * split, and the training settings and metrics. Saved and loaded as one {@link ModelArchive} of kind
 * {@value #KIND}.
 *
 * <p>The model owns an {@link NDManager} on its device; {@link #close()} frees the weights. Sampling may run on any
 * thread: every DJL entry point sets the plugin's context class loader and switches gradient recording off for the
 * calling thread.
 *
 * <pre>{@code
 * try (EdmModel edm = EdmModel.load(path, Djl.DeviceSetting.AUTO)) {
 *     SampleResult r = edm.sample(64, SamplingOptions.unconditional(0, edm.timesteps()), SamplingHook.none());
 *     List<DecodedMolecule> mols = edm.decode(r);
 * }
 * }</pre>
 */
public final class EdmModel implements AutoCloseable {
    /** Model kind in the archive header. */
    public static final String KIND = "gaudi-edm";
    /** Version of the EDM header layout this code writes and the newest it reads. */
    public static final int EDM_FORMAT = 1;

    private final EdmArchitecture architecture;
    private final Device device;
    private final NDManager manager;
    private final EgnnDynamics dynamics;
    private final EquivariantDiffusion diffusion;
    private RingCountDistribution ringCounts;
    private Set<String> trainingKeys;
    private long seed;
    private EdmDataSummary data;
    private Map<String, Object> training = new LinkedHashMap<>();
    private Map<String, Object> metrics = new LinkedHashMap<>();

    private EdmModel(EdmArchitecture architecture, Device device, NDManager manager, EquivariantDiffusion diffusion,
            long seed) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.device = Objects.requireNonNull(device, "device");
        this.manager = manager;
        this.diffusion = diffusion;
        this.dynamics = diffusion.dynamics();
        this.seed = seed;
        this.trainingKeys = Collections.emptySet();
        this.data = EdmDataSummary.none();
    }

    /**
     * A new model with seeded PyTorch-default initial weights.
     *
     * @param ringCounts   distribution of ring counts to sample from (usually the training split's)
     * @param trainingKeys InChIKeys of the training molecules (for novelty; may be empty)
     */
    public static EdmModel initialise(EdmArchitecture architecture, Device device, long seed,
            RingCountDistribution ringCounts, Set<String> trainingKeys, EdmDataSummary data) {
        checkDistribution(ringCounts, architecture);
        NDManager manager = Djl.call(() -> NDManager.newBaseManager(device));
        EquivariantDiffusion diffusion;
        try {
            EgnnDynamics net = architecture.newNetwork();
            Djl.run(() -> net.initializeParameters(manager, seed));
            diffusion = new EquivariantDiffusion(net, architecture.schedule(), architecture.featurizer());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        EdmModel m = new EdmModel(architecture, device, manager, diffusion, seed);
        m.ringCounts = ringCounts;
        m.trainingKeys = Collections.unmodifiableSet(new TreeSet<>(trainingKeys));
        m.data = Objects.requireNonNull(data, "data");
        return m;
    }

    private static RingCountDistribution checkDistribution(RingCountDistribution d, EdmArchitecture a) {
        Objects.requireNonNull(d, "ring-count distribution");
        if (d.maxRings() > a.maxRings()) {
            throw new IllegalArgumentException("the ring-count distribution reaches " + d.maxRings()
                    + " rings, more than the model's max rings " + a.maxRings());
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------- persistence

    /** Reads a model file onto the device chosen by {@code setting}. */
    public static EdmModel load(Path file, Djl.DeviceSetting setting) throws IOException {
        return load(file, Djl.selectDevice(setting));
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException naming the file when it is not an EDM model file, damaged, truncated, from a
     *                              newer version or does not fit its own hyper-parameters
     */
    public static EdmModel load(Path file, Device device) throws IOException {
        return fromArchive(ModelArchive.read(file, KIND), device);
    }

    /**
     * Builds the model held by an archive (e.g. from KNIME port content). The network, schedule (its stored γ table)
     * and ring-count distribution are required; the training metadata (InChIKeys, seed, data, settings, metrics) are
     * read when present, so files written by {@link EdmModelFile#archive} load too.
     */
    public static EdmModel fromArchive(ModelArchive archive, Device device) throws ModelFormatException {
        ModelHeader h = archive.header();
        String source = archive.source();
        if (!KIND.equals(h.kind())) {
            throw new ModelFormatException(source, "holds a '" + h.kind() + "' model, not a '" + KIND + "' model");
        }
        if (h.hasMetadata("edmFormat")) {
            int format = metadata(h, source, "edmFormat", new TypeReference<Integer>() { });
            if (format > EDM_FORMAT || format < 1) {
                throw new ModelFormatException(source, "EDM header format " + format + " is not supported (this"
                        + " version reads 1 to " + EDM_FORMAT + "); update the GaUDI extension");
            }
        }
        NDManager manager = Djl.call(() -> NDManager.newBaseManager(device));
        try {
            EdmModelFile.Loaded loaded = Djl.call(() -> EdmModelFile.load(archive, manager));
            if (loaded.ringCounts() == null) {
                throw new ModelFormatException(source, "has no ring-count distribution (metadata 'ringCounts');"
                        + " it cannot sample");
            }
            double precision = h.hasHyperParameter("schedulePrecision")
                    ? metadataOrHyper(h, source, "schedulePrecision") : Double.NaN;
            double power = h.hasHyperParameter("schedulePower") ? metadataOrHyper(h, source, "schedulePower")
                    : Double.NaN;
            EdmArchitecture arch;
            try {
                arch = EdmArchitecture.of(loaded.diffusion(), precision, power);
                checkDistribution(loaded.ringCounts(), arch);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source, "inconsistent EDM header: " + e.getMessage(), e);
            }
            long seed = h.hasMetadata("seed") ? metadata(h, source, "seed", new TypeReference<Long>() { }) : 0L;
            EdmModel m = new EdmModel(arch, device, manager, loaded.diffusion(), seed);
            m.ringCounts = loaded.ringCounts();
            if (h.hasMetadata("trainingInchiKeys")) {
                m.trainingKeys = Collections.unmodifiableSet(new TreeSet<>(metadata(h, source, "trainingInchiKeys",
                        new TypeReference<List<String>>() { })));
            }
            if (h.hasMetadata("data")) {
                m.data = metadata(h, source, "data", new TypeReference<EdmDataSummary>() { });
            }
            if (h.hasMetadata("training")) {
                m.training = metadata(h, source, "training", new TypeReference<LinkedHashMap<String, Object>>() { });
            }
            if (h.hasMetadata("metrics")) {
                m.metrics = metadata(h, source, "metrics", new TypeReference<LinkedHashMap<String, Object>>() { });
            }
            return m;
        } catch (ModelFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static double metadataOrHyper(ModelHeader h, String source, String key) throws ModelFormatException {
        try {
            return h.hyperParameter(key, Double.class);
        } catch (IllegalStateException e) {
            throw new ModelFormatException(source, "hyper-parameter '" + key + "' is not a number", e);
        }
    }

    private static <V> V metadata(ModelHeader h, String source, String key, TypeReference<V> type)
            throws ModelFormatException {
        try {
            V v = h.metadata(key, type);
            if (v == null) {
                throw new ModelFormatException(source, "metadata entry '" + key + "' is empty");
            }
            return v;
        } catch (IllegalStateException e) {
            throw new ModelFormatException(source, e.getMessage().replaceFirst("^model file \\S+ ", ""), e);
        }
    }

    /** The model as an archive (header and current weights, no training state). */
    public ModelArchive toArchive() {
        return Djl.call(() -> ModelArchive.of(header(), dynamics));
    }

    /**
     * The header describing this model: {@link EdmModelFile#header} (network, layout, vocabulary, γ table, ring
     * counts) plus the schedule settings, normalisation factors, seed, data summary and split, training settings and
     * metrics, and the training-set InChIKeys.
     */
    public ModelHeader header() {
        ModelHeader h = EdmModelFile.header(diffusion, ringCounts);
        architecture.describeIn(h);
        h.hyperParameter("parameterCount", parameterCount());
        h.metadata("edmFormat", EDM_FORMAT)
                .metadata("seed", seed)
                .metadata("data", data)
                .metadata("training", training)
                .metadata("metrics", metrics)
                .metadata("trainingInchiKeys", new ArrayList<>(trainingKeys));
        return h;
    }

    /** Writes the model file atomically (no training state). */
    public void save(Path file) throws IOException {
        toArchive().write(file);
    }

    // ---------------------------------------------------------------------------------------------- sampling

    /** Samples {@code count} graphs whose ring counts are drawn from the model's ring-count distribution. */
    public SampleResult sample(int count, SamplingOptions options, SamplingHook hook) {
        return sample(count, ringCounts, options, hook);
    }

    /** Samples {@code count} graphs whose ring counts are drawn from {@code distribution} (seeded by the options). */
    public SampleResult sample(int count, RingCountDistribution distribution, SamplingOptions options,
            SamplingHook hook) {
        Objects.requireNonNull(distribution, "distribution");
        return Djl.call(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled()) {
                return diffusion.sample(new ParameterStore(manager, false), manager, count, distribution, options,
                        hook);
            }
        });
    }

    /** Samples one graph per entry of {@code ringCounts} (each ≤ {@link EdmArchitecture#maxRings()}). */
    public SampleResult sample(int[] ringCounts, SamplingOptions options, SamplingHook hook) {
        return Djl.call(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled()) {
                return diffusion.sample(new ParameterStore(manager, false), manager, ringCounts, options, hook);
            }
        });
    }

    /** GaUDI's unconditional sampling options for this model: std 0.7, all T steps. */
    public SamplingOptions unconditionalOptions(long samplingSeed) {
        return SamplingOptions.unconditional(samplingSeed, architecture.timesteps());
    }

    /**
     * Decodes sampled graphs to molecules with GaUDI's checks (§4). Cata models decode each graph as Bn rings;
     * hetero models decode the raw ring and orientation nodes so that mistyped orientation nodes are caught.
     */
    public List<DecodedMolecule> decode(SampleResult result) {
        List<DecodedMolecule> out = new ArrayList<>(result.graphs().size());
        if (architecture.kind() == GorKind.CATA) {
            for (GraphOfRings g : result.graphs()) {
                out.add(GorDecoder.decode(g, GorKind.CATA));
            }
            return out;
        }
        int n = result.nodes();
        int capacity = n / 2;
        int f = architecture.vocabulary().size();
        float[] x = result.x();
        float[] h = result.h();
        for (int k = 0; k < result.ringCounts().length; k++) {
            int rings = result.ringCounts()[k];
            double[][] pos = new double[2 * rings][];
            RingType[] types = new RingType[2 * rings];
            for (int i = 0; i < rings; i++) {
                for (int part = 0; part < 2; part++) {
                    int node = k * n + i + part * capacity;
                    double[] p = new double[3];
                    for (int a = 0; a < 3; a++) {
                        p[a] = x[node * 3 + a] * GorFeaturizer.POSITION_SCALE;
                    }
                    int best = 0;
                    for (int c = 1; c < f; c++) {
                        if (h[node * f + c] > h[node * f + best]) {
                            best = c;
                        }
                    }
                    pos[i + part * rings] = p;
                    types[i + part * rings] = architecture.vocabulary().get(best);
                }
            }
            out.add(GorDecoder.decodeNodes(pos, types, GorKind.HETERO));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ access

    public EdmArchitecture architecture() {
        return architecture;
    }

    /** The diffusion process (network, schedule, featurizer), e.g. for guided sampling hooks. */
    public EquivariantDiffusion diffusion() {
        return diffusion;
    }

    /** The noise-prediction network (its parameters live in {@link #manager()}). */
    public EgnnDynamics network() {
        return dynamics;
    }

    /** The manager that owns the weights (closed by {@link #close()}). */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return device;
    }

    /** T of the noise schedule. */
    public int timesteps() {
        return architecture.timesteps();
    }

    public long parameterCount() {
        return dynamics.parameterCount();
    }

    public RingCountDistribution ringCountDistribution() {
        return ringCounts;
    }

    /** Sorted, unmodifiable InChIKeys of the training-split molecules. */
    public Set<String> trainingInchiKeys() {
        return trainingKeys;
    }

    /** The seed of the run that produced the weights (initialisation, split, shuffling, noise). */
    public long seed() {
        return seed;
    }

    public EdmDataSummary data() {
        return data;
    }

    /** Training settings as recorded (empty for an untrained model). */
    public Map<String, Object> training() {
        return Collections.unmodifiableMap(training);
    }

    /** Training metrics as recorded (best epoch, losses, timings, ...). */
    public Map<String, Object> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** Replaces the recorded training settings and metrics (by {@link EdmTraining}). */
    void recordTraining(Map<String, Object> settings, Map<String, Object> trainingMetrics) {
        this.training = new LinkedHashMap<>(settings);
        this.metrics = new LinkedHashMap<>(trainingMetrics);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "EdmModel[" + architecture + ", " + parameterCount() + " parameters, " + Djl.describe(device) + "]";
    }
}
