package org.gaudi.knime.nodes.reader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the GOR Dataset Reader node (description: GorDatasetReaderNodeFactory.xml in nodes/). */
public final class GorDatasetReaderNodeFactory extends NodeFactory<GorDatasetReaderNodeModel> {

    @Override
    public GorDatasetReaderNodeModel createNodeModel() {
        return new GorDatasetReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GorDatasetReaderNodeModel> createNodeView(final int viewIndex,
            final GorDatasetReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GorDatasetReaderNodeDialog();
    }
}
