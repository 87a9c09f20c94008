package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

// Mirrors org.knime.core.node.ModelContent, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a real, in-memory content tree. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    private static final long serialVersionUID = 1L;

    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent) getConfigBase(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent) addConfigBase(key);
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        addConfigBase(modelContent);
    }

    /** Reads content written by {@link #saveToXML(java.io.OutputStream)}; closes the stream. */
    public static ModelContentRO loadFromXML(final InputStream in) throws IOException {
        ModelContent c = new ModelContent("ignored");
        c.load(in);
        return c;
    }
}
