package org.gaudi.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.gaudi.core.diffusion.GorBatch;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.djl.OpenMpWaitPolicy;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.predictor.GuidanceGradient;
import org.gaudi.core.predictor.PredictorConfig;
import org.gaudi.core.predictor.PredictorSpec;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.predictor.TargetNormalisation;
import org.gaudi.core.train.AmsGradAdamW;
import org.gaudi.core.train.ExclusiveGradientCollector;
import org.gaudi.core.train.GradMode;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of the property predictor (GaUDI's 12 × 196 cata configuration with 5 targets by default) on synthetic cata
 * graphs of rings. Prints one figure per line: {@code predictor-params}, {@code predictor-train-step-ms} (noised L1
 * loss, backward, AMSGrad-AdamW update), {@code predictor-forward-ms}, {@code predictor-guidance-ms} (one guidance
 * query: forward and backward to the input z, weights frozen), achieved GFLOP/s, {@code peak-rss-mb},
 * {@code threads} and {@code device}; each timing also as process CPU ms (robust to a loaded machine).
 *
 * <p>FLOPs are matrix-multiply FLOPs only (2 per multiply-add, factorised first edge layer); a training step is
 * counted as 3× the forward pass, a guidance query (weights frozen, input gradients only) as 2×.
 */
@Command(name = "predictor", mixinStandardHelpOptions = true,
        description = "Benchmark the property predictor: training step, forward pass, guidance gradient.")
public final class PredictorBenchmark implements Callable<Integer> {

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rings", defaultValue = "11", description = "Rings per graph = N_pad (default ${DEFAULT-VALUE}).")
    int rings;

    @Option(names = "--layers", defaultValue = "12", description = "E_GCL layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "196", description = "Hidden width (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--targets", defaultValue = "5", description = "Predicted properties (default ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed iterations (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "PyTorch intra-op threads (sets ai.djl.pytorch.num_threads before "
            + "the engine starts; default: PyTorch's choice or the system property).")
    Integer threads;

    @Option(names = "--distance-basis", defaultValue = "0",
            description = "Gaussian distance-basis functions per edge (0 = the reference network, as the defaults"
                    + " above; train-predictor uses 32) (default ${DEFAULT-VALUE}).")
    int distanceBasis;

    @Option(names = "--unfactorised", description = "Use the unfactorised first edge layers (reference path).")
    boolean unfactorised;

    private final PrintStream out;
    private double lastCpuMs;

    public PredictorBenchmark() {
        this(System.out);
    }

    PredictorBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PredictorBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        return org.gaudi.cli.CliErrors.guard("bench predictor", this::body);
    }

    private int body() throws Exception {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            org.gaudi.core.djl.BatchParallel.setThreads(threads);
        }
        if (batch < 1 || rings < 2 || layers < 1 || hidden < 1 || targets < 1 || iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "batch, layers, hidden, targets and iterations must be >= 1, rings >= 2, warmup >= 0");
        }
        return Djl.call(this::runBenchmark);
    }

    private int runBenchmark() {
        Device dev = Djl.selectDevice(device);
        List<PredictorTarget> names = new ArrayList<>();
        double[] mean = new double[targets];
        double[] std = new double[targets];
        for (int k = 0; k < targets; k++) {
            names.add(new PredictorTarget("y" + k, ""));
            std[k] = 1;
        }
        PredictorConfig config = new PredictorConfig(layers, hidden, PredictorConfig.DEFAULT_COORDS_RANGE, 1, targets,
                distanceBasis, PredictorConfig.DEFAULT_DISTANCE_CUTOFF);
        PredictorSpec spec = PredictorSpec.forKind(GorKind.CATA, config, names, new TargetNormalisation(mean, std));
        SplittableRandom rng = new SplittableRandom(0);
        List<GraphOfRings> graphs = EdmBenchmark.randomCata(batch, rings, rng);
        double[][] y = new double[batch][targets];
        try (PropertyPredictor p = PropertyPredictor.initialise(spec, dev, 0)) {
            p.network().setFactorisedEdges(!unfactorised);
            GorBatch encoded = p.encode(graphs);
            line("predictor-params", Long.toString(p.parameterCount()));

            AmsGradAdamW opt = AmsGradAdamW.builder().learningRate(6e-4).build();
            List<Parameter> params = new ArrayList<>(p.network().getParameters().values());
            double trainMs = timeMs(() -> {
                try (NDManager step = p.manager().newSubManager()) {
                    try (ExclusiveGradientCollector gc = ExclusiveGradientCollector.open()) {
                        gc.backward(p.trainingLoss(step, new ParameterStore(step, false), encoded, y, rng));
                    }
                    try (GradMode.Scope noGrad = GradMode.disabled()) {
                        for (Parameter q : params) {
                            NDArray g = q.getArray().getGradient();
                            g.attach(step);
                            opt.update(q.getId(), q.getArray(), g);
                            g.subi(g);
                        }
                    }
                }
            });
            line("predictor-train-step-ms", fmt(trainMs));
            line("predictor-train-step-cpu-ms", fmt(lastCpuMs));

            double fwdMs = timeMs(() -> p.predict(graphs, 0.5));
            line("predictor-forward-ms", fmt(fwdMs));
            line("predictor-forward-cpu-ms", fmt(lastCpuMs));

            double guideMs = timeMs(() -> {
                try (NDManager step = p.manager().newSubManager()) {
                    NDArray t = step.full(new ai.djl.ndarray.types.Shape(batch, 1), 0.5f);
                    try (GuidanceGradient g = p.gradient(encoded.z(step), encoded.nodeMask(step),
                            encoded.edgeMask(step), t, q -> q.sum(new int[] {1}))) {
                        g.gradient().getFloat(0, 0, 0);
                    }
                }
            });
            line("predictor-guidance-ms", fmt(guideMs));
            line("predictor-guidance-cpu-ms", fmt(lastCpuMs));

            long fwdFlops = p.network().forwardFlops(batch, encoded.nodes());
            line("predictor-forward-gflop", fmt(fwdFlops / 1e9));
            line("predictor-train-gflops-per-s", fmt(3.0 * fwdFlops / 1e9 / (trainMs / 1e3)));
            // frozen weights: the backward pass needs input gradients only, about one forward pass of matmul work
            line("predictor-guidance-gflops-per-s", fmt(2.0 * fwdFlops / 1e9 / (guideMs / 1e3)));
            line("predictor-forward-gflops-per-s", fmt(fwdFlops / 1e9 / (fwdMs / 1e3)));
            line("peak-rss-mb", Long.toString(BenchSupport.peakRssKb() / 1024));
            line("threads", Integer.toString(Djl.intraOpThreads()));
            line("openmp-wait-policy", OpenMpWaitPolicy.apply());
            line("device", Djl.describe(dev));
            line("load-average", BenchSupport.loadAverage());
        }
        return 0;
    }

    private double timeMs(Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        long cpu0 = BenchSupport.processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            body.run();
        }
        lastCpuMs = (BenchSupport.processCpuNanos() - cpu0) / 1e6 / iterations;
        return (System.nanoTime() - start) / 1e6 / iterations;
    }

    private void line(String key, String value) {
        out.println(key + " " + value);
        out.flush();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
