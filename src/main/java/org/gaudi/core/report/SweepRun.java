package org.gaudi.core.report;

import java.util.Locale;
import java.util.Objects;

import org.gaudi.core.sampling.DesignResult;

/**
 * One run of a guidance-scale sweep: the scale and the design it produced (same seed and ring counts for every scale,
 * so the runs differ only by guidance).
 *
 * @param scale  guidance scale (0 = unguided)
 * @param result the molecule table and summary of the run
 */
public record SweepRun(double scale, DesignResult result) {

    public SweepRun {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("guidance scale must be a finite number >= 0, got " + scale);
        }
        Objects.requireNonNull(result, "result");
    }

    /** Whether this run sampled without guidance. */
    public boolean unguided() {
        return scale == 0;
    }

    /** The scale as people write it: {@code 0}, {@code 0.6}, {@code 2}. */
    public String label() {
        return formatScale(scale);
    }

    /** Shortest plain decimal text of a scale (no exponent, no trailing zeros). */
    public static String formatScale(double scale) {
        String s = java.math.BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
        return s.equals("0.0") ? "0" : s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweepRun[scale %s, %d molecules]", label(), result.molecules().size());
    }
}
