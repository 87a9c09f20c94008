package org.gaudi.knime.nodes.edmlearner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the EDM Learner node (description: EdmLearnerNodeFactory.xml in nodes/). */
public final class EdmLearnerNodeFactory extends NodeFactory<EdmLearnerNodeModel> {

    @Override
    public EdmLearnerNodeModel createNodeModel() {
        return new EdmLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<EdmLearnerNodeModel> createNodeView(final int viewIndex,
            final EdmLearnerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EdmLearnerNodeDialog();
    }
}
