package org.knime.core.node;

import org.knime.core.node.message.Message;

// Mirrors org.knime.core.node.NodeView, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a Swing view of a node model (the node layer currently has no node views). */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        throw new UnsupportedOperationException("The harness opens no views");
    }

    @Override
    public final void callCloseView() {
        onClose();
    }

    @Override
    public void warningChanged(final Message warning) {
        // no warning label in the harness
    }
}
