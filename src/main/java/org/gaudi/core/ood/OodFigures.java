package org.gaudi.core.ood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.oracle.ExactOracle;
import org.gaudi.core.oracle.OracleScore;
import org.gaudi.core.oracle.TrainingReference;
import org.gaudi.core.sampling.DesignedMolecule;

/**
 * How far a set of designs goes beyond the data, by exact values: the figures of {@code bench ood} for one method at
 * one scale. The "proposed" designs are what the method hands to the chemist: every valid design of a sampling run,
 * or the top k of a sample-and-rank pool. Every proposed design counts (duplicates too, as GaUDI counts validity);
 * the best rank and the top-10 mean use distinct molecules.
 *
 * @param method           e.g. {@code guided}, {@code unguided}, {@code sample-and-rank}
 * @param scale            the guidance scale the figures belong to (0 for unguided)
 * @param sampled          molecules the method sampled
 * @param valid            valid molecules among them
 * @param proposed         designs proposed (all valid ones, or the k kept by ranking)
 * @param scored           proposed designs the embedded space covers (the others have no exact value)
 * @param beyond           proposed designs strictly better than the training maximum
 * @param beyondDistinct   distinct molecules among them
 * @param distinct         distinct molecules among the scored proposed designs (copies count once)
 * @param novel            proposed designs neither model was trained on (the others are training molecules)
 * @param bestRank         rank of the best proposed design among all molecules of its ring count (null if none
 *                         scored)
 * @param spaceSize        molecules of that ring count
 * @param bestValue        its exact value
 * @param top10Mean        mean exact value of the 10 best distinct proposed designs (fewer if there are fewer)
 * @param top10Count       how many designs that mean is over
 * @param medianPercentile median percentile of the scored proposed designs (duplicates counted), or null
 * @param seconds          wall time of the method's sampling
 */
public record OodFigures(String method, double scale, int sampled, int valid, int proposed, int scored, int beyond,
        int beyondDistinct, int distinct, int novel, Integer bestRank, int spaceSize, Double bestValue, Double top10Mean,
        int top10Count, Double medianPercentile, double seconds) {

    /** Designs in the top-10 mean. */
    public static final int TOP = 10;

    /**
     * Figures of a set of proposed designs whose rows carry exact-oracle scores.
     *
     * @param trainingMax the best exact value the models' data held at this ring count (null: nothing is "beyond")
     */
    public static OodFigures of(String method, double scale, int sampled, int valid, List<DesignedMolecule> proposed,
            ExactOracle oracle, TrainingReference training, Double trainingMax, double seconds) {
        int scored = 0;
        int beyond = 0;
        int novel = 0;
        Set<String> beyondIds = new HashSet<>();
        Map<String, OracleScore> distinct = new LinkedHashMap<>();
        List<Double> percentiles = new ArrayList<>();
        int spaceSize = 0;
        for (DesignedMolecule m : proposed) {
            OracleScore s = m.exact();
            if (s == null) {
                if (Boolean.TRUE.equals(m.novel())) {
                    novel++; // outside the embedded space: fall back to the EDM's InChIKey check
                }
                continue;
            }
            scored++;
            spaceSize = s.of();
            percentiles.add(s.percentile());
            if (!training.trainedOn(s.id())) {
                novel++;
            }
            if (trainingMax != null && s.value() != null && oracle.better(s.value(), trainingMax)) {
                beyond++;
                beyondIds.add(s.id());
            }
            distinct.putIfAbsent(s.id(), s);
        }
        List<OracleScore> ranked = new ArrayList<>(distinct.values());
        ranked.sort(Comparator.comparingInt(OracleScore::rank));
        Integer bestRank = ranked.isEmpty() ? null : ranked.get(0).rank();
        Double bestValue = ranked.isEmpty() ? null : ranked.get(0).value();
        List<OracleScore> top = ranked.stream().filter(s -> s.value() != null).limit(TOP).toList();
        Double top10 = top.isEmpty() ? null : top.stream().mapToDouble(OracleScore::value).average().orElseThrow();
        return new OodFigures(method, scale, sampled, valid, proposed.size(), scored, beyond, beyondIds.size(), distinct.size(), novel,
                bestRank, spaceSize, bestValue, top10, top.size(), median(percentiles), seconds);
    }

    private static Double median(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Valid share of the sampled molecules. */
    public double validFraction() {
        return sampled == 0 ? 0 : (double) valid / sampled;
    }

    /** Share of the proposed designs strictly better than the training maximum. */
    public double beyondFraction() {
        return proposed == 0 ? 0 : (double) beyond / proposed;
    }

    /** Distinct molecules per scored proposed design (1: no copies). */
    public double distinctFraction() {
        return scored == 0 ? 0 : (double) distinct / scored;
    }

    /** Share of the proposed designs that neither model was trained on. */
    public double novelFraction() {
        return proposed == 0 ? 0 : (double) novel / proposed;
    }

    /** Percentile of the best design (100·(n − rank)/n), or null. */
    public Double bestPercentile() {
        return bestRank == null ? null : 100.0 * (spaceSize - bestRank) / spaceSize;
    }
}
