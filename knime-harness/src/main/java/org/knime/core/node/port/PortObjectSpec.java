package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;

// Mirrors org.knime.core.node.port.PortObjectSpec, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/** Harness stand-in. */
public interface PortObjectSpec {

    /** Reads and writes specs of one class; implementations are registered in plugin.xml. */
    abstract class PortObjectSpecSerializer<T extends PortObjectSpec> implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
                throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }

    JComponent[] getViews();
}
