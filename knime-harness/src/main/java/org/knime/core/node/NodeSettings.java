package org.knime.core.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/** Harness stand-in for {@code org.knime.core.node.NodeSettings}: a real, in-memory settings tree. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings) getConfigBase(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings) addConfigBase(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfigBase(settings);
    }

    /** Reads settings written by {@link #saveToXML(java.io.OutputStream)}; closes the stream. */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        byte[] xml = in.readAllBytes();
        in.close();
        NodeSettings s = new NodeSettings(rootKey(xml));
        load(new ByteArrayInputStream(xml), s);
        return s;
    }
}
