package org.gaudi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.djl.BatchParallel;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.io.StagedFile;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.report.ClmComparison;
import org.gaudi.core.report.DatasetReference;
import org.gaudi.core.report.HtmlReport;
import org.gaudi.core.report.OodStory;
import org.gaudi.core.report.SweepReport;
import org.gaudi.core.report.SweepRun;
import org.gaudi.core.report.SweepWriters;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.DesignSummary;
import org.gaudi.core.sampling.GuidanceMethod;
import org.gaudi.core.sampling.GuidanceSettings;
import org.gaudi.core.sampling.GuidedSampler;
import org.gaudi.core.sampling.PredictorTime;
import org.gaudi.core.train.TrainingCancelledException;
import org.gaudi.core.train.TrainingDivergedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gaudi demo}: the whole method end to end on the embedded dataset, headless. Loads the shipped hold-out models
 * (or retrains them with {@code --train}), samples the same molecules unguided and guided at a few scales with the
 * objective "maximize the predicted HOMO-LUMO gap", checks every design with Hückel theory, and writes
 * {@code results/<timestamp>/} with {@code molecules.csv}, {@code molecules.sdf}, {@code summary.json} and a
 * self-contained {@code report.html}. Everything is written into a hidden staging folder that is renamed into place
 * at the end, so Ctrl-C or a failure leaves no half-written results.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole method end to end, headless: demo models -> guided design -> report.html.",
                "",
                "Runs on the embedded dataset of cata-condensed benzenoids, with no KNIME needed: loads the shipped"
                        + " diffusion model and gap predictor, trained without the best 5 %% by Hückel gap of every"
                        + " ring count (or retrains both with --train), samples the same molecules unguided and guided"
                        + " at a few guidance scales with the objective 'maximize the predicted HOMO-LUMO gap', checks"
                        + " every design with Hückel theory, ranks it among all molecules of its ring count, compares"
                        + " guidance with sample-and-rank at equal molecule count and writes results/<timestamp>/"
                        + " (molecules.csv, molecules.sdf, summary.json, ood.txt, report.html).",
                "",
                "The demo trains with one PyTorch thread unless --threads says otherwise (on a 2-core machine that is"
                        + " doing anything else, two busy-waiting threads are many times slower than one); sampling"
                        + " cuts each batch into one chunk per core.",
                "",
                "Prints one per line: demo-valid-unguided, demo-valid-guided, demo-huckel-gap-mean-unguided,"
                        + " demo-huckel-gap-mean-guided ('guided' = --guided-scale, by default the largest scale),"
                        + " demo-ood-train-max (the best molecule the models saw), demo-ood-beyond-train-max (share of"
                        + " valid guided designs better than it), demo-ood-best-rank (among all molecules of the ring"
                        + " count), demo-ood-vs-sample-and-rank, then 'report: <path>'. Ctrl-C stops cleanly and"
                        + " leaves no partial results.",
                ""},
        footer = {"", "Examples:",
                "  ./gaudi demo                           the default demo (minutes on 2 cores)",
                "  ./gaudi demo --scales 0,0.05,0.1,0.2,0.3,0.6  a finer sweep",
                "  ./gaudi demo -n 128 --steps 0          more molecules, all T steps",
                "  ./gaudi demo --train                   retrain both models first",
                "  ./gaudi demo --device gpu              sample on a GPU (README: CUDA set-up)",
                "  ./gaudi demo --space hetero            hetero-polycyclic systems with the shipped hetero pair",
                "", "Every step is also its own command: dataset, train-edm, train-predictor, eval-edm, eval-predictor,"
                        + " sample, bench."})
public final class DemoCommand implements Callable<Integer> {
    /**
     * The hold-out pair: trained without the best 5 % by Hückel gap of every ring count, so the demo can show design
     * beyond what the models saw (models/README.md); the pair trained on everything is models/demo-*.
     */
    static final Path DEFAULT_EDM = Paths.get("models", "ood-edm.gaudi-edm");
    static final Path DEFAULT_PREDICTOR = Paths.get("models", "ood-predictor.gaudi-predictor");
    /** The shipped hetero pair (models/README.md), the default of {@code --space hetero}. */
    static final Path HETERO_EDM = Paths.get("models", "hetero-edm.gaudi-edm");
    static final Path HETERO_PREDICTOR = Paths.get("models", "hetero-predictor.gaudi-predictor");
    static final String REPORT = "report.html";
    /**
     * The demo's headline scale per sampler when it is swept, in GaUDI units
     * ({@link org.gaudi.core.sampling.ScaleConvention}). smc (the default) at 0.3 is where {@code bench ood} found it
     * best on the shipped hold-out pair (valid 0.91, 0.47 of the designs beyond the training maximum); GaUDI's own
     * update at 0.1 keeps most designs valid with the small shipped models (bench guidance, 250 steps, 64 molecules:
     * valid 0.92/0.78/0.81/0.56 at 0/0.05/0.1/0.2).
     */
    static final Map<GuidanceMethod, Double> DEFAULT_GUIDED_SCALE = Map.of(GuidanceMethod.GAUDI, 0.1,
            GuidanceMethod.RESAMPLE, 0.2, GuidanceMethod.SMC, 0.3);
    /** PyTorch intra-op threads of the demo when --threads is not given. */
    static final int DEFAULT_THREADS = 1;

    @Option(names = "--space", paramLabel = "benzenoid|hetero", defaultValue = "benzenoid",
            description = "Embedded chemical space of the demo: 'benzenoid' (cata-condensed benzenoids, the hold-out"
                    + " pair) or 'hetero' (hetero-polycyclic aromatic systems from GaUDI's ring types, the shipped"
                    + " hetero pair models/hetero-*; the beyond-the-data and language-model sections apply to the"
                    + " benzenoid space only and are skipped with a line) (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--edm", paramLabel = "FILE",
            description = "Diffusion model to sample from (default: models/ood-edm.gaudi-edm, the shipped EDM trained"
                    + " without the best 5 %% by Hückel gap of every ring count; models/demo-edm.gaudi-edm saw"
                    + " everything; with --space hetero: " + "models/hetero-edm.gaudi-edm)."
                    + " With --train: only its recorded training recipe (hold-out included) is used.")
    Path edm;

    @Option(names = "--predictor", paramLabel = "FILE",
            description = "Time-conditioned property predictor that guides the sampling (default:"
                    + " models/ood-predictor.gaudi-predictor, the shipped Hückel-property predictor paired with the"
                    + " default EDM, same hold-out; with --space hetero: models/hetero-predictor.gaudi-predictor)."
                    + " With --train: only its recipe is used.")
    Path predictor;

    @Option(names = "--train", negatable = false,
            description = "Retrain both models first, with the recipes recorded in --edm and --predictor (or built-in"
                    + " CPU recipes when those files are missing), and use the new ones; they are saved in"
                    + " results/<timestamp>/models/. Takes much longer than the default demo.")
    boolean train;

    @Option(names = "--train-epochs", paramLabel = "EDM[,PRED]",
            description = "With --train: override the epochs of the EDM and of the predictor (one number sets both).")
    String trainEpochs;

    @Option(names = "--objective", paramLabel = "TEXT",
            description = "What to optimise, over the predictor's targets in physical units (default: maximize the"
                    + " predicted gap, e.g. 'maximize HMO_GAP_eV').")
    String objective;

    @Option(names = "--rings", paramLabel = "N",
            description = "Rings of every designed molecule (default: the ring count the EDM saw most often in"
                    + " training, within the predictor's range). The dataset's molecules with this many rings are the"
                    + " reference.")
    Integer rings;

    @Option(names = "--scales", split = ",", paramLabel = "S", defaultValue = "0,0.1,0.2,0.3",
            description = "Guidance scales to sample at; 0 is the unguided baseline (default: ${DEFAULT-VALUE}). Every"
                    + " scale samples from the same seed, so the runs differ only by guidance.")
    List<Double> scales;

    @Option(names = "--guided-scale", paramLabel = "S",
            description = "The scale reported as 'guided' in the demo-* lines and the report's headline (default, when"
                    + " it is among --scales: 0.3 for smc, 0.2 for resample, 0.1 for gaudi, where the shipped models"
                    + " do best; else the largest).")
    Double guidedScale;

    @Option(names = "--ood-details", negatable = false,
            description = "Also print every ood-* line of the beyond-the-data comparison, as 'bench ood' does (they"
                    + " are always written to results/<timestamp>/" + DemoOod.FILE + ").")
    boolean oodDetails;

    @Option(names = {"-n", "--molecules"}, defaultValue = "128", paramLabel = "N",
            description = "Molecules per scale (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "smc",
            description = "How guidance steers sampling: smc (GaUDI's update as the proposal of a particle filter, the"
                    + " best on bench ood), gaudi (GaUDI's gradient update) or resample (particle resampling by the"
                    + " objective, no gradient push) (default: ${DEFAULT-VALUE}).")
    String samplerName;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "500",
            description = "Reverse diffusion steps per molecule: fewer than the model's T respaces the schedule"
                    + " (faster, slightly fewer valid molecules); 0 = all T steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B",
            description = "Molecules sampled together (memory grows with B x rings^2) (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Sampling seed, the same for every scale (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clm", paramLabel = "FILE",
            description = "Chemical language model for the comparison section (default: models/demo-clm.gaudi-clm;"
                    + " skipped when the file is missing, and with --space hetero unless given: it writes"
                    + " benzenoid SMILES only).")
    Path clm;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "Folder that receives <timestamp>/ with the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display: bars on a terminal, periodic lines otherwise (default: ${DEFAULT-VALUE}).")
    String progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CliErrors.guard("demo", this::run);
    }

    private int run() throws Exception {
        long t0 = System.nanoTime();
        if (compute.threads == null) {
            // One intra-op thread unless asked: libgomp's busy-waiting makes 2 threads 10-40x slower than 1 on a
            // 2-core machine with anything else running (measured), and the demo has to finish on such machines.
            // Sampling still uses every core: batch chunks on their own threads never spin (BatchParallel).
            compute.threads = DEFAULT_THREADS;
            compute.applyThreads();
            BatchParallel.setThreads(Runtime.getRuntime().availableProcessors());
        } else {
            compute.applyThreads();
        }
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.valueOf(progress.trim().toUpperCase(Locale.ROOT));
        PrintStream log = System.out;
        List<Double> sweep = checkScales();
        GuidanceMethod method = GuidanceMethod.parse(samplerName);
        double headline = guidedScale != null ? guidedScale : defaultHeadline(sweep, method);
        if (!sweep.contains(headline)) {
            throw new IllegalArgumentException("--guided-scale " + SweepRun.formatScale(headline) + " is not one of"
                    + " --scales " + sweep);
        }
        if (molecules < 1 || batch < 1 || steps < 0) {
            throw new IllegalArgumentException("--molecules and --batch must be >= 1 and --steps >= 0");
        }
        EmbeddedDataset.Space embedded = space();
        boolean hetero = embedded == EmbeddedDataset.Space.HETERO;
        if (edm == null) {
            edm = hetero ? HETERO_EDM : DEFAULT_EDM;
        }
        if (predictor == null) {
            predictor = hetero ? HETERO_PREDICTOR : DEFAULT_PREDICTOR;
        }
        if (!train) {
            requireModel(edm, "diffusion model");
            requireModel(predictor, "property predictor");
        }

        LocalDateTime now = LocalDateTime.now();
        String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Files.createDirectories(out);
        Path staging = Files.createDirectory(out.resolve("." + stamp + ".partial-" + ProcessHandle.current().pid()
                + "-" + Long.toHexString(System.nanoTime())));

        InterruptGuard interrupt = InterruptGuard.install("demo", 120);
        boolean done = false;
        try {
            log.println("GaUDI demo: guided design of " + (hetero ? "hetero-polycyclic aromatic systems (embedded"
                    + " hetero space" : "cata-condensed benzenoids (embedded dataset") + ", Hückel properties)");
            Path edmFile = edm;
            Path predictorFile = predictor;
            Map<String, Object> trained = new LinkedHashMap<>();
            if (train) {
                DemoTraining training = new DemoTraining(embedded, edm, predictor, epochs(), compute, mode, log,
                        interrupt::cancelled);
                Path models = staging.resolve("models");
                edmFile = training.trainEdm(models.resolve(edm.getFileName()));
                predictorFile = training.trainPredictor(models.resolve(predictor.getFileName()), edmFile);
                trained.put("trained", "this run (--train); models saved in models/");
            }
            String objectiveText = objective != null ? objective : defaultObjective(predictorFile);
            try (GuidedSampler sampler = GuidedSampler.open(edmFile, predictorFile, objectiveText,
                    compute.deviceSetting())) {
                Objective obj = sampler.objective();
                checkSpace(embedded, sampler.edm().architecture().kind(), edmFile);
                int ringCount = rings != null ? rings : defaultRingCount(sampler);
                log.println("edm: " + describe(edmFile, staging) + " (" + sampler.edm() + ")");
                log.println("predictor: " + describe(predictorFile, staging) + " (targets "
                        + sampler.predictor().spec().targetNames() + ")");
                log.println("objective: " + obj.toText());

                DatasetReference reference = reference(embedded, ringCount, mode, log);
                GuidanceSettings base = GuidanceSettings.builder().sampler(method)
                        .molecules(molecules).ringCount(ringCount)
                        .seed(seed).steps(steps == 0 ? null : Math.min(steps, sampler.edm().timesteps()))
                        .batchSize(batch).device(compute.deviceSetting()).build();
                sampler.check(base);
                int k = base.steps(sampler.edm().timesteps());
                log.printf(Locale.ROOT, "sampling %d molecules with %d rings at scales %s, %d of T = %d steps%s%n",
                        molecules, ringCount, labels(sweep), k, sampler.edm().timesteps(),
                        k < sampler.edm().timesteps() ? " (respaced)" : "");
                List<SweepRun> runs = new ArrayList<>();
                for (double s : sweep) {
                    GuidanceSettings settings = base.toBuilder().scale(s).build();
                    String task = s == 0 ? "unguided" : "scale " + SweepRun.formatScale(s);
                    DesignResult result;
                    try (ConsoleProgress bar = ConsoleProgress.start(task, 1, mode, log, 0.25)) {
                        result = sampler.run(settings, (stepsDone, total, msg) -> bar.update(stepsDone, total, msg),
                                interrupt::cancelled);
                    }
                    runs.add(new SweepRun(s, result));
                    log.println(runLine(s, result.summary()));
                    log.flush();
                }

                SweepRun headlineRun = runs.stream().filter(r -> r.scale() == headline).findFirst().orElseThrow();
                ClmComparison comparison = null;
                if (hetero && clm == null) {
                    log.println("demo-compare: skipped (the shipped language model writes benzenoid SMILES only; no"
                            + " language model for the hetero space; give --clm FILE to compare with one)");
                } else {
                    comparison = DemoClmSection.compare(clm != null ? clm : DemoClmSection.DEFAULT_MODEL, sampler,
                            runs, headlineRun, ringCount, molecules, seed, mode, log, interrupt::cancelled);
                }
                Map<String, Object> settings = settings(obj, ringCount, k, sampler, base);
                settings.putAll(trained);
                Map<String, Object> seeds = seeds(sampler, base);
                Map<String, Object> models = new LinkedHashMap<>();
                models.put("diffusion model", describe(edmFile, staging) + ": " + sampler.edm());
                models.put("predictor", describe(predictorFile, staging) + ": " + sampler.predictor().spec().config()
                        + ", targets " + sampler.predictor().spec().targetNames());
                models.put("device", runs.get(0).result().summary().device());
                Map<String, String> files = new LinkedHashMap<>();
                files.put(REPORT, "this report");
                files.put(SweepWriters.CSV, "every molecule of every scale (columns scale, guided, then the design"
                        + " table)");
                files.put(SweepWriters.SDF, "the valid molecules with 3D coordinates and their fields, scale included");
                files.put(SweepWriters.SUMMARY, "settings, seeds, dataset reference and the summary of every scale");
                if (comparison != null) {
                    files.put(DemoClmSection.JSON, "guided diffusion vs. the language model at equal molecule count");
                }
                if (train) {
                    files.put("models/", "the models trained by this run");
                }
                StringBuilder noOod = new StringBuilder();
                OodStory ood = DemoOod.of(sampler, ringCount, runs, headline, noOod).orElse(null);
                if (ood != null) {
                    files.put(DemoOod.FILE, "the beyond-the-data comparison: every ood-* line of 'bench ood'");
                }
                boolean gapObjective = obj.toText().equals(obj.direction().keyword() + " "
                        + HuckelProperties.GAP_EV);
                SweepReport report = new SweepReport((hetero ? "Designing hetero-polycyclic aromatic systems"
                        : "Designing benzenoids") + " with a large HOMO-LUMO gap",
                        now.withNano(0).toString().replace('T', ' '), obj.toText(), obj.direction(), gapObjective,
                        runs, headline, reference, settings, seeds, models, files, commandLine());
                checkCancelled(interrupt);
                try (ConsoleProgress bar = ConsoleProgress.start("writing results", 2, mode, log, 0.5)) {
                    SweepWriters.writeAll(staging, report);
                    if (ood != null) {
                        List<String> details = DemoOod.details(ood, sampler);
                        StagedFile.writeText(staging.resolve(DemoOod.FILE), w -> {
                            for (String line : details) {
                                w.write(line);
                                w.write('\n');
                            }
                        });
                    }
                    bar.stepTo(1, "report");
                    HtmlReport.write(staging.resolve(REPORT), report, ood);
                    if (comparison != null) {
                        DemoClmSection.publish(comparison, staging.resolve(REPORT), staging);
                    }
                    bar.stepTo(2, null);
                }
                checkCancelled(interrupt);
                Path target = publish(staging, out, stamp);
                done = true;
                SweepRun un = report.unguided();
                SweepRun gu = report.guided();
                if (un != null) {
                    log.println("demo-valid-unguided: " + valid(un.result().summary()));
                }
                log.println("demo-valid-guided: " + valid(gu.result().summary()) + " (scale " + gu.label() + ")");
                if (un != null) {
                    log.println("demo-huckel-gap-mean-unguided: " + gap(un.result().summary().huckelGapMeanEv()));
                }
                log.println("demo-huckel-gap-mean-guided: " + gap(gu.result().summary().huckelGapMeanEv())
                        + " (scale " + gu.label() + ")");
                log.printf(Locale.ROOT, "demo-dataset-huckel-gap: mean %.4f eV, best %.4f eV (%d molecules with %d"
                        + " rings)%n", reference.meanValue(), reference.bestValue(), reference.count(), ringCount);
                if (ood != null) {
                    DemoOod.headline(ood).forEach(log::println);
                    if (oodDetails) {
                        DemoOod.details(ood, sampler).forEach(log::println);
                    }
                } else {
                    log.println("demo-ood: n/a (" + noOod + ")");
                }
                if (comparison != null) {
                    comparison.lines().forEach(log::println);
                }
                log.printf(Locale.ROOT, "demo-seconds: %.1f%n", (System.nanoTime() - t0) / 1e9);
                log.println("results: " + target.toAbsolutePath().normalize());
                log.println("report: " + target.resolve(REPORT).toAbsolutePath().normalize());
                log.flush();
                return 0;
            }
        } catch (SamplingCancelledException | TrainingCancelledException e) {
            System.err.println("demo: cancelled; no results written");
            return 130;
        } catch (TrainingDivergedException e) {
            System.err.println("demo: training diverged: " + e.getMessage() + "; no results written");
            return 1;
        } finally {
            if (!done) {
                deleteTree(staging);
            }
            interrupt.close();
        }
    }

    /** The scales, sorted and distinct, each finite and >= 0. */
    /** The sampler's {@link #DEFAULT_GUIDED_SCALE} when swept, else the largest scale. */
    static double defaultHeadline(List<Double> sweep, GuidanceMethod method) {
        Double preferred = DEFAULT_GUIDED_SCALE.get(method);
        return preferred != null && sweep.contains(preferred) ? preferred
                : sweep.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private List<Double> checkScales() {
        if (scales == null || scales.isEmpty()) {
            throw new IllegalArgumentException("--scales needs at least one scale");
        }
        for (double s : scales) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("--scales: every scale must be a finite number >= 0, got "
                        + SweepRun.formatScale(s));
            }
        }
        return scales.stream().distinct().sorted().toList();
    }

    /** --train-epochs as one or two numbers. */
    private List<Integer> epochs() {
        if (trainEpochs == null) {
            return List.of();
        }
        List<Integer> e = new ArrayList<>();
        for (String part : trainEpochs.split(",", -1)) {
            try {
                e.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--train-epochs takes one or two whole numbers (EDM[,PREDICTOR]),"
                        + " got '" + trainEpochs + "'");
            }
        }
        return e;
    }

    private static void requireModel(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such " + what + " file. Run from the project folder"
                    + " (the demo models are in models/), name the file, or retrain with --train");
        }
    }

    private static void checkCancelled(InterruptGuard interrupt) {
        if (interrupt.cancelled()) {
            throw new SamplingCancelledException("demo cancelled");
        }
    }

    /** "maximize <the predictor's gap target>", read from the predictor file's header. */
    static String defaultObjective(Path predictorFile) throws IOException {
        List<String> names = new ArrayList<>();
        ModelArchive archive = ModelArchive.read(predictorFile, PropertyPredictor.KIND);
        for (var t : archive.header().metadata().path("targets")) {
            names.add(t.isObject() ? t.path("name").asText() : t.asText());
        }
        return "maximize " + gapTarget(names, predictorFile);
    }

    /** The HOMO-LUMO gap among a predictor's targets: HMO_GAP_eV, else a *gap* target in eV, else any *gap*. */
    static String gapTarget(List<String> names, Path file) {
        if (names.contains(HuckelProperties.GAP_EV)) {
            return HuckelProperties.GAP_EV;
        }
        String lower;
        for (String n : names) {
            lower = n.toLowerCase(Locale.ROOT);
            if (lower.contains("gap") && lower.contains("ev")) {
                return n;
            }
        }
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).contains("gap")) {
                return n;
            }
        }
        throw new IllegalArgumentException(file + ": the predictor has no gap target (it predicts " + names
                + "); give --objective");
    }

    /**
     * The ring count the EDM saw most often in training (ties: the larger), within the predictor's ring range.
     */
    static int defaultRingCount(GuidedSampler sampler) {
        long[] counts = sampler.edm().ringCountDistribution().counts();
        Object pmax = sampler.predictor().data().get("maxRings");
        int limit = pmax instanceof Number n && n.intValue() > 0 ? n.intValue() : counts.length - 1;
        int best = -1;
        for (int r = 1; r < counts.length && r <= limit; r++) {
            if (counts[r] > 0 && (best < 0 || counts[r] >= counts[best])) {
                best = r;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the diffusion model records no ring counts; give --rings");
        }
        return best;
    }

    /** The --space option. */
    private EmbeddedDataset.Space space() {
        try {
            return EmbeddedDataset.Space.of(space);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--space " + space + ": expected benzenoid or hetero");
        }
    }

    /** Refuses a diffusion model from the other space: its designs would be compared with the wrong reference. */
    static void checkSpace(EmbeddedDataset.Space space, GorKind kind, Path edmFile) {
        boolean heteroModel = kind == GorKind.HETERO;
        if (heteroModel != (space == EmbeddedDataset.Space.HETERO)) {
            throw new IllegalArgumentException(edmFile + ": the diffusion model designs " + (heteroModel
                    ? "hetero-polycyclic systems; add --space hetero" : "benzenoids; --space hetero needs a model"
                            + " trained on --data embedded --space hetero (models/hetero-edm.gaudi-edm)"));
        }
    }

    private static DatasetReference reference(EmbeddedDataset.Space space, int ringCount, ConsoleProgress.Mode mode,
            PrintStream log) {
        if (ringCount > space.maxRings()) {
            throw new IllegalArgumentException("--rings " + ringCount + ": the embedded " + space.key()
                    + " space has at most " + space.maxRings() + " rings");
        }
        boolean hetero = space == EmbeddedDataset.Space.HETERO;
        long total = hetero ? -1 : EmbeddedDataset.size(ringCount, ringCount);
        Dataset d;
        try (ConsoleProgress p = ConsoleProgress.start("dataset", total, mode, log, 0.5)) {
            d = EmbeddedDataset.generate(space, ringCount, ringCount, n -> p.stepTo(n, null));
        }
        DatasetReference ref = DatasetReference.of(d, HuckelProperties.GAP_EV, ringCount);
        log.printf(Locale.ROOT, "dataset: %d embedded %s with %d rings: Hückel gap mean %.3f eV, best %.3f eV"
                + " (%s)%n", ref.count(), hetero ? "hetero PASs (" + (ringCount <= 3 ? "every one the rules allow"
                        : "the space's seeded sample") + ")" : "cc-PBHs", ringCount, ref.meanValue(),
                ref.bestValue(), ref.bestSmiles());
        return ref;
    }

    private Map<String, Object> settings(Objective obj, int ringCount, int k, GuidedSampler sampler,
            GuidanceSettings base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", obj.toText());
        m.put("scales", labels(scales.stream().distinct().sorted().toList()));
        m.put("headline (guided) scale", SweepRun.formatScale(guidedScale != null ? guidedScale
                : defaultHeadline(scales.stream().distinct().sorted().toList(), base.sampler())));
        m.put("molecules per scale", molecules);
        m.put("rings per molecule", ringCount);
        m.put("reverse steps", k + " of T = " + sampler.edm().timesteps() + (k < sampler.edm().timesteps()
                ? " (respaced)" : ""));
        m.put("batch size", batch);
        m.put("sampler", base.sampler().id() + " (" + base.sampler().description() + ")");
        m.put("clip norm", base.clipNorm());
        m.put("initial-noise std", base.initialNoiseStd(true));
        m.put("predictor time", base.predictorTime() == PredictorTime.S
                ? "s/T (the noise level of the state it scores)" : "t/T (as the reference code)");
        m.put("device", compute.device + ", " + compute.threads + " intra-op thread" + (compute.threads == 1 ? "" : "s"));
        return m;
    }

    private Map<String, Object> seeds(GuidedSampler sampler, GuidanceSettings base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampling seed (every scale)", seed);
        int batches = (base.molecules() + base.batchSize() - 1) / base.batchSize();
        List<String> bs = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            bs.add(Long.toString(GuidedSampler.batchSeed(seed, b)));
        }
        m.put("batch noise seeds", String.join(", ", bs));
        m.put("diffusion model training seed", sampler.edm().seed());
        m.put("predictor training seed", sampler.predictor().seed());
        return m;
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int self = args.indexOf(spec.name()); // the arguments of the whole command line, "demo" included
        args = args.subList(self + 1, args.size());
        StringBuilder b = new StringBuilder("./gaudi demo");
        for (String a : args) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./,:=+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    private static String describe(Path file, Path staging) {
        Path abs = file.toAbsolutePath().normalize();
        Path st = staging.toAbsolutePath().normalize();
        return abs.startsWith(st) ? st.relativize(abs).toString() : file.toString();
    }

    private static String labels(List<Double> s) {
        return String.join(", ", s.stream().map(SweepRun::formatScale).toList());
    }

    static String runLine(double scale, DesignSummary s) {
        return String.format(Locale.ROOT, "scale %s: valid %s, unique %.3f, novel %.3f, objective-mean %s,"
                + " huckel-gap-mean %s, huckel-gap-max %s, %.1f s", SweepRun.formatScale(scale), valid(s),
                s.uniqueFraction(), s.novelFraction(), num(s.objectiveMean()), gap(s.huckelGapMeanEv()),
                gap(s.huckelGapMaxEv()), s.seconds());
    }

    private static String valid(DesignSummary s) {
        return String.format(Locale.ROOT, "%.4f (%d/%d)", s.validFraction(), s.valid(), s.molecules());
    }

    private static String gap(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f eV", v);
    }

    private static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Renames the staging folder to out/stamp (or stamp-2, ... when taken). */
    private static Path publish(Path staging, Path out, String stamp) throws IOException {
        for (int i = 1; ; i++) {
            Path target = out.resolve(i == 1 ? stamp : stamp + "-" + i);
            if (Files.exists(target)) {
                continue;
            }
            try {
                return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(staging, target);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken in the meantime: try the next name
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("demo: could not remove the staging folder " + dir + ": " + e.getMessage());
        }
    }
}
