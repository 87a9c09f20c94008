package org.gaudi.core.report;

import java.util.Objects;

import org.gaudi.core.ood.OodComparison;

/**
 * The "beyond the data" part of a design report: how the designs compare with the best molecule the models were
 * allowed to see and with every molecule of their ring count, and guidance against sample-and-rank.
 *
 * @param comparison    the exact scores of every run
 * @param unit          unit of the objective's exact value (e.g. {@code eV}), or empty
 * @param holdOut       what the models' data left out, in words (e.g. "the best 5 % by HMO_GAP_eV of every ring
 *                      count"), or null when nothing was held out
 * @param headlineScale the scale the report calls "guided"
 */
public record OodStory(OodComparison comparison, String unit, String holdOut, double headlineScale) {

    public OodStory {
        Objects.requireNonNull(comparison, "comparison");
        unit = unit == null ? "" : unit;
    }

    /** The comparison at the headline scale, or at the first guided scale when the headline is unguided. */
    public OodComparison.Scale headline() {
        for (OodComparison.Scale s : comparison.scales()) {
            if (s.scale() == headlineScale) {
                return s;
            }
        }
        return comparison.scales().get(0);
    }
}
