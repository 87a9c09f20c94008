package org.gaudi.knime.nodes.sampler;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Guided Sampler node (description: GuidedSamplerNodeFactory.xml in nodes/). */
public final class GuidedSamplerNodeFactory extends NodeFactory<GuidedSamplerNodeModel> {

    @Override
    public GuidedSamplerNodeModel createNodeModel() {
        return new GuidedSamplerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GuidedSamplerNodeModel> createNodeView(final int viewIndex,
            final GuidedSamplerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GuidedSamplerNodeDialog();
    }
}
