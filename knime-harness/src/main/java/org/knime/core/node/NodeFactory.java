package org.knime.core.node;

// Mirrors org.knime.core.node.NodeFactory, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in. KNIME reads the node description
 * {@code <FactorySimpleName>.xml} beside the factory; the harness does not (the project's tests check it).
 *
 * @param <T> the node model type
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** Node types, as used in the {@code type} attribute of a node description. */
    public enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut, Container
    }

    protected NodeFactory() {
        this(false);
    }

    protected NodeFactory(final boolean lazyInitialization) {
        // the harness has no description to initialise
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();
}
