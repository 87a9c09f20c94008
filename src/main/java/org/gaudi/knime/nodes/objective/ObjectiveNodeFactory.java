package org.gaudi.knime.nodes.objective;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Objective node (description: ObjectiveNodeFactory.xml in nodes/). */
public final class ObjectiveNodeFactory extends NodeFactory<ObjectiveNodeModel> {

    @Override
    public ObjectiveNodeModel createNodeModel() {
        return new ObjectiveNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ObjectiveNodeModel> createNodeView(final int viewIndex,
            final ObjectiveNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ObjectiveNodeDialog();
    }
}
