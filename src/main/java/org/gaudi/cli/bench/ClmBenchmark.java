package org.gaudi.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gaudi.core.clm.ClmBenchmarkRun;
import org.gaudi.core.clm.ClmDesign;
import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.ClmSamplingSettings;
import org.gaudi.core.clm.ClmSummary;
import org.gaudi.core.clm.Gpt2Config;
import org.gaudi.core.clm.Gpt2Network;
import org.gaudi.core.clm.SmilesCorpus;
import org.gaudi.core.clm.UniquenessCeiling;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.SeededInit;
import org.gaudi.core.sampling.DesignProgress;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gaudi bench clm}: the chemical language model's figures, one per line: {@code clm-gpt2-small-params} (GPT-2
 * small built without allocating a weight), the shipped model's validation and test perplexity on its recorded split,
 * training and sampling tokens per second, and for {@code --samples} draws {@code clm-valid}, {@code clm-unique},
 * {@code clm-novel}, {@code clm-parsed} and {@code clm-out-of-domain}, with the load average next to the timings.
 */
@Command(name = "clm", mixinStandardHelpOptions = true,
        description = "Benchmark the chemical language model: GPT-2 small parameter count, perplexity, tokens/s,"
                + " validity, uniqueness and novelty of samples of the shipped model.")
public final class ClmBenchmark implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, defaultValue = "models/demo-clm.gaudi-clm",
            description = "Language model to measure (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--samples", defaultValue = "1000", description = "SMILES to draw (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature (default"
            + " ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--train-steps", defaultValue = "20",
            description = "Timed training steps of the model's architecture (default ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: PyTorch's choice).")
    Integer threads;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        out.printf(Locale.ROOT, "clm-gpt2-small-params: %d%n",
                SeededInit.parameterCount(new Gpt2Network(Gpt2Config.gpt2Small())));
        if (!Files.isRegularFile(model)) {
            System.err.println("bench clm: no model file " + model + "; train one with train-clm (models/README.md)");
            return 1;
        }
        Device dev = Djl.selectDevice(device);
        try (ClmModel lm = ClmModel.load(model, dev)) {
            out.printf(Locale.ROOT, "clm-model: %s%n", lm);
            out.printf(Locale.ROOT, "clm-params: %d%n", lm.parameterCount());
            Map<String, Object> recorded = lm.data();
            Dataset data = rebuild(recorded);
            long spaceSize = data == null ? 0 : spaceSize(recorded);
            if (data != null) {
                perplexities(lm, data, recorded);
                double tps = ClmBenchmarkRun.trainingTokensPerSecond(lm, sequences(lm, data), 64, trainSteps, seed);
                out.printf(Locale.ROOT, "clm-train-tokens-per-second: %.1f (batch 64, %d steps; %s)%n", tps,
                        trainSteps, load());
            }
            ClmDesign.Result r = new ClmDesign(lm, null, null).run(ClmSamplingSettings.of(samples, seed)
                    .withTemperature(temperature), DesignProgress.NONE, () -> false);
            ClmSummary s = r.summary();
            out.printf(Locale.ROOT, "clm-sample-tokens-per-second: %.1f (%d sequences in %.1f s; %s)%n",
                    s.tokensPerSecond(), samples, s.samplingSeconds(), load());
            out.printf(Locale.ROOT, "clm-valid: %.4f (%d of %d)%n", s.validFraction(), s.valid(), s.molecules());
            out.printf(Locale.ROOT, "clm-unique: %.4f (%d distinct of %d valid)%n", s.uniqueFraction(), s.unique(),
                    s.valid());
            if (spaceSize > 0 && s.valid() > 0) {
                out.printf(Locale.ROOT, "clm-unique-ceiling: %.4f (expected distinct share of %d independent draws from"
                        + " the %d molecules with %s-%s rings, all equally likely; no sampler of that space does better"
                        + " on average)%n", UniquenessCeiling.expectedDistinctShare(spaceSize, s.valid()), s.valid(),
                        spaceSize, recorded.get("minRings"), recorded.get("maxRings"));
            }
            out.printf(Locale.ROOT, "clm-novel: %.4f (%d distinct novel of %d valid)%n", s.novelFraction(), s.novel(),
                    s.valid());
            out.printf(Locale.ROOT, "clm-parsed: %.4f%n", s.parsedFraction());
            out.printf(Locale.ROOT, "clm-out-of-domain: %.4f (%d)%n", s.outOfDomainFraction(), s.outOfDomain());
            out.printf(Locale.ROOT, "clm-invalid-reasons: %s%n", s.invalidReasons());
            out.printf(Locale.ROOT, "clm-mean-log-likelihood: %.4f%n", s.meanLogLikelihood());
            out.printf(Locale.ROOT, "clm-check-seconds: %.1f%n", s.seconds() - s.samplingSeconds());
            out.printf(Locale.ROOT, "threads: %d%n", Djl.intraOpThreads());
            out.printf(Locale.ROOT, "device: %s%n", Djl.describe(dev));
        }
        return 0;
    }

    /** The embedded molecules the model was trained on (same ring range and hold-out), or null for file data. */
    private Dataset rebuild(Map<String, Object> recorded) {
        Object source = recorded.get("data");
        if (!"embedded".equals(source)) {
            out.println("clm-validation-perplexity: n/a (the model was not trained on the embedded data)");
            return null;
        }
        int min = ((Number) recorded.get("minRings")).intValue();
        int max = ((Number) recorded.get("maxRings")).intValue();
        Dataset d = EmbeddedDataset.generate(min, max, i -> { });
        if (recorded.get("holdOutTop") instanceof Number q) {
            d = new HoldOutBest(String.valueOf(recorded.get("holdOutProperty")), q.doubleValue()).apply(d).kept();
        }
        return d;
    }

    /** Every embedded molecule of the model's ring range, held-out ones included: the space a sample can land in. */
    private static long spaceSize(Map<String, Object> recorded) {
        int min = ((Number) recorded.get("minRings")).intValue();
        int max = ((Number) recorded.get("maxRings")).intValue();
        return EmbeddedDataset.size(min, max);
    }

    @SuppressWarnings("unchecked")
    private void perplexities(ClmModel lm, Dataset data, Map<String, Object> recorded) {
        Map<String, List<String>> split = (Map<String, List<String>>) recorded.get("split");
        for (String part : List.of("validation", "test")) {
            Set<String> ids = new HashSet<>(split.getOrDefault(part, List.of()));
            List<SmilesCorpus.Source> sources = new ArrayList<>();
            for (MoleculeRecord r : data.records()) {
                if (ids.contains(r.id())) {
                    sources.add(new SmilesCorpus.Source(r.id(), r.smiles()));
                }
            }
            if (sources.isEmpty()) {
                out.printf(Locale.ROOT, "clm-%s-perplexity: n/a (empty %s split)%n", part, part);
                continue;
            }
            SmilesCorpus c = SmilesCorpus.build(sources, 0, 0, lm.maxTokens(), lm.vocabulary(), () -> false);
            List<int[]> seqs = new ArrayList<>();
            for (int[][] v : c.encoded()) {
                seqs.add(v[0]);
            }
            out.printf(Locale.ROOT, "clm-%s-perplexity: %.4f (%d molecules, %d left out)%n", part,
                    lm.perplexity(seqs), seqs.size(), c.rejections().size());
        }
    }

    private static List<int[]> sequences(ClmModel lm, Dataset data) {
        List<SmilesCorpus.Source> sources = new ArrayList<>();
        for (MoleculeRecord r : data.records()) {
            sources.add(new SmilesCorpus.Source(r.id(), r.smiles()));
        }
        List<int[]> seqs = new ArrayList<>();
        for (int[][] v : SmilesCorpus.build(sources, 0, 0, lm.maxTokens(), lm.vocabulary(), () -> false)
                .encoded()) {
            seqs.add(v[0]);
        }
        return seqs;
    }

    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "load n/a";
        }
    }
}
