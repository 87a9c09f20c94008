package org.knime.core.node;

/** Harness stand-in for {@code org.knime.core.node.NodeView} (the node layer currently has no node views). */
public abstract class NodeView<T extends NodeModel> {

    private final T nodeModel;

    protected NodeView(final T nodeModel) {
        this.nodeModel = nodeModel;
    }

    protected T getNodeModel() {
        return nodeModel;
    }

    protected abstract void modelChanged();

    protected abstract void onClose();

    protected abstract void onOpen();
}
