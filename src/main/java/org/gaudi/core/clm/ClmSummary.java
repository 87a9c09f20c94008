package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gaudi.core.objective.Objective;
import org.gaudi.core.sampling.DesignSummary;
import org.gaudi.core.sampling.DesignedMolecule;

/**
 * Figures of a language-model sampling run. As for diffusion (GaUDI §8.1) validity divides by the number drawn,
 * uniqueness and novelty by max(#valid, 1); a valid molecule is a CDK-parseable SMILES of a molecule our
 * graph-of-rings encoder places on the lattice and whose decoding passes GaUDI's validity rules. Parseable molecules
 * outside that domain are counted apart, never called valid.
 *
 * @param molecules       SMILES drawn
 * @param parsed          parsed by CDK
 * @param outOfDomain     parsed, but not a molecule the graph-of-rings encoder accepts
 * @param truncated       cut at the maximum length (no end token)
 * @param valid           valid (see above)
 * @param unique          distinct InChIs among the valid
 * @param novel           distinct valid InChIs whose InChIKey is not a training molecule's
 * @param objective       the objective's text, or null
 * @param objectiveMean   mean objective over valid molecules with a value
 * @param objectiveBest   best objective over them
 * @param huckelGapMeanEv mean exact Hückel gap (eV) over valid molecules
 * @param huckelGapMaxEv  largest exact Hückel gap (eV)
 * @param meanLogLikelihood mean log-likelihood (nats) of the drawn sequences under the model
 * @param invalidReasons  invalid molecules by first failed check
 * @param seed            the run seed
 * @param device          where the model ran
 * @param settings        sampling settings
 * @param model           a short description of the model
 * @param seconds         wall time of the run (sampling and scoring)
 * @param samplingSeconds wall time of the token generation alone
 * @param tokensPerSecond generated tokens (end tokens included) per second of generation
 */
public record ClmSummary(int molecules, int parsed, int outOfDomain, int truncated, int valid, int unique, int novel,
        String objective, Double objectiveMean, Double objectiveBest, Double huckelGapMeanEv, Double huckelGapMaxEv,
        double meanLogLikelihood, Map<String, Integer> invalidReasons, long seed, String device,
        Map<String, Object> settings, String model, double seconds, double samplingSeconds, double tokensPerSecond) {

    public ClmSummary {
        invalidReasons = Collections.unmodifiableMap(new TreeMap<>(invalidReasons));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Counts and averages the rows (parallel to the generated sequences). */
    static ClmSummary of(List<DesignedMolecule> rows, List<GeneratedSmiles> generated, int parsed, int outOfDomain,
            Objective objective, long seed, String device, Map<String, Object> settings, String model, double seconds,
            double samplingSeconds) {
        int valid = 0;
        int truncated = 0;
        Set<String> inchis = new HashSet<>();
        Set<String> novel = new HashSet<>();
        List<Double> obj = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        double ll = 0;
        long tokens = 0;
        for (GeneratedSmiles g : generated) {
            truncated += g.finished() ? 0 : 1;
            ll += g.logLikelihood();
            tokens += g.tokens() + 1;
        }
        for (DesignedMolecule r : rows) {
            if (!r.valid()) {
                reasons.merge(r.invalidReason() == null ? "UNKNOWN" : r.invalidReason().split(":", 2)[0], 1,
                        Integer::sum);
                continue;
            }
            valid++;
            inchis.add(r.inchi());
            if (Boolean.TRUE.equals(r.novel())) {
                novel.add(r.inchi());
            }
            if (r.objective() != null) {
                obj.add(r.objective());
            }
            if (r.huckelGapEv() != null) {
                gaps.add(r.huckelGapEv());
            }
        }
        Double best = null;
        if (objective != null && !obj.isEmpty()) {
            double sign = objective.direction().lossSign();
            best = obj.get(0);
            for (double v : obj) {
                if (sign * v < sign * best) {
                    best = v;
                }
            }
        }
        return new ClmSummary(rows.size(), parsed, outOfDomain, truncated, valid, inchis.size(), novel.size(),
                objective == null ? null : objective.toText(), DesignSummary.mean(obj), best, DesignSummary.mean(gaps),
                gaps.isEmpty() ? null : Collections.max(gaps), generated.isEmpty() ? 0 : ll / generated.size(),
                reasons, seed, device, settings, model, seconds, samplingSeconds,
                samplingSeconds > 0 ? tokens / samplingSeconds : 0);
    }

    public double validFraction() {
        return molecules == 0 ? 0 : (double) valid / molecules;
    }

    public double uniqueFraction() {
        return (double) unique / Math.max(valid, 1);
    }

    public double novelFraction() {
        return (double) novel / Math.max(valid, 1);
    }

    public double parsedFraction() {
        return molecules == 0 ? 0 : (double) parsed / molecules;
    }

    public double outOfDomainFraction() {
        return molecules == 0 ? 0 : (double) outOfDomain / molecules;
    }

    /** The headline figures, one "key: value" per line. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "valid: %.4f (%d of %d)", validFraction(), valid, molecules));
        l.add(String.format(Locale.ROOT, "unique: %.4f (%d distinct of %d valid)", uniqueFraction(), unique, valid));
        l.add(String.format(Locale.ROOT, "novel: %.4f (%d distinct novel of %d valid)", novelFraction(), novel,
                valid));
        l.add(String.format(Locale.ROOT, "parsed: %.4f (%d of %d; %d out of domain, %d cut at the maximum length)",
                parsedFraction(), parsed, molecules, outOfDomain, truncated));
        l.add("objective-mean: " + format(objectiveMean) + (objective == null ? "" : " (" + objective + ")"));
        l.add("objective-best: " + format(objectiveBest));
        l.add("huckel-gap-mean: " + format(huckelGapMeanEv) + (huckelGapMeanEv == null ? "" : " eV"));
        l.add("huckel-gap-max: " + format(huckelGapMaxEv) + (huckelGapMaxEv == null ? "" : " eV"));
        l.add(String.format(Locale.ROOT, "mean-log-likelihood: %.4f", meanLogLikelihood));
        l.add("invalid-reasons: " + invalidReasons);
        l.add(String.format(Locale.ROOT, "sampling-tokens-per-second: %.1f", tokensPerSecond));
        l.add("device: " + device);
        return l;
    }

    static String format(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Everything as an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("molecules", molecules);
        m.put("valid", valid);
        m.put("validFraction", validFraction());
        m.put("unique", unique);
        m.put("uniqueFraction", uniqueFraction());
        m.put("novel", novel);
        m.put("novelFraction", novelFraction());
        m.put("parsed", parsed);
        m.put("outOfDomain", outOfDomain);
        m.put("truncated", truncated);
        m.put("objective", objective);
        m.put("objectiveMean", objectiveMean);
        m.put("objectiveBest", objectiveBest);
        m.put("huckelGapMeanEv", huckelGapMeanEv);
        m.put("huckelGapMaxEv", huckelGapMaxEv);
        m.put("meanLogLikelihood", meanLogLikelihood);
        m.put("invalidReasons", invalidReasons);
        m.put("seed", seed);
        m.put("device", device);
        m.put("settings", settings);
        m.put("model", model);
        m.put("seconds", seconds);
        m.put("samplingSeconds", samplingSeconds);
        m.put("tokensPerSecond", tokensPerSecond);
        return m;
    }
}
