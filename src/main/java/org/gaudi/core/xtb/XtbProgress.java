package org.gaudi.core.xtb;

/** Receives progress of a batch of xtb runs. */
@FunctionalInterface
public interface XtbProgress {
    /** {@code done} of {@code total} molecules finished; {@code message} says how the batch is going. */
    void update(int done, int total, String message);
}
