package org.gaudi.core.clm;

/**
 * The most uniqueness any generator can expect from independent draws over a finite space: with n draws from K
 * molecules, the expected number of distinct ones is Σ_i 1 − (1 − p_i)^n, which is concave in the probabilities and
 * so largest when every molecule is equally likely, K · (1 − (1 − 1/K)^n). A language model whose samples stay in the
 * space it was trained on cannot beat this figure on average, however good it is; it puts measured uniqueness in
 * proportion when the space is small (e.g. the 2,316 cata-condensed benzenoids with 1–9 rings).
 */
public final class UniquenessCeiling {
    private UniquenessCeiling() {
    }

    /**
     * Expected share of distinct molecules among {@code draws} independent uniform draws from {@code spaceSize}
     * molecules.
     */
    public static double expectedDistinctShare(long spaceSize, long draws) {
        if (spaceSize < 1 || draws < 1) {
            throw new IllegalArgumentException("need a space of at least one molecule and at least one draw, got "
                    + spaceSize + " and " + draws);
        }
        // (1 − 1/K)^n through log1p/expm1: exact enough for K in the millions
        double missed = Math.exp(draws * Math.log1p(-1.0 / spaceSize));
        return spaceSize * (1 - missed) / draws;
    }
}
