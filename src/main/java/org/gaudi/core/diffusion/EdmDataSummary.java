package org.gaudi.core.diffusion;

import java.util.List;
import java.util.Objects;

/**
 * Where an EDM's training data came from and how it was split, stored in the model header: the dataset source, how
 * many records it had, how many the ring-range filter removed, how many records the reader had rejected, and the
 * molecule ids of the training, validation and test parts (in item order, so a resumed run can check that it sees
 * the same data).
 *
 * @param source          dataset source (file path or "embedded ...")
 * @param records         usable records in the dataset before the ring-range filter
 * @param rejected        records the reader rejected (not part of {@code records})
 * @param minRings        smallest ring count kept by the filter
 * @param maxRings        largest ring count kept by the filter
 * @param filteredOut     records outside the ring range
 * @param itemCount       records used (after the filter); the split refers to indices 0..itemCount-1
 * @param trainIds        molecule ids of the training part
 * @param validationIds   molecule ids of the validation part
 * @param testIds         molecule ids of the test part (neither trained on nor used for validation)
 */
public record EdmDataSummary(String source, int records, int rejected, int minRings, int maxRings, int filteredOut,
        int itemCount, List<String> trainIds, List<String> validationIds, List<String> testIds) {

    public EdmDataSummary {
        Objects.requireNonNull(source, "source");
        trainIds = List.copyOf(trainIds);
        validationIds = List.copyOf(validationIds);
        testIds = List.copyOf(testIds);
    }

    /** A summary without a data set (a model that was never trained, e.g. in tests). */
    public static EdmDataSummary none() {
        return new EdmDataSummary("(none)", 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
    }
}
