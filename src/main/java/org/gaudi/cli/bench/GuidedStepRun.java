package org.gaudi.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaudi.core.diffusion.EquivariantDiffusion;
import org.gaudi.core.diffusion.GorFeaturizer;
import org.gaudi.core.diffusion.NoiseSchedule;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;
import org.gaudi.core.predictor.PredictorConfig;
import org.gaudi.core.predictor.PredictorSpec;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.predictor.TargetNormalisation;
import org.gaudi.core.sampling.GuidanceHook;
import org.gaudi.core.sampling.PredictorTime;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * GaUDI's guided reverse step at full size with random weights (no trained files needed): an EDM network of
 * {@code edmLayers × edmHidden} and a predictor of {@code predictorLayers × predictorHidden}, both seeded, sampling
 * {@code batch} cata graphs of {@code rings} rings with the guidance hook of the Guided Sampler node (objective
 * "maximize y0", scale 1, clip 10, predictor told s/T). One guided step = the EDM forward and ancestral update
 * (no autograd) plus the guidance update (predictor forward and backward to z_s, clip, centre, move).
 *
 * <p>{@link #run} records wall and process-CPU stamps at the end of every step and the resident memory at every
 * step, so a long run shows whether native memory grows.
 */
final class GuidedStepRun implements AutoCloseable {
    static final String OBJECTIVE = "maximize y0";

    private final int batch;
    private final int rings;
    private final NDManager manager;
    private final EgnnDynamics edm;
    private final EquivariantDiffusion diffusion;
    private final PropertyPredictor predictor;
    private final Objective objective;

    GuidedStepRun(Device device, int batch, int rings, int edmLayers, int edmHidden, int predictorLayers,
            int predictorHidden, int targets, long seed) throws ObjectiveSyntaxException {
        this.batch = batch;
        this.rings = rings;
        manager = NDManager.newBaseManager(device);
        GorFeaturizer featurizer = GorFeaturizer.cata(rings);
        edm = new EgnnDynamics(featurizer.featureCount(), edmHidden, edmLayers);
        edm.initializeParameters(manager, seed);
        diffusion = new EquivariantDiffusion(edm, NoiseSchedule.standard(), featurizer);
        List<PredictorTarget> names = new ArrayList<>();
        double[] mean = new double[targets];
        double[] std = new double[targets];
        for (int k = 0; k < targets; k++) {
            names.add(new PredictorTarget("y" + k, ""));
            std[k] = 1;
        }
        PredictorConfig config = PredictorConfig.reference(featurizer.featureCount(), targets);
        config = new PredictorConfig(predictorLayers, predictorHidden, config.coordsRange(), config.featureDim(),
                targets);
        PredictorSpec spec = PredictorSpec.forKind(GorKind.CATA, config, names, new TargetNormalisation(mean, std));
        predictor = PropertyPredictor.initialise(spec, device, seed + 1);
        objective = Objective.parse(OBJECTIVE, spec.targetNames());
    }

    EgnnDynamics edm() {
        return edm;
    }

    PropertyPredictor predictor() {
        return predictor;
    }

    /** Matmul FLOPs of one guided step: EDM forward + predictor forward + its input-only backward (≈ a forward). */
    long flopsPerStep() {
        int n = rings;
        return edm.forwardFlops(batch, n) + 2 * predictor.network().forwardFlops(batch, n);
    }

    /** Per-step stamps of one run: index k = end of step k (index 0 = start). */
    record Stamps(long[] wallNanos, long[] cpuNanos, long[] guidanceNanos, long[] rssKb, long[] pageFaults,
            long[] systemTicks) {
        int steps() {
            return wallNanos.length - 1;
        }

        /** Mean wall ms per step over steps (from, to]. */
        double wallMs(int from, int to) {
            return (wallNanos[to] - wallNanos[from]) / 1e6 / (to - from);
        }

        double cpuMs(int from, int to) {
            return (cpuNanos[to] - cpuNanos[from]) / 1e6 / (to - from);
        }

        /** The smallest CPU ms of one step over steps (from, to]: the least disturbed by other work on the machine. */
        double minCpuMs(int from, int to) {
            long best = Long.MAX_VALUE;
            for (int k = from + 1; k <= to; k++) {
                best = Math.min(best, cpuNanos[k] - cpuNanos[k - 1]);
            }
            return best / 1e6;
        }

        /** Mean minor page faults per step over steps (from, to]. */
        double pageFaults(int from, int to) {
            return (pageFaults[to] - pageFaults[from]) / (double) (to - from);
        }

        /** Mean system (kernel) CPU ms per step over steps (from, to]. */
        double systemCpuMs(int from, int to) {
            return (systemTicks[to] - systemTicks[from]) * BenchSupport.MS_PER_TICK / (to - from);
        }

        double guidanceMs(int from, int to) {
            return (guidanceNanos[to] - guidanceNanos[from]) / 1e6 / (to - from);
        }
    }

    /** Runs {@code steps} guided reverse steps (a sampling run with that many steps), stamping every step. */
    Stamps run(int steps, long seed) {
        GuidanceHook guidance = new GuidanceHook(predictor, objective, 1.0, 10.0, PredictorTime.S);
        long[] wall = new long[steps + 1];
        long[] cpu = new long[steps + 1];
        long[] guide = new long[steps + 1];
        long[] rss = new long[steps + 1];
        long[] faults = new long[steps + 1];
        long[] sys = new long[steps + 1];
        int[] ringCounts = new int[batch];
        Arrays.fill(ringCounts, rings);
        ParameterStore ps = new ParameterStore(manager, false);
        wall[0] = System.nanoTime();
        cpu[0] = BenchSupport.processCpuNanos();
        rss[0] = BenchSupport.rssKb();
        stampKernel(faults, sys, 0);
        diffusion.sample(ps, manager, ringCounts, new SamplingOptions(seed, 1.0, steps), step -> {
            long g0 = System.nanoTime();
            var out = guidance.afterStep(step);
            int k = step.stepIndex() + 1;
            long now = System.nanoTime();
            guide[k] = guide[k - 1] + (now - g0);
            wall[k] = now;
            cpu[k] = BenchSupport.processCpuNanos();
            rss[k] = BenchSupport.rssKb();
            stampKernel(faults, sys, k);
            return out;
        });
        return new Stamps(wall, cpu, guide, rss, faults, sys);
    }

    private static void stampKernel(long[] faults, long[] sys, int k) {
        long[] fs = BenchSupport.faultsAndSystemTicks();
        faults[k] = fs[0];
        sys[k] = fs[1];
    }

    @Override
    public void close() {
        predictor.close();
        manager.close();
    }
}
