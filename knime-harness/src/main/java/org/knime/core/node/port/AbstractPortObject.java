package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

// Mirrors org.knime.core.node.port.AbstractPortObject, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/**
 * Harness stand-in: a port object that writes its own zip
 * entries. The serializer first writes a {@code meta.xml} entry naming the class, then calls {@link #save}; loading
 * instantiates the class through its public no-arg constructor and calls {@link #load}.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Subclass it empty (as a public static nested class) and register it in plugin.xml. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
            extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(nonClosing(out));
            portObject.save(out, exec);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"meta.xml".equals(entry.getName())) {
                throw new IOException("Expected meta.xml file in stream, got " + (entry == null ? "none"
                        : entry.getName()));
            }
            ModelContentRO meta = ModelContent.loadFromXML(nonClosing(in));
            String className;
            try {
                className = meta.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
            T result;
            try {
                result = (T) Class.forName(className, true, getClass().getClassLoader()).asSubclass(
                        AbstractPortObject.class).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IOException("Failed to instantiate class \"" + className
                        + "\" (failed to invoke no-arg constructor): " + e, e);
            }
            result.load(in, spec, exec);
            return result;
        }
    }

    static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream stays open for the next entries
            }
        };
    }

    static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Public no-arg constructor; subclasses must provide one too (used when loading). */
    public AbstractPortObject() {
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
}
