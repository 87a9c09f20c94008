package org.knime.core.node;

// Mirrors org.knime.core.node.AbstractNodeView, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: the base of node views; the harness never opens one. */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    private final T viewableModel;

    protected AbstractNodeView(final T viewableModel) {
        this.viewableModel = viewableModel;
    }

    protected final T getViewableModel() {
        return viewableModel;
    }

    protected abstract void modelChanged();

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();

    /** A model a view can show. */
    public static interface ViewableModel {
    }
}
