package org.gaudi.knime.nodes.clmsampler;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Chemical Language Model Sampler node (description: ClmSamplerNodeFactory.xml in nodes/). */
public final class ClmSamplerNodeFactory extends NodeFactory<ClmSamplerNodeModel> {

    @Override
    public ClmSamplerNodeModel createNodeModel() {
        return new ClmSamplerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ClmSamplerNodeModel> createNodeView(final int viewIndex, final ClmSamplerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClmSamplerNodeDialog();
    }
}
