package org.gaudi.core.oracle;

/**
 * Where one design stands in the whole embedded space of its ring count, by exact (Hückel) values.
 *
 * @param id    canonical annulation id of the design ({@link org.gaudi.core.pah.CataBenzenoid#id()})
 * @param rings its ring count
 * @param value the criterion's exact value for the design (e.g. the Hückel gap in eV); null where the criterion is
 *              undefined for it
 * @param rank  1 for the best molecule of the space; ties share the better rank (1 + the number of strictly better
 *              molecules)
 * @param of    number of molecules in the space ({@link EmbeddedSpace#size()})
 */
public record OracleScore(String id, int rings, Double value, int rank, int of) {

    public OracleScore {
        if (rank < 1 || rank > of) {
            throw new IllegalArgumentException("rank " + rank + " outside 1.." + of);
        }
    }

    /** Share of the space ranked strictly below this design, in percent: 100·(of − rank)/of (top 0.5 % ⇔ ≥ 99.5). */
    public double percentile() {
        return 100.0 * (of - rank) / of;
    }

    /** The design is in the top {@code topPercent()} % of its space: 100·rank/of. */
    public double topPercent() {
        return 100.0 * rank / of;
    }
}
