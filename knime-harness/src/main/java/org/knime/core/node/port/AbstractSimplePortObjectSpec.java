package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

// Mirrors org.knime.core.node.port.AbstractSimplePortObjectSpec, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/**
 * Harness stand-in: a spec that saves itself to a
 * {@link ModelContentWO}. The serializer writes one {@code content.xml} entry; equality compares saved content.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /** Subclass it empty (as a public static nested class) and register it in plugin.xml. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
            extends PortObjectSpecSerializer<T> {

        @Override
        public void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
                throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObjectSpec.getClass().getName());
            portObjectSpec.save(model.addModelContent("model"));
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(AbstractPortObject.nonClosing(out));
        }

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
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
                        AbstractSimplePortObjectSpec.class).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IOException("Failed to instantiate class \"" + className
                        + "\" (failed to invoke no-arg constructor): " + e, e);
            }
            try {
                result.load(model.getModelContent("model"));
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content into \"" + className + "\": " + e.getMessage(),
                        e);
            }
            return result;
        }
    }

    /** Public no-arg constructor; subclasses must provide one too (used when loading). */
    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        throw new UnsupportedOperationException("harness: the default spec view is not available");
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        if (ospec == null || ospec.getClass() != getClass()) {
            return false;
        }
        ModelContent t = new ModelContent("ignored");
        ModelContent o = new ModelContent("ignored");
        save(t);
        ((AbstractSimplePortObjectSpec) ospec).save(o);
        return t.equals(o);
    }

    @Override
    public int hashCode() {
        ModelContent t = new ModelContent("ignored");
        save(t);
        return t.hashCode();
    }
}
