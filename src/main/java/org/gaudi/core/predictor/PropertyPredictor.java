package org.gaudi.core.predictor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.GorBatch;
import org.gaudi.core.diffusion.NoiseSchedule;
import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.train.ExclusiveGradientCollector;
import org.gaudi.core.train.GradMode;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A trained (or freshly initialised) time-conditioned property predictor (GaUDI §6): the {@link EgnnPredictor}
 * network with its {@link PredictorSpec} — targets, training-split normalisation, and the EDM state space and noise
 * schedule it reads — plus the seed, training settings and metrics. Saved and loaded as one {@link ModelArchive}
 * of kind {@value #KIND}.
 *
 * <p>It predicts properties of graphs of rings in physical units ({@link #predict}), gives objective gradients for
 * guided sampling ({@link #gradient}), computes the noised-input training loss ({@link #trainingLoss}) and
 * evaluates MAE versus noise level ({@link #evaluate}).
 *
 * <p>The instance owns an {@link NDManager} on its device holding the weights; {@link #close()} frees them. Every
 * DJL entry point sets the plugin's context class loader; inference switches gradient recording off for the calling
 * thread; gradient queries go through {@link ExclusiveGradientCollector}.
 */
public final class PropertyPredictor implements AutoCloseable {
    /** Model kind in the archive header. */
    public static final String KIND = "gaudi-predictor";
    /** Version of the predictor header layout this code writes and the newest it reads. */
    public static final int PREDICTOR_FORMAT = 1;
    /** Time steps of the reference evaluation: 0, 100, …, 1000. */
    public static final int[] REFERENCE_EVAL_STEPS = {0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};

    private static final int INFERENCE_BATCH = 256;

    private final PredictorSpec spec;
    private final Device device;
    private final NDManager manager;
    private final EgnnPredictor block;
    private final NoiseSchedule schedule;
    private final float[] mean;
    private final float[] std;
    private final long seed;
    private Map<String, Object> data = new LinkedHashMap<>();
    private Map<String, Object> training = new LinkedHashMap<>();
    private Map<String, Object> metrics = new LinkedHashMap<>();

    private PropertyPredictor(PredictorSpec spec, Device device, long seed, DataType dataType) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.device = Objects.requireNonNull(device, "device");
        this.schedule = spec.schedule();
        this.seed = seed;
        this.manager = Djl.call(() -> NDManager.newBaseManager(device));
        try {
            this.block = new EgnnPredictor(spec.config());
            Djl.run(() -> block.initializeParameters(manager, dataType, seed));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        double[] m = spec.normalisation().mean();
        double[] s = spec.normalisation().std();
        mean = new float[m.length];
        std = new float[s.length];
        for (int k = 0; k < m.length; k++) {
            mean[k] = (float) m[k];
            std[k] = (float) s[k];
        }
    }

    /** A new predictor with seeded PyTorch-default initial weights on {@code device}. */
    public static PropertyPredictor initialise(PredictorSpec spec, Device device, long seed) {
        return new PropertyPredictor(spec, device, seed, DataType.FLOAT32);
    }

    /** As {@link #initialise} with weights of another type (float64 for exact gradient checks in tests). */
    static PropertyPredictor initialise(PredictorSpec spec, Device device, long seed, DataType dataType) {
        return new PropertyPredictor(spec, device, seed, dataType);
    }

    // ------------------------------------------------------------------------------------------- persistence

    /** Reads a predictor file onto the device chosen by {@code setting}. */
    public static PropertyPredictor load(Path file, Djl.DeviceSetting setting) throws IOException {
        return load(file, Djl.selectDevice(setting));
    }

    /**
     * Reads a predictor file.
     *
     * @throws ModelFormatException naming the file when it is not a predictor file, damaged, truncated, from a newer
     *                              version or does not fit its own hyper-parameters
     */
    public static PropertyPredictor load(Path file, Device device) throws IOException {
        return fromArchive(ModelArchive.read(file, KIND), device);
    }

    /** Builds the predictor held by an archive (e.g. from KNIME port content). */
    public static PropertyPredictor fromArchive(ModelArchive archive, Device device) throws ModelFormatException {
        ModelHeader h = archive.header();
        String source = archive.source();
        if (!KIND.equals(h.kind())) {
            throw new ModelFormatException(source, "holds a '" + h.kind() + "' model, not a '" + KIND + "' model");
        }
        int format = metadata(h, source, "predictorFormat", new TypeReference<Integer>() { });
        if (format > PREDICTOR_FORMAT || format < 1) {
            throw new ModelFormatException(source, "predictor header format " + format + " is not supported (this "
                    + "version reads 1 to " + PREDICTOR_FORMAT + "); update the GaUDI extension");
        }
        PredictorSpec spec = PredictorSpec.readFrom(h);
        long seed = metadata(h, source, "seed", new TypeReference<Long>() { });
        PropertyPredictor p;
        try {
            p = initialise(spec, device, seed);
        } catch (RuntimeException e) {
            throw new ModelFormatException(source, "cannot build the network: " + e.getMessage(), e);
        }
        try {
            archive.loadParametersInto(p.block);
        } catch (ModelFormatException | RuntimeException e) {
            p.close();
            throw e;
        }
        p.data = optionalMap(h, source, "data");
        p.training = optionalMap(h, source, "training");
        p.metrics = optionalMap(h, source, "metrics");
        return p;
    }

    private static Map<String, Object> optionalMap(ModelHeader h, String source, String key)
            throws ModelFormatException {
        return h.hasMetadata(key) ? metadata(h, source, key, new TypeReference<LinkedHashMap<String, Object>>() { })
                : new LinkedHashMap<>();
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

    /** The header describing this predictor (hyper-parameters and metadata). */
    public ModelHeader header() {
        ModelHeader h = new ModelHeader(KIND);
        spec.writeTo(h);
        h.hyperParameter("parameterCount", parameterCount());
        h.metadata("predictorFormat", PREDICTOR_FORMAT)
                .metadata("seed", seed)
                .metadata("data", data)
                .metadata("training", training)
                .metadata("metrics", metrics);
        return h;
    }

    /** The predictor as an archive (header and current weights, no training state). */
    public ModelArchive toArchive() {
        return Djl.call(() -> ModelArchive.of(header(), block));
    }

    /** Writes the predictor file atomically (no training state). */
    public void save(Path file) throws IOException {
        toArchive().write(file);
    }

    /** Records what the predictor was trained on and how (stored in the header). */
    public void recordTraining(Map<String, Object> dataSummary, Map<String, Object> settings,
            Map<String, Object> figures) {
        this.data = new LinkedHashMap<>(dataSummary);
        this.training = new LinkedHashMap<>(settings);
        this.metrics = new LinkedHashMap<>(figures);
    }

    // ------------------------------------------------------------------------------------------------ access

    public PredictorSpec spec() {
        return spec;
    }

    /** The network (its parameters live in {@link #manager()}). */
    public EgnnPredictor network() {
        return block;
    }

    /** The manager that owns the weights (closed by {@link #close()}). */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return device;
    }

    /** The seed of the initial weights. */
    public long seed() {
        return seed;
    }

    public long parameterCount() {
        return block.parameterCount();
    }

    /** Number of diffusion steps T of the schedule the predictor was trained with. */
    public int timesteps() {
        return schedule.timesteps();
    }

    /** Data summary recorded at training (source, counts, split ids...), possibly empty. */
    public Map<String, Object> data() {
        return new LinkedHashMap<>(data);
    }

    /** Training settings recorded in the file, possibly empty. */
    public Map<String, Object> training() {
        return new LinkedHashMap<>(training);
    }

    /** Training and test figures recorded in the file, possibly empty. */
    public Map<String, Object> metrics() {
        return new LinkedHashMap<>(metrics);
    }

    /**
     * Checks that this predictor can guide the given EDM.
     *
     * @throws IllegalArgumentException naming both sides when vocabulary, layout or schedule differ
     */
    public void requireCompatible(EdmArchitecture edm) {
        spec.requireCompatible(edm);
    }

    // ------------------------------------------------------------------------------------------------ prediction

    /**
     * Predicts the targets of clean graphs of rings at network time t (0 for clean inputs), in physical units.
     *
     * @return [graph][target]
     * @throws IllegalArgumentException naming the graph when one does not fit the predictor's vocabulary or layout
     */
    public double[][] predict(List<GraphOfRings> gors, double t) {
        double[][] out = new double[gors.size()][];
        int k = spec.config().targets();
        Djl.run(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled()) {
                ParameterStore ps = new ParameterStore(manager, false);
                for (int from = 0; from < gors.size(); from += INFERENCE_BATCH) {
                    List<GraphOfRings> chunk = gors.subList(from, Math.min(gors.size(), from + INFERENCE_BATCH));
                    try (NDManager step = manager.newSubManager()) {
                        GorBatch batch = encode(chunk);
                        NDArray tt = step.full(new Shape(chunk.size(), 1), (float) t);
                        NDArray pred = physical(block.predict(ps, batch.z(step), tt, batch.nodeMask(step),
                                batch.edgeMask(step), false));
                        float[] flat = pred.toFloatArray();
                        for (int i = 0; i < chunk.size(); i++) {
                            double[] row = new double[k];
                            for (int j = 0; j < k; j++) {
                                row[j] = flat[i * k + j];
                            }
                            out[from + i] = row;
                        }
                    }
                }
            }
        });
        return out;
    }

    /**
     * Predictions in physical units for tensors in the EDM's normalised state space, without gradient.
     *
     * @param z        (B, N, 3+F) normalised state (x/3 centred, one-hot/4), noised or clean
     * @param nodeMask (B, N, 1)
     * @param edgeMask (B, N, N, 1)
     * @param t        (B, 1) or a single value, network time in [0, 1]
     * @return (B, targets), in z's manager and on z's device (the inputs may live on another device than the
     *         weights; they are copied)
     */
    public NDArray predict(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t) {
        return Djl.call(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled(); NDManager sub = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(sub, false);
                NDArray pred = physical(block.predict(ps, into(sub, z), into(sub, t), into(sub, nodeMask),
                        into(sub, edgeMask), false));
                return back(pred, z);
            }
        });
    }

    /**
     * The guidance query (GaUDI §7.1 step 3): evaluates a differentiable objective of the physical-unit predictions
     * for each sample and returns its gradient with respect to z. Each sample's gradient is that of its own objective
     * (the batch's objectives are summed before differentiation, and samples do not interact). The predictor's
     * weights take no part in differentiation: they are frozen for the query, accumulate no gradient and are left
     * unchanged; z is not modified. Queries are serialised with every other gradient computation of the JVM
     * ({@link ExclusiveGradientCollector}).
     *
     * @param z         (B, N, 3+F) normalised state (x/3 centred, one-hot/4)
     * @param nodeMask  (B, N, 1)
     * @param edgeMask  (B, N, N, 1)
     * @param t         (B, 1) or a single value, network time in [0, 1]
     * @param objective maps predictions (B, targets) in physical units to per-sample values (B) or (B, 1), built from
     *                  differentiable NDArray operations; its intermediates are freed after the query. Constants must
     *                  be tensors made with the predictions' manager ({@code p.getManager().create(0.5f)}), never
     *                  the {@code Number} overloads such as {@code p.mul(0.5)}: with DJL's PyTorch engine those can
     *                  corrupt the gradient when the garbage collector runs during the query (see {@code Constants})
     * @return values, ∂value_b/∂z_b (B, N, 3+F) and predictions, in z's manager and on z's device (inputs on
     *         another device than the weights are copied). NaN/Inf are passed through; the caller decides (the
     *         reference sampler zeroes them)
     */
    public GuidanceGradient gradient(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t,
            Function<NDArray, NDArray> objective) {
        Objects.requireNonNull(objective, "objective");
        return Djl.call(() -> {
            long b = z.getShape().get(0);
            List<Parameter> params = new ArrayList<>(block.getParameters().values());
            boolean[] trainable = new boolean[params.size()];
            try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
                // freeze and thaw while holding the collector, so concurrent queries never see thawed weights
                for (int i = 0; i < params.size(); i++) {
                    trainable[i] = params.get(i).requiresGradient();
                    params.get(i).freeze(true);
                }
                long[] bounds = BatchParallel.bounds(b);
                try (NDManager sub = manager.newSubManager()) {
                    if (bounds.length > 2) {
                        return chunkedGradient(z, nodeMask, edgeMask, t, objective, gc, bounds);
                    }
                    NDArray zIn = into(sub, z);
                    zIn.setRequiresGradient(true);
                    ParameterStore ps = new ParameterStore(sub, false);
                    NDArray pred = physical(block.predict(ps, zIn, into(sub, t), into(sub, nodeMask),
                            into(sub, edgeMask), false));
                    NDArray values = objectiveValues(objective, pred, b);
                    gc.backward(values.sum());
                    return new GuidanceGradient(back(values.stopGradient(), z), back(zIn.getGradient(), z),
                            back(pred.stopGradient(), z));
                } finally {
                    for (int i = 0; i < params.size(); i++) {
                        params.get(i).freeze(!trainable[i]);
                    }
                }
            }
        });
    }

    /** The objective's per-sample values (B) for predictions of B samples; a clear error for any other shape. */
    private static NDArray objectiveValues(Function<NDArray, NDArray> objective, NDArray pred, long b) {
        NDArray values = objective.apply(pred);
        if (values.size() != b) {
            throw new IllegalArgumentException("the objective must give one value per sample (" + b
                    + "), got shape " + values.getShape());
        }
        return values.reshape(b);
    }

    /**
     * {@link #gradient} with the batch cut into chunks ({@link BatchParallel}): each chunk's forward pass is recorded
     * and back-propagated on its own thread, while the objective sees the whole batch's predictions once. By the
     * chain rule, ∂L/∂z_c = (∂pred_c/∂z_c)ᵀ·∂L/∂pred_c: the caller's thread differentiates the objective with
     * respect to the concatenated predictions (a small graph), then every chunk back-propagates its slice of that
     * gradient through its own network graph.
     */
    private GuidanceGradient chunkedGradient(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t,
            Function<NDArray, NDArray> objective, ExclusiveGradientCollector gc, long[] bounds) {
        long b = z.getShape().get(0);
        int chunks = bounds.length - 1;
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(sub, false);
            NDManager[] chunkManagers = new NDManager[chunks];
            NDArray[] zIn = new NDArray[chunks];
            try {
                List<NDArray> preds = BatchParallel.run(chunks, c -> {
                    NDManager cm = sub.newSubManager();
                    chunkManagers[c] = cm;
                    zIn[c] = into(cm, BatchParallel.rows(z, bounds, c, cm));
                    zIn[c].setRequiresGradient(true);
                    return physical(block.predict(ps, zIn[c], into(cm, BatchParallel.rows(t, bounds, c, cm)),
                            into(cm, BatchParallel.rows(nodeMask, bounds, c, cm)),
                            into(cm, BatchParallel.rows(edgeMask, bounds, c, cm)), false));
                });
                NDList detached = new NDList();
                for (NDArray p : preds) {
                    detached.add(p.stopGradient());
                }
                NDArray pred = NDArrays.concat(detached, 0);
                pred.attach(sub);
                pred.setRequiresGradient(true);
                NDArray values = objectiveValues(objective, pred, b);
                gc.backward(values.sum());
                NDArray predGrad = pred.getGradient();
                List<NDArray> grads = BatchParallel.run(chunks, c -> {
                    NDManager cm = chunkManagers[c];
                    NDArray slice = BatchParallel.rows(predGrad, bounds, c, cm);
                    Djl.backward(preds.get(c), slice);
                    NDArray g = zIn[c].getGradient().duplicate();
                    g.attach(sub);
                    return g;
                });
                NDArray gradient = NDArrays.concat(new NDList(grads), 0);
                return new GuidanceGradient(back(values.stopGradient(), z), back(gradient, z),
                        back(pred.stopGradient(), z));
            } finally {
                for (NDManager cm : chunkManagers) {
                    if (cm != null) {
                        cm.close();
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ training

    /**
     * The training loss of GaUDI §6.2 for one batch, to be differentiated by the caller's training loop: the graphs
     * (already centred and normalised by the featurizer) get t_int ~ U{0..T} each and are noised as
     * z_t = α_t·[x, h] + σ_t·ε (ε_x centred over the real nodes, ε masked); the network predicts at t = t_int/T and
     * the loss is the L1 error against the z-scored targets, averaged over graphs and targets.
     *
     * @param step    the step's manager; all intermediates go there
     * @param ps      the parameter store of the caller's training loop
     * @param batch   the batch's graphs, encoded with this predictor's featurizer ({@link #encode})
     * @param targets [graph][target] in physical units
     * @param rng     draws the time steps and the noise (the only randomness)
     * @return the scalar loss
     */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, GorBatch batch, double[][] targets,
            SplittableRandom rng) {
        return trainingLoss(step, ps, batch, targets, rng, TimeSampling.UNIFORM);
    }

    /**
     * {@link #trainingLoss(NDManager, ParameterStore, GorBatch, double[][], SplittableRandom)} with the time steps
     * drawn by {@code sampling} ({@link TimeSampling#UNIFORM} is the reference).
     */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, GorBatch batch, double[][] targets,
            SplittableRandom rng, TimeSampling sampling) {
        int[] tInt = new int[batch.batchSize()];
        for (int i = 0; i < tInt.length; i++) {
            tInt[i] = sampling.draw(rng, schedule.timesteps());
        }
        return noisedL1(step, ps, batch, targets, tInt, rng, true);
    }

    /** {@link #trainingLoss} for graphs (encoded here). */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, List<GraphOfRings> gors, double[][] targets,
            SplittableRandom rng) {
        return trainingLoss(step, ps, encode(gors), targets, rng);
    }

    /** {@link #trainingLoss(NDManager, ParameterStore, GorBatch, double[][], SplittableRandom, TimeSampling)} for
     * graphs (encoded here). */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, List<GraphOfRings> gors, double[][] targets,
            SplittableRandom rng, TimeSampling sampling) {
        return trainingLoss(step, ps, encode(gors), targets, rng, sampling);
    }

    /**
     * Mean L1 loss on z-scored targets over a split with random t (seeded), as the reference validates; no
     * gradient. Multiply by the mean std for the "rescaled" figure.
     */
    public double validationLoss(List<GraphOfRings> gors, double[][] targets, int batchSize, long seed) {
        return Djl.call(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled()) {
                SplittableRandom rng = new SplittableRandom(seed);
                ParameterStore ps = new ParameterStore(manager, false);
                double sum = 0;
                for (int from = 0; from < gors.size(); from += batchSize) {
                    int to = Math.min(gors.size(), from + batchSize);
                    try (NDManager step = manager.newSubManager()) {
                        NDArray loss = trainingLoss(step, ps, gors.subList(from, to), slice(targets, from, to), rng);
                        sum += loss.getFloat() * (to - from);
                    }
                }
                return sum / gors.size();
            }
        });
    }

    /** Encodes graphs with this predictor's featurizer, padded to the batch's largest graph. */
    public GorBatch encode(List<GraphOfRings> gors) {
        int max = 1;
        for (GraphOfRings g : gors) {
            max = Math.max(max, g.ringCount());
        }
        return spec.featurizer(max).encode(gors);
    }

    private NDArray noisedL1(NDManager step, ParameterStore ps, GorBatch batch, double[][] targets, int[] tInt,
            SplittableRandom rng, boolean training) {
        if (targets.length != batch.batchSize()) {
            throw new IllegalArgumentException(batch.batchSize() + " graphs but " + targets.length + " target rows");
        }
        NDArray zt = noised(step, batch, tInt, rng);
        NDArray pred = block.predict(ps, zt, times(step, tInt), batch.nodeMask(step), batch.edgeMask(step), training);
        return pred.sub(zScored(step, targets)).abs().mean();
    }

    /** z_t = α_t·z + σ_t·ε for each graph's own t, ε_x centred over real nodes and ε masked (host-side). */
    private NDArray noised(NDManager step, GorBatch batch, int[] tInt, SplittableRandom rng) {
        int b = batch.batchSize();
        int n = batch.nodes();
        int f = batch.features();
        int c = 3 + f;
        float[] x = batch.x();
        float[] h = batch.h();
        float[] mask = batch.nodeMask();
        float[] zt = new float[b * n * c];
        float[] eps = new float[c];
        for (int s = 0; s < b; s++) {
            float alpha = (float) schedule.alpha(tInt[s]);
            float sigma = (float) schedule.sigma(tInt[s]);
            double[] com = new double[3];
            int real = 0;
            float[] epsX = new float[n * 3];
            for (int i = 0; i < n; i++) {
                if (mask[s * n + i] > 0.5f) {
                    real++;
                    for (int k = 0; k < 3; k++) {
                        epsX[i * 3 + k] = (float) rng.nextGaussian();
                        com[k] += epsX[i * 3 + k];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (!(mask[s * n + i] > 0.5f)) {
                    continue;
                }
                int node = s * n + i;
                for (int k = 0; k < 3; k++) {
                    eps[k] = (float) (epsX[i * 3 + k] - com[k] / real);
                }
                for (int k = 0; k < f; k++) {
                    eps[3 + k] = (float) rng.nextGaussian();
                }
                for (int k = 0; k < 3; k++) {
                    zt[node * c + k] = alpha * x[node * 3 + k] + sigma * eps[k];
                }
                for (int k = 0; k < f; k++) {
                    zt[node * c + 3 + k] = alpha * h[node * f + k] + sigma * eps[3 + k];
                }
            }
        }
        return step.create(zt, new Shape(b, n, c));
    }

    private NDArray times(NDManager step, int[] tInt) {
        float[] t = new float[tInt.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) tInt[i] / schedule.timesteps();
        }
        return step.create(t, new Shape(t.length, 1));
    }

    private NDArray zScored(NDManager step, double[][] targets) {
        int k = spec.config().targets();
        float[] y = new float[targets.length * k];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].length != k) {
                throw new IllegalArgumentException("target row " + i + " has " + targets[i].length + " values, the "
                        + "predictor has " + k + " targets " + spec.targetNames());
            }
            for (int j = 0; j < k; j++) {
                y[i * k + j] = (float) ((targets[i][j] - mean[j]) / std[j]);
            }
        }
        return step.create(y, new Shape(targets.length, k));
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    /**
     * MAE per target in physical units on a split: on clean inputs at t = 0, on inputs noised to each of the given
     * integer time steps (noise seeded per step), and for the predict-the-training-mean baseline (GaUDI §8.2).
     *
     * @param progress receives (batches done, total); may throw {@link java.util.concurrent.CancellationException}
     *                 to cancel; may be null
     */
    public PredictorEvaluation evaluate(List<GraphOfRings> gors, double[][] targets, int[] timeSteps, int batchSize,
            long seed, BiConsumer<Integer, Integer> progress) {
        if (gors.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate the predictor on an empty split");
        }
        if (targets.length != gors.size()) {
            throw new IllegalArgumentException(gors.size() + " graphs but " + targets.length + " target rows");
        }
        for (int t : timeSteps) {
            if (t < 0 || t > schedule.timesteps()) {
                throw new IllegalArgumentException("time step " + t + " is outside 0.." + schedule.timesteps());
            }
        }
        return Djl.call(() -> {
            try (GradMode.Scope noGrad = GradMode.disabled()) {
                return evaluateNoGrad(gors, targets, timeSteps, batchSize, seed, progress);
            }
        });
    }

    private PredictorEvaluation evaluateNoGrad(List<GraphOfRings> gors, double[][] targets, int[] timeSteps,
            int batchSize, long seed, BiConsumer<Integer, Integer> progress) {
        int k = spec.config().targets();
        int batches = (gors.size() + batchSize - 1) / batchSize;
        int total = batches * (1 + timeSteps.length);
        int done = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        double[] clean = new double[k];
        double[][] noisy = new double[timeSteps.length][k];
        double[] baseline = new double[k];
        double[] trainMean = spec.normalisation().mean();
        for (int i = 0; i < gors.size(); i++) {
            for (int j = 0; j < k; j++) {
                baseline[j] += Math.abs(targets[i][j] - trainMean[j]) / gors.size();
            }
        }
        for (int ti = -1; ti < timeSteps.length; ti++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + (ti < 0 ? -1 : timeSteps[ti]));
            double[] acc = ti < 0 ? clean : noisy[ti];
            for (int from = 0; from < gors.size(); from += batchSize) {
                int to = Math.min(gors.size(), from + batchSize);
                try (NDManager step = manager.newSubManager()) {
                    GorBatch batch = encode(gors.subList(from, to));
                    int[] tInt = new int[to - from];
                    Arrays.fill(tInt, ti < 0 ? 0 : timeSteps[ti]);
                    NDArray z = ti < 0 ? batch.z(step) : noised(step, batch, tInt, rng);
                    float[] pred = physical(block.predict(ps, z, times(step, tInt), batch.nodeMask(step),
                            batch.edgeMask(step), false)).toFloatArray();
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < k; j++) {
                            double err = Math.abs(pred[(i - from) * k + j] - targets[i][j]);
                            if (!Double.isFinite(err)) {
                                throw new IllegalStateException("the predictor gave a non-finite prediction for "
                                        + "graph " + i + ", target " + spec.targetNames().get(j));
                            }
                            acc[j] += err / gors.size();
                        }
                    }
                }
                done++;
                if (progress != null) {
                    progress.accept(done, total);
                }
            }
        }
        return new PredictorEvaluation(spec.targets(), gors.size(), clean, timeSteps.clone(), noisy, baseline);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Column index of each target in a dataset's property list.
     *
     * @throws IllegalArgumentException naming a target the dataset lacks
     */
    public int[] targetColumns(List<String> propertyNames) {
        return columnsOf(spec.targetNames(), propertyNames);
    }

    /** Column indices of the named targets in a property list, with a clear error for a missing one. */
    public static int[] columnsOf(List<String> targetNames, List<String> propertyNames) {
        int[] cols = new int[targetNames.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = propertyNames.indexOf(targetNames.get(i));
            if (cols[i] < 0) {
                throw new IllegalArgumentException("target '" + targetNames.get(i)
                        + "' is not a property of the dataset; it has " + propertyNames);
            }
        }
        return cols;
    }

    /** [record][target] values of the given property columns. */
    public static double[][] targetValues(List<MoleculeRecord> records, int[] columns) {
        double[][] y = new double[records.size()][columns.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                y[i][j] = records.get(i).property(columns[j]);
            }
        }
        return y;
    }

    /** The records' graphs of rings. */
    public static List<GraphOfRings> gors(List<MoleculeRecord> records) {
        List<GraphOfRings> g = new ArrayList<>(records.size());
        for (MoleculeRecord r : records) {
            g.add(r.gor());
        }
        return g;
    }

    /** z-scored → physical units, in the predictions' manager and dtype (constants as tensors). */
    private NDArray physical(NDArray pred) {
        NDManager m = pred.getManager();
        NDArray s = m.create(std).toType(pred.getDataType(), false);
        NDArray mu = m.create(mean).toType(pred.getDataType(), false);
        return pred.mul(s).add(mu);
    }

    /** A copy of {@code a} on the weights' device, owned by {@code m}. */
    private NDArray into(NDManager m, NDArray a) {
        NDArray c = copyTo(a, device);
        c.attach(m);
        return c;
    }

    /** A copy of {@code a} on {@code like}'s device, owned by {@code like}'s manager. */
    private static NDArray back(NDArray a, NDArray like) {
        NDArray c = copyTo(a, like.getDevice());
        c.attach(like.getManager());
        return c;
    }

    /**
     * A new tensor with {@code a}'s values on {@code target}. Not {@code toDevice(d, true)}: on the same device the
     * PyTorch engine returns a tensor that shares autograd state with {@code a} (gradients then accumulate into the
     * caller's array).
     */
    private static NDArray copyTo(NDArray a, Device target) {
        return a.getDevice().equals(target) ? a.duplicate() : a.toDevice(target, true);
    }

    private static double[][] slice(double[][] a, int from, int to) {
        double[][] s = new double[to - from][];
        System.arraycopy(a, from, s, 0, to - from);
        return s;
    }

    @Override
    public void close() {
        manager.close();
    }
}
