package org.gaudi.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gaudi.cli.InterruptGuard;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.ood.OodComparison;
import org.gaudi.core.oracle.EmbeddedSpace;
import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.report.SweepRun;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.core.sampling.GuidedSampler;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Designing beyond the data, measured exactly (issue 11): with a model pair trained without the best q of every ring
 * count, sample unguided, guided at each scale, and sample-and-rank at equal molecule count, then score every valid
 * design against the full enumeration of its ring count with Hückel theory.
 */
@Command(name = "ood", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark design beyond the training data: with the hold-out model pair (trained without the"
                + " best q of every ring count), run unguided sampling, guided design at each scale and"
                + " sample-and-rank (the unguided molecules ranked by the predictor, top k kept, k = the number of"
                + " valid guided designs), and score every valid design exactly against all molecules of its ring"
                + " count.",
                "",
                "Prints 'key: value' lines: ood-train-max (best exact value in the models' data), and per method and"
                        + " scale ood-valid, ood-beyond-train-max (share of the proposed designs better than"
                        + " ood-train-max), ood-best-percentile (best design among all molecules of the ring count),"
                        + " ood-top10-mean, ood-distinct, ood-novel, ood-seconds; then the issue's acceptance checks.",
                ""},
        footer = {"", "Examples:",
                "  ./gaudi bench ood                         the shipped hold-out pair, 9 rings, both samplers",
                "  ./gaudi bench ood --scales 0.1,0.2 --sampler gaudi,resample   two samplers, one unguided pool",
                "  ./gaudi bench ood --rings 8 --steps 0      8 rings, all T steps"})
public final class OodBenchmark implements Callable<Integer> {
    static final Path DEFAULT_EDM = Paths.get("models", "ood-edm.gaudi-edm");
    static final Path DEFAULT_PREDICTOR = Paths.get("models", "ood-predictor.gaudi-predictor");

    @Option(names = "--edm", paramLabel = "FILE", defaultValue = "models/ood-edm.gaudi-edm",
            description = "Diffusion model trained with a hold-out (default: ${DEFAULT-VALUE}).")
    Path edm;

    @Option(names = "--predictor", paramLabel = "FILE", defaultValue = "models/ood-predictor.gaudi-predictor",
            description = "Its paired predictor (default: ${DEFAULT-VALUE}).")
    Path predictor;

    @Option(names = "--objective", paramLabel = "TEXT",
            description = "Objective over Hückel properties (default: maximize the hold-out property recorded in the"
                    + " EDM, else maximize " + HuckelProperties.GAP_EV + ").")
    String objective;

    @Option(names = "--rings", defaultValue = "9", paramLabel = "N",
            description = "Ring count of every design (default: ${DEFAULT-VALUE}).")
    int rings;

    @Option(names = "--scales", defaultValue = "0.1,0.3", split = ",", paramLabel = "S,...",
            description = "Guided scales (> 0; the unguided run is always made) (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--sampler", split = ",", paramLabel = "NAME,...", defaultValue = "gaudi,smc",
            description = "Guided sampler(s) to compare, each at every scale, against one shared unguided pool: gaudi"
                    + " (GaUDI's gradient update), resample (particle resampling by the objective, no gradient) or"
                    + " smc (GaUDI's update as the proposal of a particle filter) (default: ${DEFAULT-VALUE}). With"
                    + " several, method names carry the sampler (guided-smc@0.3, sample-and-rank-smc@0.3).")
    List<String> samplers;

    @Option(names = {"-n", "--molecules"}, defaultValue = "128", paramLabel = "N",
            description = "Molecules per method and scale (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--steps", defaultValue = "500", paramLabel = "K",
            description = "Reverse steps (fewer than T respaces; 0 = all T) (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules sampled together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Sampling seed, the same for every method and scale (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads (default: 1).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    private final PrintStream out;
    private final PrintStream err;

    public OodBenchmark() {
        this(System.out, System.err);
    }

    OodBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        // one thread unless asked: two busy-waiting threads are many times slower on a loaded 2-core machine
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads == null ? 1 : threads));
        try {
            return run();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("bench ood: " + e.getMessage());
            return 1;
        }
    }

    private int run() throws IOException {
        if (scales.isEmpty() || molecules < 1 || batch < 1 || steps < 0) {
            throw new IllegalArgumentException("need at least one scale, --molecules >= 1, --batch >= 1, --steps >= 0");
        }
        List<Double> guidedScales = scales.stream().distinct().sorted().toList();
        for (double s : guidedScales) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("--scales: guided scales must be finite and > 0 (the unguided run"
                        + " is always made), got " + SweepRun.formatScale(s));
            }
        }
        if (!EmbeddedSpace.covers(rings)) {
            throw new IllegalArgumentException("--rings " + rings + ": the embedded space covers 1..11 rings");
        }
        requireFile(edm, "diffusion model", DEFAULT_EDM);
        requireFile(predictor, "property predictor", DEFAULT_PREDICTOR);
        long t0 = System.nanoTime();
        InterruptGuard interrupt = InterruptGuard.install("bench-ood", 0); // a benchmark leaves no file to clean up
        ModelArchive edmArchive = ModelArchive.read(edm, EdmModel.KIND);
        Optional<HoldOutBest> holdOut = HoldOutBest.fromSource(
                edmArchive.header().metadata().path("data").path("source").asText(""));
        String objectiveText = objective != null ? objective
                : "maximize " + holdOut.map(HoldOutBest::property).orElse(HuckelProperties.GAP_EV);
        try (GuidedSampler sampler = GuidedSampler.open(edmArchive, ModelArchive.read(predictor,
                PropertyPredictor.KIND), objectiveText, Djl.DeviceSetting.parse(device))) {
            ExactOracle oracle = ExactOracle.forObjective(sampler.objective()).orElseThrow(() ->
                    new IllegalArgumentException("the objective '" + sampler.objective().toText() + "' reads"
                            + " properties the exact oracle cannot compute; use Hückel properties "
                            + HuckelProperties.NAMES));
            TrainingReference training = TrainingReference.of(sampler.edm().data(), sampler.predictor().data());
            line("ood-edm", edm + " (" + sampler.edm().architecture() + ")");
            line("ood-predictor", predictor + " (targets " + sampler.predictor().spec().targetNames() + ")");
            line("ood-objective", sampler.objective().toText());
            line("ood-hold-out", holdOut.map(h -> String.format(Locale.ROOT, "best %s %% by %s per ring count, left"
                    + " out of both models' data (recorded in the EDM)", SweepRun.formatScale(100 * h.fraction()),
                    h.property())).orElse("none recorded in the EDM's data source"));
            GuidanceSettings base = GuidanceSettings.builder().molecules(molecules).ringCount(rings).seed(seed)
                    .steps(steps == 0 ? null : Math.min(steps, sampler.edm().timesteps())).batchSize(batch)
                    .device(Djl.DeviceSetting.parse(device)).build();
            sampler.check(base);
            int k = base.steps(sampler.edm().timesteps());
            line("ood-molecules-per-method", molecules + " (" + k + " of T = " + sampler.edm().timesteps()
                    + " steps, seed " + seed + ", " + Djl.intraOpThreads() + " thread(s), "
                    + Djl.describe(sampler.edm().device()) + ")");
            List<GuidanceMethod> methods = samplers.stream().map(GuidanceMethod::parse).distinct().toList();
            line("ood-samplers", String.join(", ", methods.stream().map(GuidanceMethod::id).toList()));
            DesignResult pool = sample(sampler, base.toBuilder().scale(0).build(), interrupt, "unguided");
            String unit = oracle.unit();
            boolean first = true;
            for (GuidanceMethod m : methods) {
                Map<Double, DesignResult> runs = new LinkedHashMap<>();
                runs.put(0.0, pool);
                for (double s : guidedScales) {
                    runs.put(s, sample(sampler, base.toBuilder().scale(s).sampler(m).build(), interrupt,
                            m.id() + "@" + SweepRun.formatScale(s)));
                }
                String variant = methods.size() == 1 ? null : m.id();
                OodComparison c = OodComparison.of(oracle, training, rings, runs, variant);
                List<String> figures = OodLines.figures(c, unit);
                if (first) {
                    OodLines.header(c, unit).forEach(out::println);
                } else {
                    figures = figures.subList(OodLines.method(c.unguided(), unit).size(), figures.size());
                }
                figures.forEach(out::println);
                OodLines.acceptance(c, unit, oracle.criterion().direction(), variant == null ? "" : "/" + variant)
                        .forEach(out::println);
                out.flush();
                first = false;
            }
            out.printf(Locale.ROOT, "ood-total-seconds: %.1f (1-minute load average %s)%n",
                    (System.nanoTime() - t0) / 1e9, GuidanceBenchmark.loadAverage());
            out.flush();
            return 0;
        } catch (SamplingCancelledException e) {
            err.println("bench ood: cancelled");
            return 130;
        } finally {
            interrupt.close();
        }
    }

    private DesignResult sample(GuidedSampler sampler, GuidanceSettings s, InterruptGuard interrupt, String what) {
        double[] next = {0.1};
        return sampler.run(s, (done, total, msg) -> {
            if (!quiet && (double) done / total >= next[0] - 1e-12) {
                next[0] += 0.1;
                err.printf(Locale.ROOT, "bench ood: %s %d/%d steps (%s)%n", what, done, total, msg);
            }
        }, interrupt::cancelled);
    }

    private static void requireFile(Path file, String what, Path def) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such " + what + " file"
                    + (file.equals(def) ? " (the hold-out pair ships in models/; run from the project folder or"
                            + " pass --edm and --predictor)" : ""));
        }
    }

    private void line(String key, String value) {
        out.println(key + ": " + value);
        out.flush();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OodBenchmark()).execute(args));
    }
}
