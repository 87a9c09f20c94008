package org.knime.core.node.port;

import java.util.Objects;

// Mirrors org.knime.core.node.port.PortType, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in; instances come from
 * {@link PortTypeRegistry#getPortType(Class)}.
 */
public final class PortType {

    private final Class<? extends PortObject> objectClass;
    private final boolean optional;
    private final String name;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional, final String name) {
        this.objectClass = Objects.requireNonNull(objectClass);
        this.optional = optional;
        this.name = name;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return objectClass;
    }

    public boolean isOptional() {
        return optional;
    }

    public String getName() {
        return name;
    }

    /** Whether objects of {@code cl} can be connected to a port of this type. */
    public boolean acceptsPortObjectClass(final Class<? extends PortObject> cl) {
        return objectClass.isAssignableFrom(cl);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PortType && ((PortType) o).objectClass == objectClass
                && ((PortType) o).optional == optional;
    }

    @Override
    public int hashCode() {
        return objectClass.hashCode() + (optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return name + (optional ? " (optional)" : "");
    }
}
