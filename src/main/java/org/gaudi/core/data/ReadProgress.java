package org.gaudi.core.data;

/**
 * Progress callback of the dataset readers, called every few hundred records. To cancel a read, throw
 * {@link java.util.concurrent.CancellationException} from it; the reader stops and returns nothing.
 */
@FunctionalInterface
public interface ReadProgress {
    /** No reporting. */
    ReadProgress NONE = (done, total) -> { };

    /**
     * @param done  records processed so far
     * @param total records to process, or -1 when not known in advance
     */
    void update(long done, long total);
}
