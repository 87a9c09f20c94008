package org.gaudi.core.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gaudi.core.objective.DomainReport;
import org.gaudi.core.objective.Objective;

/**
 * Figures of a design run. Fractions divide by the number generated, except uniqueness and novelty, which divide by
 * max(#valid, 1) as GaUDI's evaluation does (§8.1). Means and bests are over valid molecules only; they are null
 * when no valid molecule has the value.
 *
 * @param molecules          molecules generated
 * @param valid              chemically valid ({@link DesignedMolecule#valid()})
 * @param unique             distinct InChIs among the valid
 * @param novel              distinct valid InChIs whose InChIKey is not an EDM training molecule's
 * @param stable             all geometric checks passed
 * @param objective          canonical objective text, or null
 * @param objectiveMean      mean objective value over valid molecules
 * @param objectiveBest      best objective value over valid molecules (lowest for minimize, highest for maximize)
 * @param objectiveMeanAll   mean objective value over all molecules with a defined value (valid or not)
 * @param huckelGapMeanEv    mean Hückel gap (eV) over valid molecules
 * @param huckelGapMaxEv     largest Hückel gap (eV) over valid molecules
 * @param huckelGapMinEv     smallest Hückel gap (eV) over valid molecules
 * @param huckelGapMeanBeta  mean Hückel gap (|β|) over valid molecules
 * @param predictedMeans     mean predicted value of each target over valid molecules (target order)
 * @param invalidReasons     invalid molecules per first failed check (code only)
 * @param nonFiniteGradients gradient entries that were NaN or infinite and set to 0 (all steps and batches)
 * @param nanReplacements    NaN entries of z_s the sampler replaced by 0 after a guided step
 * @param recentred          molecules whose final positions had to be re-centred
 * @param objectiveDomain    what the objective's batched evaluation clamped during guidance
 * @param guided             whether guidance was applied (objective given and scale &gt; 0)
 * @param initialNoiseStd    the initial-noise std used
 * @param steps              reverse steps per batch
 * @param timesteps          T of the models' schedule
 * @param seed               the run seed
 * @param device             the device the EDM sampled on (e.g. {@code cpu}, {@code gpu(0)})
 * @param settings           the settings as given ({@link GuidanceSettings#toMap()})
 * @param models             short descriptions of the EDM and the predictor
 * @param seconds            wall time of the run (sampling, decoding, table)
 * @param msPerStep          mean wall time of one reverse step of one batch, guidance included
 * @param guidanceMsPerStep  mean wall time of the guidance update within a step (0 unguided)
 * @param clippedFraction    fraction of (molecule, step) guidance gradients longer than the clip norm (null
 *                           unguided); near 1 means the scale saturates
 * @param meanGradientNorm   mean norm of a molecule's scaled guidance gradient before clipping (null unguided)
 * @param guidance           how the scale was applied (sampler, {@link ScaleConvention}, the objective's spread, the
 *                           total push) and the sampler's diagnostics; empty for an unguided run
 * @param stepsWithGradient  guided steps (over all batches) in which some molecule had a finite, non-zero
 *                           gradient (null unguided); 0 means the run was not guided at all
 */
public record DesignSummary(int molecules, int valid, int unique, int novel, int stable, String objective,
        Double objectiveMean, Double objectiveBest, Double objectiveMeanAll, Double huckelGapMeanEv,
        Double huckelGapMaxEv, Double huckelGapMinEv, Double huckelGapMeanBeta, Map<String, Double> predictedMeans,
        Map<String, Integer> invalidReasons, long nonFiniteGradients, long nanReplacements, int recentred,
        DomainReport objectiveDomain, boolean guided, double initialNoiseStd, int steps, int timesteps, long seed,
        String device, Map<String, Object> settings, Map<String, Object> models, double seconds, double msPerStep,
        double guidanceMsPerStep, Double clippedFraction, Double meanGradientNorm, Map<String, Object> guidance,
        Long stepsWithGradient) {

    public DesignSummary {
        guidance = Collections.unmodifiableMap(new LinkedHashMap<>(guidance == null ? Map.of() : guidance));
        predictedMeans = Collections.unmodifiableMap(new LinkedHashMap<>(predictedMeans));
        invalidReasons = Collections.unmodifiableMap(new TreeMap<>(invalidReasons));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** As the canonical constructor without guidance facts (earlier callers). */
    public DesignSummary(int molecules, int valid, int unique, int novel, int stable, String objective,
            Double objectiveMean, Double objectiveBest, Double objectiveMeanAll, Double huckelGapMeanEv,
            Double huckelGapMaxEv, Double huckelGapMinEv, Double huckelGapMeanBeta, Map<String, Double> predictedMeans,
            Map<String, Integer> invalidReasons, long nonFiniteGradients, long nanReplacements, int recentred,
            DomainReport objectiveDomain, boolean guided, double initialNoiseStd, int steps, int timesteps, long seed,
            String device, Map<String, Object> settings, Map<String, Object> models, double seconds, double msPerStep,
            double guidanceMsPerStep, Double clippedFraction, Double meanGradientNorm) {
        this(molecules, valid, unique, novel, stable, objective, objectiveMean, objectiveBest, objectiveMeanAll,
                huckelGapMeanEv, huckelGapMaxEv, huckelGapMinEv, huckelGapMeanBeta, predictedMeans, invalidReasons,
                nonFiniteGradients, nanReplacements, recentred, objectiveDomain, guided, initialNoiseStd, steps,
                timesteps, seed, device, settings, models, seconds, msPerStep, guidanceMsPerStep, clippedFraction,
                meanGradientNorm, Map.of(), null);
    }

    /** Run-level facts that do not come from the rows. */
    record RunFacts(long nonFiniteGradients, long nanReplacements, int recentred, DomainReport objectiveDomain,
            boolean guided, double initialNoiseStd, int steps, int timesteps, long seed, String device,
            Map<String, Object> settings, Map<String, Object> models, double seconds, double msPerStep,
            double guidanceMsPerStep, Double clippedFraction, Double meanGradientNorm, Map<String, Object> guidance,
            Long stepsWithGradient) {

        RunFacts(long nonFiniteGradients, long nanReplacements, int recentred, DomainReport objectiveDomain,
                boolean guided, double initialNoiseStd, int steps, int timesteps, long seed, String device,
                Map<String, Object> settings, Map<String, Object> models, double seconds, double msPerStep,
                double guidanceMsPerStep, Double clippedFraction, Double meanGradientNorm) {
            this(nonFiniteGradients, nanReplacements, recentred, objectiveDomain, guided, initialNoiseStd, steps,
                    timesteps, seed, device, settings, models, seconds, msPerStep, guidanceMsPerStep, clippedFraction,
                    meanGradientNorm, Map.of(), null);
        }
    }

    /** Counts and averages the rows. */
    static DesignSummary of(List<DesignedMolecule> rows, List<String> propertyNames, Objective objective,
            RunFacts f) {
        int valid = 0;
        int stable = 0;
        Set<String> inchis = new HashSet<>();
        Set<String> novel = new HashSet<>();
        List<Double> obj = new ArrayList<>();
        List<Double> objAll = new ArrayList<>();
        List<Double> gapEv = new ArrayList<>();
        List<Double> gapBeta = new ArrayList<>();
        double[] predSum = new double[propertyNames.size()];
        int[] predCount = new int[propertyNames.size()];
        Map<String, Integer> reasons = new TreeMap<>();
        for (DesignedMolecule r : rows) {
            stable += r.stable() ? 1 : 0;
            if (r.objective() != null) {
                objAll.add(r.objective());
            }
            if (!r.valid()) {
                String code = r.invalidReason() == null ? "UNKNOWN" : r.invalidReason().split(":", 2)[0];
                reasons.merge(code, 1, Integer::sum);
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
                gapEv.add(r.huckelGapEv());
                gapBeta.add(r.huckelGapBeta());
            }
            for (int k = 0; k < r.predicted().size(); k++) {
                Double v = r.predicted().get(k);
                if (v != null) {
                    predSum[k] += v;
                    predCount[k]++;
                }
            }
        }
        Map<String, Double> predMeans = new LinkedHashMap<>();
        for (int k = 0; k < propertyNames.size(); k++) {
            predMeans.put(propertyNames.get(k), predCount[k] == 0 ? null : predSum[k] / predCount[k]);
        }
        Double best = null;
        if (objective != null && !obj.isEmpty()) {
            double sign = objective.direction().lossSign();
            double b = obj.get(0);
            for (double v : obj) {
                if (sign * v < sign * b) {
                    b = v;
                }
            }
            best = b;
        }
        return new DesignSummary(rows.size(), valid, inchis.size(), novel.size(), stable,
                objective == null ? null : objective.toText(), mean(obj), best, mean(objAll), mean(gapEv),
                gapEv.isEmpty() ? null : Collections.max(gapEv), gapEv.isEmpty() ? null : Collections.min(gapEv),
                mean(gapBeta), predMeans, reasons, f.nonFiniteGradients(), f.nanReplacements(), f.recentred(),
                f.objectiveDomain(), f.guided(), f.initialNoiseStd(), f.steps(), f.timesteps(), f.seed(),
                f.device(), f.settings(), f.models(), f.seconds(), f.msPerStep(), f.guidanceMsPerStep(),
                f.clippedFraction(), f.meanGradientNorm(), f.guidance(), f.stepsWithGradient());
    }

    /** The mean of the values, or null when there are none (shared by the design and language-model summaries). */
    public static Double mean(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }

    /** #valid / #generated. */
    public double validFraction() {
        return molecules == 0 ? 0 : (double) valid / molecules;
    }

    /** #distinct valid InChIs / max(#valid, 1). */
    public double uniqueFraction() {
        return (double) unique / Math.max(valid, 1);
    }

    /** #distinct novel valid InChIs / max(#valid, 1). */
    public double novelFraction() {
        return (double) novel / Math.max(valid, 1);
    }

    /** #stable / #generated. */
    public double stableFraction() {
        return molecules == 0 ? 0 : (double) stable / molecules;
    }

    /**
     * The headline figures, one "key: value" per line: valid, unique, novel, objective-mean, objective-best,
     * huckel-gap-mean (eV), then huckel-gap-max, objective-mean-all (with an objective), stable, non-finite-gradients,
     * clipped-gradients (guided runs) and device. Missing values print as {@code n/a}.
     */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "valid: %.4f (%d of %d)", validFraction(), valid, molecules));
        l.add(String.format(Locale.ROOT, "unique: %.4f (%d distinct of %d valid)", uniqueFraction(), unique, valid));
        l.add(String.format(Locale.ROOT, "novel: %.4f (%d distinct novel of %d valid)", novelFraction(), novel,
                valid));
        l.add("objective-mean: " + format(objectiveMean) + (objective == null ? "" : " (" + objective + ")"));
        l.add("objective-best: " + format(objectiveBest));
        l.add("huckel-gap-mean: " + format(huckelGapMeanEv) + (huckelGapMeanEv == null ? "" : " eV"));
        l.add("huckel-gap-max: " + format(huckelGapMaxEv) + (huckelGapMaxEv == null ? "" : " eV"));
        if (objective != null) {
            l.add("objective-mean-all: " + format(objectiveMeanAll) + " (all molecules, valid or not)");
        }
        l.add(String.format(Locale.ROOT, "stable: %.4f (%d of %d)", stableFraction(), stable, molecules));
        l.add("non-finite-gradients: " + nonFiniteGradients);
        if (clippedFraction != null) {
            l.add("clipped-gradients: " + format(clippedFraction) + " (mean norm before clipping "
                    + format(meanGradientNorm) + ")");
        }
        if (!guidance.isEmpty()) {
            l.add("guidance: sampler " + guidance.get("sampler") + ", scale " + guidance.get("scale")
                    + " in GaUDI units (objective spread " + formatObject(guidance.get("objectiveSpread"))
                    + " per training std; total push " + formatObject(guidance.get("totalPush")) + " over "
                    + steps + " steps; GaUDI's update over all " + timesteps + ": "
                    + formatObject(guidance.get("totalPushAtT")) + unguidedTail() + ")");
        }
        if (stepsWithGradient != null) {
            l.add("guided-steps-with-gradient: " + stepsWithGradient + " of " + guidedSteps() + unguidedTail());
        }
        l.add("device: " + device);
        return l;
    }

    private static String formatObject(Object v) {
        return v instanceof Number n ? format(n.doubleValue()) : String.valueOf(v);
    }

    /** Reverse steps over all batches of a guided run. */
    /** ", no push while t/T < x" for samplers with an unguided tail, else empty. */
    private String unguidedTail() {
        return guidance.get("unguidedTail") instanceof Number n ? ", no push while t/T < " + format(n.doubleValue())
                : "";
    }

    private long guidedSteps() {
        int batchSize = settings.get("batchSize") instanceof Number n ? n.intValue() : molecules;
        return (long) steps * ((molecules + Math.max(1, batchSize) - 1) / Math.max(1, batchSize));
    }

    /**
     * Why a guided run was not guided, or null: no step had a finite, non-zero objective gradient, so the molecules
     * are unguided samples whatever the settings say.
     */
    public String guidanceFailure() {
        if (!guided || stepsWithGradient == null || stepsWithGradient > 0) {
            return null;
        }
        String domain = objectiveDomain.isClean() ? "" : "; the objective's domain: " + objectiveDomain;
        return "the objective '" + objective + "' gave no usable gradient in any guided step (every value was"
                + " clamped or not finite), so nothing was guided" + domain;
    }

    static String format(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Everything as an ordered map for JSON (fractions included). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("molecules", molecules);
        m.put("valid", valid);
        m.put("validFraction", validFraction());
        m.put("unique", unique);
        m.put("uniqueFraction", uniqueFraction());
        m.put("novel", novel);
        m.put("novelFraction", novelFraction());
        m.put("stable", stable);
        m.put("stableFraction", stableFraction());
        m.put("objective", objective);
        m.put("objectiveMean", objectiveMean);
        m.put("objectiveBest", objectiveBest);
        m.put("objectiveMeanAll", objectiveMeanAll);
        m.put("huckelGapMeanEv", huckelGapMeanEv);
        m.put("huckelGapMaxEv", huckelGapMaxEv);
        m.put("huckelGapMinEv", huckelGapMinEv);
        m.put("huckelGapMeanBeta", huckelGapMeanBeta);
        m.put("predictedMeans", predictedMeans);
        m.put("invalidReasons", invalidReasons);
        m.put("nonFiniteGradients", nonFiniteGradients);
        m.put("nanReplacements", nanReplacements);
        m.put("recentred", recentred);
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("evaluations", objectiveDomain.samples());
        domain.put("clamped", objectiveDomain.clampedSamples());
        domain.put("nonFinite", objectiveDomain.nonFiniteSamples());
        domain.put("clampsBySite", objectiveDomain.clampsBySite());
        m.put("objectiveDomain", domain);
        m.put("guided", guided);
        m.put("initialNoiseStd", initialNoiseStd);
        m.put("steps", steps);
        m.put("timesteps", timesteps);
        m.put("seed", seed);
        m.put("device", device);
        m.put("settings", settings);
        m.put("models", models);
        m.put("seconds", seconds);
        m.put("msPerStep", msPerStep);
        m.put("guidanceMsPerStep", guidanceMsPerStep);
        m.put("clippedFraction", clippedFraction);
        m.put("meanGradientNorm", meanGradientNorm);
        m.put("guidance", guidance);
        m.put("stepsWithGradient", stepsWithGradient);
        return m;
    }
}
