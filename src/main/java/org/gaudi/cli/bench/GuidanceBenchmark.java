package org.gaudi.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gaudi.cli.InterruptGuard;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignSummary;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.sampling.ScaleConvention;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Guidance quality versus scale (GaUDI §7): with one EDM and one predictor, design {@code --n} molecules with a fixed
 * ring count at each scale (same seed, so scale 0 is the unguided baseline with identical noise) and print per scale
 * the validity, the mean objective and the Hückel gap of the valid designs — an independent physics check that the
 * predictor is not being fooled — next to the best Hückel gap of all embedded-dataset molecules with that ring count.
 * Timing: {@code guided-step-ms} is the mean wall time of one guided reverse step of one batch (EDM forward, predictor
 * forward and backward, update).
 */
@Command(name = "guidance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark guided design: per guidance scale, valid fraction, objective mean, Hückel gap mean"
                + " and best of the valid designs, the dataset's best Hückel gap for the same ring count, and the"
                + " time of a guided step. One 'key value' group per line.",
                "Without --edm/--predictor the model files under models/ are used (one EDM and one predictor, or"
                        + " the ones whose names contain 'demo')."})
public final class GuidanceBenchmark implements Callable<Integer> {

    @Option(names = "--edm", paramLabel = "FILE", description = "EDM model file (default: the demo EDM in models/).")
    Path edm;

    @Option(names = "--predictor", paramLabel = "FILE",
            description = "Predictor file (default: the demo predictor in models/).")
    Path predictor;

    @Option(names = "--space", defaultValue = "benzenoid", paramLabel = "benzenoid|hetero",
            description = "Embedded space of the default models and of the dataset reference: 'hetero' takes"
                    + " models/hetero-edm.gaudi-edm and models/hetero-predictor.gaudi-predictor and compares with"
                    + " the hetero space's molecules of the ring count (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--objective", defaultValue = "maximize " + HuckelProperties.GAP_EV, paramLabel = "TEXT",
            description = "Objective over the predictor's targets (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--scales", defaultValue = "0,0.1,0.15,0.2,0.25,0.3,0.4", split = ",", paramLabel = "S,...",
            description = "Guidance scales in GaUDI units (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--samplers", defaultValue = "gaudi,smc", split = ",", paramLabel = "NAME,...",
            description = "Samplers to compare, each over all scales, printed side by side as 'frontier' lines, with"
                    + " a check per sampler against gaudi: is its best Hückel-gap mean at valid >= 0.8 at least"
                    + " gaudi's at valid >= 0.6 (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = {"-n", "--n"}, defaultValue = "128", paramLabel = "N",
            description = "Molecules per scale (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--rings", paramLabel = "N",
            description = "Fixed ring count (default: the most frequent ring count of the EDM's training data"
                    + " that the predictor covers).")
    Integer rings;

    @Option(names = "--steps", paramLabel = "K", description = "Reverse steps (default: the model's T).")
    Integer steps;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules sampled together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch intra-op threads (default: PyTorch's choice).")
    Integer threads;

    @Option(names = "--models-dir", defaultValue = "models", paramLabel = "DIR", hidden = true,
            description = "Where to look for the default models (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    private final PrintStream out;
    private final PrintStream err;

    public GuidanceBenchmark() {
        this(System.out, System.err);
    }

    GuidanceBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return org.gaudi.cli.CliErrors.guard("bench guidance", this::body);
    }

    private int body() throws Exception {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            org.gaudi.core.djl.BatchParallel.setThreads(threads);
        }
        try {
            return run();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("bench guidance: " + e.getMessage());
            return 1;
        }
    }

    private int run() throws IOException {
        if (scales.isEmpty() || molecules < 1 || batch < 1) {
            throw new IllegalArgumentException("need at least one scale, --n >= 1 and --batch >= 1");
        }
        EmbeddedDataset.Space embedded = EmbeddedDataset.Space.of(space);
        String prefer = embedded == EmbeddedDataset.Space.HETERO ? "hetero" : "demo";
        Path edmFile = edm != null ? edm : discover("gaudi-edm", "--edm", prefer);
        Path predictorFile = predictor != null ? predictor : discover("gaudi-predictor", "--predictor", prefer);
        InterruptGuard interrupt = InterruptGuard.install("bench-guidance", 0); // a benchmark leaves no file to clean up
        try (GuidedSampler sampler = GuidedSampler.open(edmFile, predictorFile, objective,
                Djl.DeviceSetting.parse(device))) {
            int n = rings != null ? rings : defaultRings(sampler);
            GorKind kind = sampler.edm().architecture().kind();
            if ((kind == GorKind.HETERO) != (embedded == EmbeddedDataset.Space.HETERO)) {
                throw new IllegalArgumentException(edmFile + " designs " + (kind == GorKind.HETERO
                        ? "hetero-polycyclic systems: add --space hetero" : kind + " molecules, not the " + space
                                + " space"));
            }
            line("edm", edmFile + " (" + sampler.edm().architecture() + ")");
            line("predictor", predictorFile + " (targets " + sampler.predictor().spec().targetNames() + ")");
            line("objective", sampler.objective().toText());
            line("rings", Integer.toString(n));
            line("molecules-per-scale", Integer.toString(molecules));
            double stepMs = Double.NaN;
            double unguidedMs = Double.NaN;
            double guidanceMs = Double.NaN;
            List<GuidanceMethod> methods = samplers.stream().map(GuidanceMethod::parse).distinct().toList();
            line("samplers", methods.stream().map(GuidanceMethod::id).toList().toString().replaceAll("[\\[\\] ]", ""));
            line("steps", (steps == null ? sampler.edm().timesteps() : steps) + " (scale in GaUDI units: "
                    + ScaleConvention.DESCRIPTION + ")");
            Map<GuidanceMethod, Map<Double, Figures>> frontier = new LinkedHashMap<>();
            Figures unguided = null;
            for (GuidanceMethod method : methods) {
                Map<Double, Figures> curve = new LinkedHashMap<>();
                frontier.put(method, curve);
                for (double scale : scales) {
                    if (scale == 0 && unguided != null) {
                        curve.put(scale, unguided); // scale 0 is unguided whatever the sampler: same seed, same run
                        continue;
                    }
                    GuidanceSettings s = GuidanceSettings.builder().scale(scale).molecules(molecules).ringCount(n)
                            .steps(steps).batchSize(batch).seed(seed).device(Djl.DeviceSetting.parse(device))
                            .sampler(method).build();
                    long t0 = System.nanoTime();
                    double[] next = {0.1};
                    DesignResult r = sampler.run(s, (done, total, msg) -> {
                        if (!quiet && (double) done / total >= next[0] - 1e-12) {
                            next[0] += 0.1;
                            err.printf(Locale.ROOT, "bench guidance: %s scale %s %d/%d steps (%s)%n", method.id(),
                                    fmt(scale), done, total, msg);
                        }
                    }, interrupt::cancelled);
                    DesignSummary sum = r.summary();
                    Figures fig = new Figures(sum, (System.nanoTime() - t0) / 1e9, loadAverage());
                    curve.put(scale, fig);
                    if (scale == 0) {
                        unguided = fig;
                    }
                    out.printf(Locale.ROOT, "sampler %s scale %s valid %s objective-mean %s huckel-gap-mean %s"
                            + " huckel-gap-best %s unique %s novel %s clipped %s resamplings %s step-ms %.1f"
                            + " seconds %.0f load %s%n", method.id(), fmt(scale), f4(sum.validFraction()),
                            nz(sum.objectiveMean()), nz(sum.huckelGapMeanEv()), nz(sum.huckelGapMaxEv()),
                            f4(sum.uniqueFraction()), f4(sum.novelFraction()), nz(sum.clippedFraction()),
                            sum.guidance().getOrDefault("resamplings", "n/a"), sum.msPerStep(), fig.seconds,
                            fig.load);
                    out.flush();
                    if (sum.guided()) {
                        stepMs = Double.isNaN(stepMs) ? sum.msPerStep() : stepMs;
                        guidanceMs = Double.isNaN(guidanceMs) ? sum.guidanceMsPerStep() : guidanceMs;
                    } else {
                        unguidedMs = sum.msPerStep();
                    }
                }
            }
            printFrontiers(frontier);
            printGapTrends(frontier);
            double[] best = datasetGap(n, kind);
            String what = kind == GorKind.HETERO ? "molecules of the embedded hetero space" : "embedded benzenoids";
            line("dataset-best-huckel-gap", best == null ? "n/a (no embedded space of " + kind + " molecules with "
                    + n + " rings)"
                    : String.format(Locale.ROOT, "%.4f (mean %.4f over %d %s with %d rings)",
                            best[0], best[1], (int) best[2], what, n));
            line("guided-step-ms", ms(stepMs) + " (batch " + batch + ")");
            line("guidance-update-ms", ms(guidanceMs));
            line("unguided-step-ms", ms(unguidedMs));
            line("threads", Integer.toString(Djl.intraOpThreads()));
            line("device", Djl.describe(sampler.edm().device()));
            return 0;
        } catch (SamplingCancelledException e) {
            err.println("bench guidance: cancelled");
            return 130;
        } finally {
            interrupt.close();
        }
    }

    /** One run's figures for the frontier table. */
    private record Figures(DesignSummary summary, double seconds, String load) {
        String cell() {
            return String.format(Locale.ROOT, "%s/%s/%.0fs", f2(summary.validFraction()),
                    summary.huckelGapMeanEv() == null ? "n/a" : f2(summary.huckelGapMeanEv()), seconds);
        }
    }

    /**
     * The validity-versus-gap frontiers side by side, one line per scale: {@code frontier scale S <sampler>
     * valid/huckel-gap-mean/seconds ...}, then per sampler the best Hückel-gap mean among its runs with valid ≥ 0.8
     * and ≥ 0.6.
     */
    private void printFrontiers(Map<GuidanceMethod, Map<Double, Figures>> frontier) {
        for (double scale : scales.stream().distinct().toList()) {
            StringBuilder b = new StringBuilder("frontier scale " + fmt(scale));
            for (var e : frontier.entrySet()) {
                Figures f = e.getValue().get(scale);
                b.append(' ').append(e.getKey().id()).append(' ').append(f == null ? "n/a" : f.cell());
            }
            line(b.toString().split(" ", 2)[0], b.toString().split(" ", 2)[1]);
        }
        for (var e : frontier.entrySet()) {
            line("frontier-best-gap-at-valid-0.8-" + e.getKey().id(), describe(bestGap(e.getValue(), 0.8)));
            line("frontier-best-gap-at-valid-0.6-" + e.getKey().id(), describe(bestGap(e.getValue(), 0.6)));
        }
        Map<Double, Figures> plain = frontier.get(GuidanceMethod.GAUDI);
        Double reference = plain == null ? null : reachedGap(plain, 0.6);
        line("frontier-gaudi-gap-at-valid-0.6", reference == null ? "n/a (gaudi never at valid >= 0.6)"
                : String.format(Locale.ROOT, "%.4f (interpolated between the measured scales)", reference));
        for (var e : frontier.entrySet()) {
            if (reference == null || e.getKey() == GuidanceMethod.GAUDI) {
                continue;
            }
            Double own = reachedGap(e.getValue(), 0.8);
            boolean pass = own != null && own >= reference;
            line("frontier-check-" + e.getKey().id(), String.format(Locale.ROOT,
                    "%s (Hückel-gap mean it reaches at valid >= 0.8: %s; gaudi's at valid 0.6: %.4f)",
                    pass ? "pass" : "FAIL", own == null ? "n/a" : String.format(Locale.ROOT, "%.4f", own),
                    reference));
        }
    }

    /**
     * Per sampler, whether the exact Hückel gap of the valid designs rises with the scale: {@code huckel-gap-trend-<id>
     * rises|does not rise (means in scale order) spearman R}, R the rank correlation of scale and gap mean over the
     * runs with valid designs.
     */
    private void printGapTrends(Map<GuidanceMethod, Map<Double, Figures>> frontier) {
        for (var e : frontier.entrySet()) {
            List<double[]> points = new ArrayList<>();
            StringBuilder means = new StringBuilder();
            for (var run : e.getValue().entrySet()) {
                Double g = run.getValue().summary().huckelGapMeanEv();
                means.append(means.length() == 0 ? "" : " ").append(fmt(run.getKey())).append(':')
                        .append(g == null ? "n/a" : f2(g));
                if (g != null) {
                    points.add(new double[] {run.getKey(), g});
                }
            }
            if (points.size() < 2) {
                line("huckel-gap-trend-" + e.getKey().id(), "n/a (fewer than two scales with valid designs: " + means
                        + ")");
                continue;
            }
            double rho = spearman(points);
            line("huckel-gap-trend-" + e.getKey().id(), String.format(Locale.ROOT, "%s (scale:mean %s; spearman"
                    + " %.2f)", rho > 0 ? "rises" : "does not rise", means, rho));
        }
    }

    /** Spearman's rank correlation of the two columns (average ranks for ties). */
    static double spearman(List<double[]> points) {
        double[] rx = ranks(points, 0);
        double[] ry = ranks(points, 1);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < rx.length; i++) {
            mx += rx[i] / rx.length;
            my += ry[i] / ry.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(List<double[]> points, int column) {
        double[] r = new double[points.size()];
        for (int i = 0; i < r.length; i++) {
            double v = points.get(i)[column];
            int below = 0;
            int equal = 0;
            for (double[] p : points) {
                below += p[column] < v ? 1 : 0;
                equal += p[column] == v ? 1 : 0;
            }
            r[i] = below + (equal + 1) / 2.0;
        }
        return r;
    }

    /** {the highest Hückel-gap mean among runs with at least this valid fraction, its scale}, or null. */
    private static double[] bestGap(Map<Double, Figures> curve, double minValid) {
        double[] best = null;
        for (var e : curve.entrySet()) {
            DesignSummary s = e.getValue().summary();
            if (s.validFraction() >= minValid && s.huckelGapMeanEv() != null
                    && (best == null || s.huckelGapMeanEv() > best[0])) {
                best = new double[] {s.huckelGapMeanEv(), e.getKey()};
            }
        }
        return best;
    }

    /**
     * The highest Hückel-gap mean the frontier reaches while valid ≥ {@code minValid}: the measured runs that valid,
     * and, where validity falls below it between two neighbouring scales, the gap interpolated linearly in validity
     * at exactly {@code minValid}. Null when no run is that valid.
     */
    private static Double reachedGap(Map<Double, Figures> curve, double minValid) {
        return reachedGap(curve.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().summary().huckelGapMeanEv() != null)
                .map(e -> new double[] {e.getValue().summary().validFraction(),
                        e.getValue().summary().huckelGapMeanEv()})
                .toList(), minValid);
    }

    /** As above, over {valid fraction, gap mean} points in the order of increasing scale. */
    static Double reachedGap(List<double[]> points, double minValid) {
        Double best = null;
        for (int i = 0; i < points.size(); i++) {
            double[] a = points.get(i);
            if (a[0] < minValid) {
                continue;
            }
            best = best == null ? a[1] : Math.max(best, a[1]);
            if (i + 1 < points.size() && points.get(i + 1)[0] < minValid) {
                double[] b = points.get(i + 1);
                best = Math.max(best, a[1] + (a[0] - minValid) / (a[0] - b[0]) * (b[1] - a[1]));
            }
        }
        return best;
    }

    private static String describe(double[] gapAtScale) {
        return gapAtScale == null ? "n/a (no run that valid)"
                : String.format(Locale.ROOT, "%.4f (scale %s)", gapAtScale[0], fmt(gapAtScale[1]));
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The most frequent ring count of the EDM's distribution that the predictor's training range covers. */
    private static int defaultRings(GuidedSampler sampler) {
        long[] counts = sampler.edm().ringCountDistribution().counts();
        Object pMax = sampler.predictor().data().get("maxRings");
        int limit = pMax instanceof Number num && num.intValue() > 0 ? num.intValue() : Integer.MAX_VALUE;
        int best = 1;
        for (int r = 1; r < counts.length && r <= limit; r++) {
            if (counts[r] > counts[best]) {
                best = r;
            }
        }
        return best;
    }

    /** {best, mean, count} of the embedded dataset's HMO gap (eV) at this ring count, or null outside its range. */
    private static double[] datasetGap(int rings, GorKind kind) {
        EmbeddedDataset.Space sp = kind == GorKind.CATA ? EmbeddedDataset.Space.BENZENOID
                : kind == GorKind.HETERO ? EmbeddedDataset.Space.HETERO : null;
        if (sp == null || rings < 1 || rings > sp.maxRings()) {
            return null;
        }
        Dataset d = EmbeddedDataset.generate(sp, rings, rings, i -> { });
        int col = d.propertyIndex(HuckelProperties.GAP_EV);
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (MoleculeRecord r : d.records()) {
            best = Math.max(best, r.property(col));
            sum += r.property(col);
        }
        return new double[] {best, sum / d.size(), d.size()};
    }

    /** The single model file of a kind under the models directory (preferring names containing {@code prefer}). */
    private Path discover(String kind, String option, String prefer) throws IOException {
        Path dir = modelsDir != null ? modelsDir : Paths.get("models");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (f.getFileName().toString().endsWith(".md")) {
                        continue;
                    }
                    try {
                        if (kind.equals(ModelArchive.read(f).header().kind())) {
                            found.add(f);
                        }
                    } catch (ModelFormatException e) {
                        // not a model file
                    }
                }
            }
        }
        List<Path> demo = found.stream().filter(p -> p.getFileName().toString().contains(prefer)).toList();
        if (found.size() == 1 || demo.size() == 1) {
            return found.size() == 1 ? found.get(0) : demo.get(0);
        }
        throw new IllegalArgumentException(found.isEmpty()
                ? "no " + option + " given and no " + kind + " model file found under " + dir.toAbsolutePath()
                        + " (train one, e.g. with train-edm / train-predictor, and pass " + option + ")"
                : "no " + option + " given and several " + kind + " model files under " + dir + ": " + found
                        + "; pass " + option);
    }

    /** The 1-minute load average (timings on a shared machine mean little without it), or n/a. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private void line(String key, String value) {
        out.println(key + " " + value);
        out.flush();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%s", v);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Milliseconds with one decimal, or n/a (no such run). */
    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
    }

    /** A nullable figure with four decimals, or n/a. */
    private static String nz(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GuidanceBenchmark()).execute(args));
    }
}
