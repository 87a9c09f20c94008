package org.gaudi.knime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;

/**
 * For every node registered in plugin.xml: the default settings survive save → validate → load → save unchanged,
 * as when KNIME stores and reopens a workflow. (Per-node tests cover non-default and invalid values.)
 */
public class AllNodesSettingsTest {

    @Test
    public void defaultSettingsRoundTripForEveryNode() throws Exception {
        int nodes = 0;
        for (Element n : PluginXml.load().nodes()) {
            NodeFactory<?> factory = (NodeFactory<?>) Class.forName(n.getAttribute("factory-class"))
                    .getDeclaredConstructor().newInstance();
            NodeSettings saved = new NodeDriver<>(factory).saveModelSettings();
            assertFalse(factory.getClass().getSimpleName() + " saves no settings", saved.keySet().isEmpty());
            NodeDriver<?> fresh = new NodeDriver<>(factory);
            fresh.validateModelSettings(saved);
            fresh.loadModelSettings(saved);
            assertEquals(factory.getClass().getSimpleName(), saved, fresh.saveModelSettings());
            nodes++;
        }
        assertFalse("no nodes in plugin.xml", nodes == 0);
    }
}
