package org.gaudi.core.diffusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GeometryCheck;
import org.gaudi.core.gor.InvalidReason;

/**
 * Counts of an {@link EdmEvaluation} (GaUDI §8.1). Fractions divide by the number generated, except uniqueness and
 * novelty, which divide by max(#valid, 1) as in the reference.
 *
 * @param generated       molecules sampled
 * @param valid           chemically valid (GaUDI {@code mol_valid})
 * @param stable          all geometric checks passed (GaUDI {@code mol_stable})
 * @param validAndStable  both
 * @param unique          distinct InChIs among the valid
 * @param novel           distinct valid InChIs whose InChIKey is not a training molecule's
 * @param checkPasses     per geometric check, how many molecules passed it (GaUDI's flags: a check after an
 *                        earlier failure counts as not passed)
 * @param failures        first failure per invalid molecule (geometry first, then decoding, then chemistry)
 * @param molecules       the decoded molecules, in sampling order
 * @param settings        what was asked for
 * @param device          the device sampled on
 * @param threads         PyTorch intra-op threads (-1 if unknown)
 * @param nanReplacements NaN entries the sampler replaced (0 unguided)
 * @param recentred       samples whose final positions had to be re-centred
 * @param seconds         wall time of sampling and decoding
 */
public record EvaluationReport(int generated, int valid, int stable, int validAndStable, int unique, int novel,
        Map<GeometryCheck, Integer> checkPasses, Map<InvalidReason, Integer> failures,
        List<DecodedMolecule> molecules, EdmEvaluation.Settings settings, String device, int threads,
        long nanReplacements, int recentred, double seconds) {

    public EvaluationReport {
        checkPasses = Collections.unmodifiableMap(checkPasses);
        failures = Collections.unmodifiableMap(failures);
        molecules = List.copyOf(molecules);
    }

    /** #valid / #generated. */
    public double validFraction() {
        return (double) valid / generated;
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
        return (double) stable / generated;
    }

    /** #(valid and stable) / #generated. */
    public double validAndStableFraction() {
        return (double) validAndStable / generated;
    }

    /** Pass rate of one geometric check over all generated molecules. */
    public double passRate(GeometryCheck check) {
        return (double) checkPasses.getOrDefault(check, 0) / generated;
    }

    /**
     * The report as "name: value" lines: {@code valid}, {@code unique}, {@code novel} first, then {@code stable},
     * {@code valid-and-stable}, one {@code check-<name>} line per geometric check, counts, failures and timing.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(line("valid", validFraction()));
        out.add(line("unique", uniqueFraction()));
        out.add(line("novel", novelFraction()));
        out.add(line("stable", stableFraction()));
        out.add(line("valid-and-stable", validAndStableFraction()));
        for (GeometryCheck c : GeometryCheck.values()) {
            out.add(line("check-" + c.name().toLowerCase(Locale.ROOT), passRate(c)));
        }
        out.add(String.format(Locale.ROOT, "counts: generated %d, valid %d, unique %d, novel %d, stable %d",
                generated, valid, unique, novel, stable));
        if (!failures.isEmpty()) {
            StringBuilder f = new StringBuilder("failures:");
            failures.forEach((r, n) -> f.append(' ').append(r.name().toLowerCase(Locale.ROOT)).append('=')
                    .append(n));
            out.add(f.toString());
        }
        out.add(String.format(Locale.ROOT, "sampling: %d samples, %d steps, std %.2f, seed %d, batch %d",
                settings.samples(), settings.steps(), settings.initialNoiseStd(), settings.seed(),
                settings.batchSize()));
        out.add("device: " + device + (threads > 0 ? " (" + threads + " threads)" : ""));
        out.add(String.format(Locale.ROOT, "seconds: %.1f", seconds));
        return out;
    }

    private static String line(String name, double v) {
        return String.format(Locale.ROOT, "%s: %.2f", name, v);
    }
}
