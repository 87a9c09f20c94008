package org.knime.core.internal;

// Mirrors org.knime.core.internal.SerializerMethodLoader, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset (only the marker interface the port serializers extend).
/** Harness stand-in: holder of the serializer marker interface. */
public final class SerializerMethodLoader {

    private SerializerMethodLoader() {
    }

    /** Marker of a serializer for objects of type {@code T}. */
    public static interface Serializer<T> {
    }
}
