package org.gaudi.core.predictor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GraphOfRings;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * A trained (or trainable) time-conditioned property predictor (GaUDI §6): the {@link EgnnPredictor} network with
 * its {@link PredictorSpec} — targets, training-split normalisation, and the EDM vocabulary and noise schedule it
 * reads. It predicts properties of graphs of rings in physical units, gives objective gradients for guided sampling
 * ({@link #gradient}), computes the noised-input training loss ({@link #trainingLoss}) and evaluates MAE versus
 * noise level ({@link #evaluate}).
 *
 * <p>The instance owns an {@link NDManager} holding the weights; {@link #close()} frees them. Not thread-safe for
 * concurrent training and guidance; {@link #gradient} is serialised (PyTorch allows one gradient collector at a
 * time anyway).
 */
public final class PropertyPredictor implements AutoCloseable {
    /** Time steps of the reference evaluation: 0, 100, …, 1000. */
    public static final int[] REFERENCE_EVAL_STEPS = {0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
    /** Schedule descriptor of GaUDI's EDM (polynomial_2, T = 1000, s = 1e-5). */
    public static final String GAUDI_SCHEDULE = NoiseLevels.gaudiDefault().descriptor();

    private static final int INFERENCE_BATCH = 256;

    private final PredictorSpec spec;
    private final NDManager manager;
    private final EgnnPredictor block;
    private final NoiseLevels noise;
    private final float[] mean;
    private final float[] std;

    private PropertyPredictor(PredictorSpec spec, NDManager manager, EgnnPredictor block) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
        this.noise = scheduleFor(spec.schedule());
        double[] m = spec.normalisation().mean();
        double[] s = spec.normalisation().std();
        mean = new float[m.length];
        std = new float[s.length];
        for (int k = 0; k < m.length; k++) {
            mean[k] = (float) m[k];
            std[k] = (float) s[k];
        }
    }

    /** A freshly initialised predictor (PyTorch default initialisation, seeded) on DJL's default device. */
    public static PropertyPredictor create(PredictorSpec spec, long seed) {
        return create(spec, seed, DataType.FLOAT32);
    }

    /** As {@link #create(PredictorSpec, long)} with weights of the given type (float64 for exact gradient checks). */
    static PropertyPredictor create(PredictorSpec spec, long seed, DataType dataType) {
        return withPluginClassLoader(() -> {
            scheduleFor(spec.schedule()); // fail before allocating anything
            NDManager m = NDManager.newBaseManager();
            try {
                EgnnPredictor b = new EgnnPredictor(spec.config());
                m.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
                b.initialize(m, dataType, b.inputShapes(1, 2));
                return new PropertyPredictor(spec, m, b);
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        });
    }

    /** A predictor with weights read from a stream written by {@link #saveParameters}. */
    public static PropertyPredictor load(PredictorSpec spec, InputStream parameters) throws IOException {
        scheduleFor(spec.schedule());
        NDManager m = withPluginClassLoader(NDManager::newBaseManager);
        try {
            EgnnPredictor b = new EgnnPredictor(spec.config());
            b.initialize(m, DataType.FLOAT32, b.inputShapes(1, 2));
            List<Shape> expected = new ArrayList<>();
            for (Parameter p : b.getParameters().values()) {
                expected.add(p.getShape());
            }
            b.loadParameters(m, new DataInputStream(parameters));
            // DJL takes the stored shapes as they come; a file for another width would load "successfully".
            int i = 0;
            for (var e : b.getParameters()) {
                Shape got = e.getValue().getArray().getShape();
                if (!got.equals(expected.get(i++))) {
                    throw new IOException("predictor weights do not match the network " + spec.config()
                            + ": parameter " + e.getKey() + " has shape " + got + ", expected "
                            + expected.get(i - 1));
                }
            }
            return new PropertyPredictor(spec, m, b);
        } catch (MalformedModelException e) {
            m.close();
            throw new IOException("predictor weights do not match the network " + spec.config() + ": "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Writes the weights (DJL parameter format); the spec is stored separately by the caller. */
    public void saveParameters(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        block.saveParameters(d);
        d.flush();
    }

    public PredictorSpec spec() {
        return spec;
    }

    /** The network, e.g. for an optimiser's parameter list. */
    public EgnnPredictor block() {
        return block;
    }

    /** The manager that owns the weights (and whose device they live on). */
    public NDManager manager() {
        return manager;
    }

    /** Number of diffusion steps T of the schedule the predictor was trained with. */
    public int diffusionSteps() {
        return noise.steps();
    }

    // ------------------------------------------------------------------------------------------------ prediction

    /**
     * Predicts the targets of clean graphs of rings at network time t (0 for clean inputs), in physical units.
     *
     * @return [graph][target]
     */
    public double[][] predict(List<GraphOfRings> gors, double t) {
        double[][] out = new double[gors.size()][];
        ParameterStore ps = new ParameterStore(manager, false);
        for (int from = 0; from < gors.size(); from += INFERENCE_BATCH) {
            List<GraphOfRings> chunk = gors.subList(from, Math.min(gors.size(), from + INFERENCE_BATCH));
            try (NDManager step = manager.newSubManager()) {
                GorBatch batch = GorBatch.of(step, chunk, spec.vocabulary());
                NDArray tt = step.full(new Shape(chunk.size(), 1), (float) t);
                NDArray pred = physical(forward(ps, batch.xh, batch.nodeMask, batch.edgeMask, tt, false));
                copyRows(pred.toFloatArray(), spec.config().targets(), out, from);
            }
        }
        return out;
    }

    /**
     * Predictions in physical units for tensors in the EDM's normalised state space, without gradient.
     *
     * @param z        (B, N, 3+F) normalised state (x/3 centred, one-hot/4), noised or clean
     * @param nodeMask (B, N, 1)
     * @param edgeMask (B, N, N, 1)
     * @param t        (B, 1) or a single value, network time in [0, 1]
     * @return (B, targets), in z's manager
     */
    public NDArray predict(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t) {
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray result;
        try (NDManager sub = z.getManager().newSubManager()) {
            NDArray pred = physical(forward(ps, into(sub, z), into(sub, nodeMask), into(sub, edgeMask),
                    into(sub, t), false));
            result = pred.duplicate();
            result.attach(z.getManager());
        }
        return result;
    }

    /**
     * The guidance query (GaUDI §7.1 step 3): evaluates a differentiable objective of the physical-unit predictions
     * for each sample and returns its gradient with respect to z. Each sample's gradient is that of its own objective
     * (the batch's objectives are summed before differentiation, and samples do not interact). The predictor's
     * weights take no part in differentiation: they are frozen for the query, accumulate no gradient and are left
     * unchanged; z is not modified.
     *
     * @param z         (B, N, 3+F) normalised state (x/3 centred, one-hot/4)
     * @param nodeMask  (B, N, 1)
     * @param edgeMask  (B, N, N, 1)
     * @param t         (B, 1) or a single value, network time in [0, 1]
     * @param objective maps predictions (B, targets) in physical units to per-sample values (B) or (B, 1), built from
     *                  differentiable NDArray operations; its intermediates are freed after the query. Constants must
     *                  be tensors made with the predictions' manager ({@code p.getManager().create(0.5f)}), never
     *                  the {@code Number} overloads such as {@code p.mul(0.5)}: with DJL's PyTorch engine those can
     *                  corrupt the gradient when the garbage collector runs during the query
     * @return values, ∂value_b/∂z_b (B, N, 3+F) and predictions, in z's manager. NaNs are passed through; the
     *         caller decides (the reference sampler zeroes them)
     */
    public synchronized GuidanceGradient gradient(NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t,
            Function<NDArray, NDArray> objective) {
        NDManager out = z.getManager();
        long b = z.getShape().get(0);
        List<Parameter> params = new ArrayList<>(block.getParameters().values());
        boolean[] trainable = new boolean[params.size()];
        for (int i = 0; i < params.size(); i++) {
            trainable[i] = params.get(i).requiresGradient();
            params.get(i).freeze(true);
        }
        try (NDManager sub = out.newSubManager()) {
            NDArray zIn = into(sub, z);
            zIn.setRequiresGradient(true);
            NDArray values;
            NDArray pred;
            ParameterStore ps = new ParameterStore(sub, false);
            try (GradientCollector gc = sub.getEngine().newGradientCollector()) {
                pred = physical(forward(ps, zIn, into(sub, nodeMask), into(sub, edgeMask), into(sub, t), false));
                values = objective.apply(pred);
                if (values.size() != b) {
                    throw new IllegalArgumentException("the objective must give one value per sample (" + b
                            + "), got shape " + values.getShape());
                }
                values = values.reshape(b);
                gc.backward(values.sum());
            }
            NDArray grad = zIn.getGradient().duplicate();
            NDArray v = values.stopGradient().duplicate();
            NDArray p = pred.stopGradient().duplicate();
            grad.attach(out);
            v.attach(out);
            p.attach(out);
            return new GuidanceGradient(v, grad, p);
        } finally {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).freeze(!trainable[i]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ training

    /**
     * The training loss of GaUDI §6.2 for one batch, to be differentiated by the caller's training loop: centre and
     * normalise the graphs, draw t_int ~ U{0..T} per graph, noise z_t = α_t·[x, h] + σ_t·ε (ε_x centred over the
     * real nodes, ε masked), predict at t = t_int/T and return the L1 error against the z-scored targets, averaged
     * over graphs and targets.
     *
     * @param step    the step's manager; all intermediates go there
     * @param ps      the parameter store of the caller's training loop
     * @param gors    the batch's graphs
     * @param targets [graph][target] in physical units
     * @param rng     draws the time steps and the noise
     * @return the scalar loss
     */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, List<GraphOfRings> gors, double[][] targets,
            Random rng) {
        int[] tInt = new int[gors.size()];
        for (int i = 0; i < tInt.length; i++) {
            tInt[i] = rng.nextInt(noise.steps() + 1);
        }
        return noisedL1(step, ps, gors, targets, tInt, rng, true);
    }

    /** {@link #trainingLoss} with records and the dataset columns of the targets ({@link #targetColumns}). */
    public NDArray trainingLoss(NDManager step, ParameterStore ps, List<MoleculeRecord> records, int[] columns,
            Random rng) {
        return trainingLoss(step, ps, gors(records), targetValues(records, columns), rng);
    }

    /**
     * Mean L1 loss on z-scored targets over a split with random t (seeded), as the reference validates; no
     * gradient. Multiply by the mean std for the "rescaled" figure.
     */
    public double validationLoss(List<GraphOfRings> gors, double[][] targets, int batchSize, long seed) {
        Random rng = new Random(seed);
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

    private NDArray noisedL1(NDManager step, ParameterStore ps, List<GraphOfRings> gors, double[][] targets,
            int[] tInt, Random rng, boolean training) {
        if (targets.length != gors.size()) {
            throw new IllegalArgumentException(gors.size() + " graphs but " + targets.length + " target rows");
        }
        GorBatch batch = GorBatch.of(step, gors, spec.vocabulary());
        NDArray zt = noised(step, batch, tInt, rng);
        NDArray pred = forward(ps, zt, batch.nodeMask, batch.edgeMask, times(step, tInt), training);
        return pred.sub(zScored(step, targets)).abs().mean();
    }

    /** z_t = α_t·xh + σ_t·ε for each graph's own t, ε_x centred over real nodes and ε masked. */
    private NDArray noised(NDManager step, GorBatch batch, int[] tInt, Random rng) {
        int b = batch.batchSize();
        int n = batch.nodeSlots;
        int c = 3 + spec.config().featureDim();
        float[] eps = new float[b * n * c];
        float[] alpha = new float[b];
        float[] sigma = new float[b];
        for (int s = 0; s < b; s++) {
            alpha[s] = (float) noise.alpha(tInt[s]);
            sigma[s] = (float) noise.sigma(tInt[s]);
            double[] com = new double[3];
            int real = 0;
            for (int i = 0; i < n; i++) {
                if (batch.nodeMaskValues[s * n + i] == 0f) {
                    continue;
                }
                real++;
                for (int k = 0; k < c; k++) {
                    float e = (float) rng.nextGaussian();
                    eps[(s * n + i) * c + k] = e;
                    if (k < 3) {
                        com[k] += e;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (batch.nodeMaskValues[s * n + i] != 0f) {
                    for (int k = 0; k < 3; k++) {
                        eps[(s * n + i) * c + k] -= (float) (com[k] / real);
                    }
                }
            }
        }
        NDArray a = step.create(alpha, new Shape(b, 1, 1));
        NDArray sg = step.create(sigma, new Shape(b, 1, 1));
        return batch.xh.mul(a).add(step.create(eps, new Shape(b, n, c)).mul(sg));
    }

    private NDArray times(NDManager step, int[] tInt) {
        float[] t = new float[tInt.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) tInt[i] / noise.steps();
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
     * @param progress receives (work units done, total); may throw {@link java.util.concurrent.CancellationException}
     *                 to cancel; may be null
     */
    public PredictorEvaluation evaluate(List<GraphOfRings> gors, double[][] targets, int[] timeSteps, int batchSize,
            long seed, BiConsumer<Integer, Integer> progress) {
        if (gors.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate the predictor on an empty split");
        }
        for (int t : timeSteps) {
            if (t < 0 || t > noise.steps()) {
                throw new IllegalArgumentException("time step " + t + " is outside 0.." + noise.steps());
            }
        }
        int k = spec.config().targets();
        int batches = (gors.size() + batchSize - 1) / batchSize;
        int total = batches * (1 + timeSteps.length);
        int done = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        double[] clean = new double[k];
        double[][] noisy = new double[timeSteps.length][k];
        double[] baseline = new double[k];
        for (int i = 0; i < gors.size(); i++) {
            for (int j = 0; j < k; j++) {
                baseline[j] += Math.abs(targets[i][j] - spec.normalisation().mean()[j]) / gors.size();
            }
        }
        for (int ti = -1; ti < timeSteps.length; ti++) {
            Random rng = new Random(seed * 1_000_003L + (ti < 0 ? -1 : timeSteps[ti]));
            double[] acc = ti < 0 ? clean : noisy[ti];
            for (int from = 0; from < gors.size(); from += batchSize) {
                int to = Math.min(gors.size(), from + batchSize);
                try (NDManager step = manager.newSubManager()) {
                    GorBatch batch = GorBatch.of(step, gors.subList(from, to), spec.vocabulary());
                    int[] tInt = new int[to - from];
                    Arrays.fill(tInt, ti < 0 ? 0 : timeSteps[ti]);
                    NDArray z = ti < 0 ? batch.xh : noised(step, batch, tInt, rng);
                    float[] pred = physical(forward(ps, z, batch.nodeMask, batch.edgeMask, times(step, tInt),
                            false)).toFloatArray();
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < k; j++) {
                            acc[j] += Math.abs(pred[(i - from) * k + j] - targets[i][j]) / gors.size();
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

    private NDArray forward(ParameterStore ps, NDArray z, NDArray nodeMask, NDArray edgeMask, NDArray t,
            boolean training) {
        return block.forward(ps, new NDList(z, nodeMask, edgeMask, t), training).singletonOrThrow();
    }

    /** z-scored → physical units, in the predictions' manager and dtype. */
    private NDArray physical(NDArray pred) {
        NDManager m = pred.getManager();
        NDArray s = m.create(std).toType(pred.getDataType(), false);
        NDArray mu = m.create(mean).toType(pred.getDataType(), false);
        return pred.mul(s).add(mu);
    }

    private static NDArray into(NDManager m, NDArray a) {
        NDArray c = a.duplicate();
        c.attach(m);
        return c;
    }

    private static void copyRows(float[] flat, int k, double[][] out, int from) {
        for (int i = 0; i < flat.length / k; i++) {
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                row[j] = flat[i * k + j];
            }
            out[from + i] = row;
        }
    }

    private static double[][] slice(double[][] a, int from, int to) {
        double[][] s = new double[to - from][];
        System.arraycopy(a, from, s, 0, to - from);
        return s;
    }

    private static NoiseLevels scheduleFor(String descriptor) {
        NoiseLevels gaudi = NoiseLevels.gaudiDefault();
        if (!gaudi.descriptor().equals(descriptor)) {
            throw new IllegalArgumentException("unsupported noise schedule '" + descriptor + "'; expected "
                    + gaudi.descriptor());
        }
        return gaudi;
    }

    /** Runs DJL entry points with this bundle's class loader as context loader (DJL finds engines through it). */
    private static <T> T withPluginClassLoader(Supplier<T> action) {
        Thread th = Thread.currentThread();
        ClassLoader previous = th.getContextClassLoader();
        th.setContextClassLoader(PropertyPredictor.class.getClassLoader());
        try {
            return action.get();
        } finally {
            th.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
