package org.knime.core.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/** Harness stand-in for {@code org.knime.core.node.ModelContent}: a real, in-memory content tree. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

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
        byte[] xml = in.readAllBytes();
        in.close();
        ModelContent c = new ModelContent(rootKey(xml));
        load(new ByteArrayInputStream(xml), c);
        return c;
    }
}
