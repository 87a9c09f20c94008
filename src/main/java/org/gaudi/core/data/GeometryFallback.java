package org.gaudi.core.data;

import java.util.Objects;

/**
 * A loaded record whose geometry is the lattice embedding of its graph rather than the coordinates its source was
 * meant to give (see {@link FallbackReason}).
 *
 * @param source file the record came from
 * @param line   1-based line (CSV) or record number (SDF)
 * @param id     the molecule id
 * @param reason why its coordinates were not used
 */
public record GeometryFallback(String source, long line, String id, FallbackReason reason) {
    public GeometryFallback {
        Objects.requireNonNull(source);
        Objects.requireNonNull(id);
        Objects.requireNonNull(reason);
    }

    @Override
    public String toString() {
        return source + ":" + line + " [" + id + "]: " + reason.description();
    }
}
