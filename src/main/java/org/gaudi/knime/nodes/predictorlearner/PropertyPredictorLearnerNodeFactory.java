package org.gaudi.knime.nodes.predictorlearner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Property Predictor Learner node (description: PropertyPredictorLearnerNodeFactory.xml in nodes/). */
public final class PropertyPredictorLearnerNodeFactory extends NodeFactory<PropertyPredictorLearnerNodeModel> {

    @Override
    public PropertyPredictorLearnerNodeModel createNodeModel() {
        return new PropertyPredictorLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PropertyPredictorLearnerNodeModel> createNodeView(final int viewIndex,
            final PropertyPredictorLearnerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PropertyPredictorLearnerNodeDialog();
    }
}
