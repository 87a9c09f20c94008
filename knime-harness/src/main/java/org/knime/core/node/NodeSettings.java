package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.config.base.ConfigBase;

// Mirrors org.knime.core.node.NodeSettings, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a real, in-memory settings tree. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    private static final long serialVersionUID = 1L;

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
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
        NodeSettings c = new NodeSettings("ignored");
        c.load(in);
        return c;
    }
}
