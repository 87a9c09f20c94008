package org.gaudi.core.data;

import java.io.IOException;

/**
 * A dataset file that cannot be used at all (empty, missing a required column, no usable record). The message names
 * the file and says what was expected; per-record problems are {@link Rejection}s instead.
 */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }
}
