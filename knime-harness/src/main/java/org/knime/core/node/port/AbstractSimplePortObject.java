package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

// Mirrors org.knime.core.node.port.AbstractSimplePortObject, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/**
 * Harness stand-in: a port object that saves itself to
 * a {@link ModelContentWO}. The serializer writes one {@code content.xml} entry (version, class name and the
 * object's content under {@code model}); loading instantiates the class through its public no-arg constructor and
 * calls {@link #load}. Equality compares the saved content.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    /** Subclass it empty (as a public static nested class) and register it in plugin.xml. */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
            extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"), exec);
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(AbstractPortObject.nonClosing(out));
        }

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got " + (entry == null ? "none"
                        : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(AbstractPortObject.nonClosing(in));
            String className;
            try {
                className = model.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
            T result;
            try {
                result = (T) Class.forName(className, true, getClass().getClassLoader()).asSubclass(
                        AbstractSimplePortObject.class).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IOException("Failed to instantiate class \"" + className
                        + "\" (failed to invoke no-arg constructor): " + e, e);
            }
            try {
                result.load(model.getModelContent("model"), spec, exec);
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content into \"" + className + "\": " + e.getMessage(),
                        e);
            }
            return result;
        }
    }

    /** Public no-arg constructor; subclasses must provide one too (used when loading). */
    public AbstractSimplePortObject() {
    }

    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
            throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        throw new UnsupportedOperationException("harness: the default model content view is not available");
    }

    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        if (oport == null || oport.getClass() != getClass()) {
            return false;
        }
        return content(this).equals(content((AbstractSimplePortObject) oport));
    }

    @Override
    public int hashCode() {
        return content(this).hashCode();
    }

    private static ModelContent content(AbstractSimplePortObject o) {
        ModelContent c = new ModelContent("ignored");
        try {
            o.save(c, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IllegalStateException("saving to memory was cancelled", e);
        }
        return c;
    }
}
