package org.knime.core.data.convert.map;

// Mirrors org.knime.core.data.convert.map.IdentifiableType, KNIME 5.5.0 (knime-core analytics-platform/5.5.0).
/** Harness stand-in: a type with an identifier that never changes. */
public interface IdentifiableType {

    String getIdentifier();
}
