package org.knime.core.node.port;

import org.knime.core.internal.SerializerMethodLoader;

import java.io.IOException;

import javax.swing.JComponent;

/** Harness stand-in for {@code org.knime.core.node.port.PortObjectSpec}. */
public interface PortObjectSpec {

    /** Reads and writes specs of one class; implementations are registered in plugin.xml. */
    abstract class PortObjectSpecSerializer<T extends PortObjectSpec> implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
                throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }

    JComponent[] getViews();
}
