package org.gaudi.core.diffusion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GeometryCheck;
import org.gaudi.core.gor.InvalidReason;

/**
 * Unconditional sample quality of an {@link EdmModel} as GaUDI's {@code eval_validity.py} measures it (§8.1):
 * sample n graphs (ring counts drawn from the model's ring-count distribution, initial-noise std 0.7, seeded),
 * decode each with {@link org.gaudi.core.gor.GorDecoder} and count
 * <ul>
 * <li>each geometric check's pass rate and {@code stable} (all checks, GaUDI's {@code mol_stable});</li>
 * <li>{@code valid} = #chemically valid / #generated (GaUDI's {@code mol_valid}: the atom reconstruction and
 * xyz2mol/RDKit-style checks of §4.3–4.4, {@link DecodedMolecule#chemicallyValid()});</li>
 * <li>{@code unique} = #distinct InChIs among the valid / max(#valid, 1);</li>
 * <li>{@code novel} = #distinct valid InChIs whose InChIKey is not among the training molecules' keys /
 * max(#valid, 1) (the reference's definition: distinct novel molecules over all valid ones).</li>
 * </ul>
 * Sampling runs in batches; each batch has its own seed derived from the evaluation seed, so a report depends only on
 * the model, the settings and the batch size.
 */
public final class EdmEvaluation {

    /**
     * Evaluation settings.
     *
     * @param samples         molecules to generate (GaUDI: 256)
     * @param seed            seeds the ring counts and all sampling noise
     * @param steps           reverse diffusion steps (T reproduces the reference; fewer respace the grid)
     * @param initialNoiseStd std of z_T (GaUDI: 0.7 unconditional)
     * @param batchSize       molecules sampled together
     */
    public record Settings(int samples, long seed, int steps, double initialNoiseStd, int batchSize) {
        public Settings {
            if (samples < 1) {
                throw new IllegalArgumentException("number of samples must be >= 1, got " + samples);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            new SamplingOptions(seed, initialNoiseStd, steps); // validates std and steps
        }

        /** GaUDI's evaluation: 256 samples, seed 0, all T steps, std 0.7, batches of 64. */
        public static Settings defaults(int timesteps) {
            return new Settings(256, 0, timesteps, 0.7, 64);
        }
    }

    /** Progress of an evaluation: reverse steps done over all batches, and the total. */
    @FunctionalInterface
    public interface Progress {
        void update(long stepsDone, long stepsTotal);

        Progress NONE = (d, t) -> { };
    }

    private EdmEvaluation() {
    }

    /**
     * Samples, decodes and counts.
     *
     * @param cancelled checked after every reverse step
     * @throws SamplingCancelledException when cancelled
     * @throws IllegalArgumentException   when the steps exceed the model's T
     */
    public static EvaluationReport evaluate(EdmModel model, Settings settings, Progress progress,
            BooleanSupplier cancelled) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (settings.steps() > model.timesteps()) {
            throw new IllegalArgumentException("sampling steps must be at most the model's T = " + model.timesteps()
                    + ", got " + settings.steps());
        }
        long start = System.nanoTime();
        int n = settings.samples();
        int[] rings = model.ringCountDistribution().sample(n, new SplittableRandom(settings.seed()));
        int batches = (n + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = (long) batches * settings.steps();
        List<DecodedMolecule> molecules = new ArrayList<>(n);
        long nanReplacements = 0;
        int recentred = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * settings.batchSize();
            int to = Math.min(n, from + settings.batchSize());
            int[] batchRings = java.util.Arrays.copyOfRange(rings, from, to);
            long before = (long) b * settings.steps();
            SamplingHook hook = step -> {
                if (cancelled.getAsBoolean()) {
                    throw new SamplingCancelledException("evaluation cancelled");
                }
                progress.update(before + step.stepIndex() + 1, totalSteps);
                return step.zs();
            };
            SamplingOptions options = new SamplingOptions(batchSeed(settings.seed(), b), settings.initialNoiseStd(),
                    settings.steps());
            SampleResult result = model.sample(batchRings, options, hook);
            nanReplacements += result.nanReplacements();
            recentred += result.recentred() ? 1 : 0;
            molecules.addAll(model.decode(result));
        }
        return count(molecules, model.trainingInchiKeys(), settings, Djl.describe(model.device()),
                Djl.intraOpThreads(), nanReplacements, recentred, (System.nanoTime() - start) / 1e9);
    }

    /** Counts the GaUDI figures for already decoded molecules (no sampling). */
    public static EvaluationReport count(List<DecodedMolecule> molecules, Set<String> trainingKeys,
            Settings settings, String device, int threads, long nanReplacements, int recentred, double seconds) {
        Map<GeometryCheck, Integer> passes = new EnumMap<>(GeometryCheck.class);
        for (GeometryCheck c : GeometryCheck.values()) {
            passes.put(c, 0);
        }
        Map<InvalidReason, Integer> failures = new EnumMap<>(InvalidReason.class);
        int stable = 0;
        int valid = 0;
        int validAndStable = 0;
        Set<String> inchis = new HashSet<>();
        Set<String> novel = new HashSet<>();
        for (DecodedMolecule m : molecules) {
            if (m.stability() != null) {
                for (GeometryCheck c : GeometryCheck.values()) {
                    if (m.stability().passed(c)) {
                        passes.merge(c, 1, Integer::sum);
                    }
                }
            }
            stable += m.stable() ? 1 : 0;
            validAndStable += m.valid() ? 1 : 0;
            if (m.failure() != null) {
                failures.merge(m.failure(), 1, Integer::sum);
            }
            if (m.chemicallyValid()) {
                valid++;
                String inchi = m.inchi();
                inchis.add(inchi);
                if (!trainingKeys.contains(m.inchiKey())) {
                    novel.add(inchi);
                }
            }
        }
        return new EvaluationReport(molecules.size(), valid, stable, validAndStable, inchis.size(), novel.size(),
                passes, failures, List.copyOf(molecules), settings, device, threads, nanReplacements, recentred,
                seconds);
    }

    /** Seed of batch b, well spread (SplitMix64 finaliser). */
    static long batchSeed(long seed, int b) {
        long h = seed + 0x9E3779B97F4A7C15L * (b + 1L);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
