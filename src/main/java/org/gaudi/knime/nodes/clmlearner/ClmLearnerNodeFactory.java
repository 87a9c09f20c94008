package org.gaudi.knime.nodes.clmlearner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Chemical Language Model Learner node (description: ClmLearnerNodeFactory.xml in nodes/). */
public final class ClmLearnerNodeFactory extends NodeFactory<ClmLearnerNodeModel> {

    @Override
    public ClmLearnerNodeModel createNodeModel() {
        return new ClmLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ClmLearnerNodeModel> createNodeView(final int viewIndex, final ClmLearnerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClmLearnerNodeDialog();
    }
}
