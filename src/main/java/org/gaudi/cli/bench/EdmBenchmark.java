package org.gaudi.cli.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.gaudi.core.diffusion.EquivariantDiffusion;
import org.gaudi.core.diffusion.GorBatch;
import org.gaudi.core.diffusion.GorFeaturizer;
import org.gaudi.core.diffusion.NoiseSchedule;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.djl.OpenMpWaitPolicy;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.nn.EgnnDynamics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of the EDM network φ (GaUDI's 9 × 192 cata configuration by default) on synthetic cata graphs of rings
 * (random self-avoiding walks on the hexagonal lattice). Prints one figure per line:
 * {@code edm-params}, {@code edm-train-step-ms} (forward + backward + DJL Adam update), {@code edm-forward-ms},
 * {@code edm-sample-step-ms} (one ancestral step incl. noise and re-centring), {@code edm-gflops-per-s} (achieved
 * in the training step), {@code peak-rss-mb}, {@code threads} and {@code device}.
 *
 * <p>FLOP count ({@link EgnnDynamics#forwardFlops}): matrix-multiply FLOPs only, 2 per multiply-add, with the
 * factorised first edge layers; a training step is counted as 3× the forward pass (backward ≈ 2× forward).
 * Element-wise work (SiLU, masks, sums) is not counted, so the figure understates the work done.
 */
@Command(name = "edm", mixinStandardHelpOptions = true,
        description = "Benchmark the EDM noise-prediction network: training step, forward pass, sampling step.")
public final class EdmBenchmark implements Callable<Integer> {

    @Option(names = "--batch", defaultValue = "64", description = "Training batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--sample-batch", defaultValue = "64", description = "Sampling batch size (default ${DEFAULT-VALUE}).")
    int sampleBatch;

    @Option(names = "--rings", defaultValue = "11", description = "Rings per graph = N_pad (default ${DEFAULT-VALUE}).")
    int rings;

    @Option(names = "--layers", defaultValue = "9", description = "Equivariant blocks (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "192", description = "Hidden width (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed iterations (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "PyTorch intra-op threads (sets ai.djl.pytorch.num_threads before "
            + "the engine starts; default: PyTorch's choice or the system property).")
    Integer threads;

    @Option(names = "--unfactorised", description = "Use the unfactorised first edge layers (reference path).")
    boolean unfactorised;

    private final PrintStream out;

    public EdmBenchmark() {
        this(System.out);
    }

    EdmBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EdmBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        return org.gaudi.cli.CliErrors.guard("bench edm", this::body);
    }

    private int body() throws Exception {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            org.gaudi.core.djl.BatchParallel.setThreads(threads);
        }
        if (batch < 1 || sampleBatch < 1 || rings < 2 || layers < 1 || hidden < 1 || iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "batch, sample batch, layers, hidden and iterations must be >= 1, rings >= 2, warmup >= 0");
        }
        return Djl.call(this::runBenchmark);
    }

    private int runBenchmark() {
        Device dev = Djl.selectDevice(device);
        GorFeaturizer featurizer = GorFeaturizer.cata(rings);
        try (NDManager manager = NDManager.newBaseManager(dev)) {
            EgnnDynamics net = new EgnnDynamics(1, hidden, layers);
            net.setFactorised(!unfactorised);
            net.initializeParameters(manager, 0);
            EquivariantDiffusion diffusion = new EquivariantDiffusion(net, NoiseSchedule.standard(), featurizer);
            SplittableRandom rng = new SplittableRandom(0);
            GorBatch trainBatch = featurizer.encode(randomCata(batch, rings, rng));
            line("edm-params", Long.toString(net.parameterCount()));

            // training step: forward + backward + Adam
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-4f)).build();
            ParameterStore trainPs = new ParameterStore(manager, false);
            trainPs.setParameterServer(new LocalParameterServer(adam), new Device[] {dev});
            double trainMs = timeMs(() -> {
                try (NDManager step = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = diffusion.trainingLoss(trainPs, step, trainBatch, rng);
                        gc.backward(loss);
                    }
                    trainPs.updateAllParameters();
                }
            });
            line("edm-train-step-ms", fmt(trainMs));
            line("edm-train-step-cpu-ms", fmt(lastCpuMs));

            // forward only (no autograd)
            ParameterStore ps = new ParameterStore(manager, false);
            double fwdMs = Djl.noGrad(() -> timeMs(() -> {
                try (NDManager step = manager.newSubManager()) {
                    diffusion.validationLossPerSample(ps, step, trainBatch, rng);
                }
            }));
            line("edm-forward-ms", fmt(fwdMs));
            line("edm-forward-cpu-ms", fmt(lastCpuMs));

            // ancestral sampling step
            int[] ringCounts = new int[sampleBatch];
            Arrays.fill(ringCounts, rings);
            int steps = warmup + iterations;
            long[] stamps = new long[steps + 1];
            long[] cpuStamps = new long[steps + 1];
            diffusion.sample(ps, manager, ringCounts, new SamplingOptions(1, 0.7, steps), st -> {
                stamps[st.stepIndex() + 1] = System.nanoTime();
                cpuStamps[st.stepIndex() + 1] = BenchSupport.processCpuNanos();
                return st.zs();
            });
            // stamps[k] = end of step k; time the steps after the warm-up ones
            int first = Math.max(1, warmup);
            double sampleMs = (stamps[steps] - stamps[first]) / 1e6 / Math.max(1, steps - first);
            line("edm-sample-step-ms", fmt(sampleMs));
            line("edm-sample-step-cpu-ms", fmt((cpuStamps[steps] - cpuStamps[first]) / 1e6
                    / Math.max(1, steps - first)));

            double trainFlops = 3.0 * net.forwardFlops(batch, featurizer.paddedNodes());
            line("edm-train-gflop-per-step", fmt(trainFlops / 1e9));
            line("edm-gflops-per-s", fmt(trainFlops / 1e9 / (trainMs / 1e3)));
            line("edm-forward-gflops-per-s", fmt(net.forwardFlops(batch, featurizer.paddedNodes()) / 1e9
                    / (fwdMs / 1e3)));
            line("peak-rss-mb", Long.toString(BenchSupport.peakRssKb() / 1024));
            line("threads", Integer.toString(Djl.intraOpThreads()));
            line("openmp-wait-policy", OpenMpWaitPolicy.apply());
            line("device", Djl.describe(dev));
            line("load-average", BenchSupport.loadAverage());
            if (net.nanResets() > 0) {
                line("edm-nan-resets", Long.toString(net.nanResets()));
            }
        }
        return 0;
    }

    /** Process CPU milliseconds per iteration of the last {@link #timeMs} call (all threads; robust to load). */
    private double lastCpuMs;

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

    /**
     * Random cata-condensed-like graphs: self-avoiding walks of {@code n} cells on the hexagonal lattice with
     * neighbouring centroids 2.45 Å apart (geometry only; chemistry is irrelevant for timing).
     */
    static List<GraphOfRings> randomCata(int count, int n, SplittableRandom rng) {
        int[][] dirs = {{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}};
        double d = 2.45;
        List<GraphOfRings> out = new ArrayList<>();
        while (out.size() < count) {
            Set<Long> used = new HashSet<>();
            int[][] cells = new int[n][];
            cells[0] = new int[] {0, 0};
            used.add(0L);
            boolean ok = true;
            for (int k = 1; k < n && ok; k++) {
                ok = false;
                for (int attempt = 0; attempt < 12; attempt++) {
                    int[] dir = dirs[rng.nextInt(6)];
                    int i = cells[k - 1][0] + dir[0];
                    int j = cells[k - 1][1] + dir[1];
                    long key = ((long) i << 32) ^ (j & 0xffffffffL);
                    if (used.add(key)) {
                        cells[k] = new int[] {i, j};
                        ok = true;
                        break;
                    }
                }
            }
            if (!ok) {
                continue;
            }
            double[][] c = new double[n][];
            for (int k = 0; k < n; k++) {
                c[k] = new double[] {cells[k][0] * d + cells[k][1] * d / 2, cells[k][1] * d * Math.sqrt(3) / 2, 0};
            }
            out.add(GraphOfRings.benzenoid(c));
        }
        return out;
    }
}
