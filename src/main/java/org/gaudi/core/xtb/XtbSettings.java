package org.gaudi.core.xtb;

import java.time.Duration;

/**
 * How each molecule is run.
 *
 * @param timeLimit wall-clock limit per molecule; the process (and its children) is killed when it is exceeded
 * @param threads   OpenMP/BLAS threads of one xtb process (OMP_NUM_THREADS, MKL_NUM_THREADS, OPENBLAS_NUM_THREADS
 *                  and {@code --parallel})
 * @param optimise  GFN2-xTB geometry optimisation before the final single point ({@code --opt}); otherwise a single
 *                  point on the given geometry
 */
public record XtbSettings(Duration timeLimit, int threads, boolean optimise) {
    /** Per molecule: a 10-ring PAS optimises in a few seconds on one core, so this only stops runaways. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);

    public XtbSettings {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the xtb time limit must be positive, got " + timeLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("xtb threads must be >= 1, got " + threads);
        }
    }

    /** Optimise, then single point; one thread; {@link #DEFAULT_TIME_LIMIT}. */
    public static XtbSettings defaults() {
        return new XtbSettings(DEFAULT_TIME_LIMIT, 1, true);
    }

    public XtbSettings withTimeLimit(Duration d) {
        return new XtbSettings(d, threads, optimise);
    }

    public XtbSettings withThreads(int t) {
        return new XtbSettings(timeLimit, t, optimise);
    }
}
