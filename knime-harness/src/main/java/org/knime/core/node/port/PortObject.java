package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

// Mirrors org.knime.core.node.port.PortObject, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in. */
public interface PortObject {

    /** The port type accepting any port object. */
    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** Optional variant of {@link #TYPE}. */
    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /** Reads and writes port objects of one class; implementations are registered in plugin.xml. */
    abstract class PortObjectSerializer<T extends PortObject> implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException;
    }

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();
}
