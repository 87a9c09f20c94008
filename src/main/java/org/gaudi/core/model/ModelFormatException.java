package org.gaudi.core.model;

import java.io.IOException;

/** A model file (or model bytes) that cannot be used: not a model, damaged, truncated, wrong kind or too new. */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file or other source, named in the message
     * @param problem what is wrong, in words
     */
    public ModelFormatException(String source, String problem) {
        super("model file " + source + ": " + problem);
    }

    public ModelFormatException(String source, String problem, Throwable cause) {
        super("model file " + source + ": " + problem, cause);
    }
}
