package org.gaudi.knime.port;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Base of the specs of GaUDI model ports: a {@link ModelInfo} of the kind the concrete port expects. Available at
 * configure time, so downstream nodes can check target names, vocabulary and schedule before executing.
 */
public abstract class ModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    private ModelInfo info;

    /** For the serializer only; {@link #load} fills the spec. */
    protected ModelPortObjectSpec() {
    }

    protected ModelPortObjectSpec(final ModelInfo info) {
        if (info == null) {
            throw new NullPointerException("model info");
        }
        if (!expectedKind().equals(info.kind())) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " needs a model of kind '"
                    + expectedKind() + "', got '" + info.kind() + "'");
        }
        checkInfo(info);
        this.info = info;
    }

    /** The {@link ModelInfo#kind()} this port carries, e.g. "edm". */
    protected abstract String expectedKind();

    /** Further checks of the concrete port (e.g. a predictor needs targets). */
    protected void checkInfo(final ModelInfo modelInfo) {
        // no further constraint by default
    }

    /** What the model is. */
    public ModelInfo getModelInfo() {
        return info;
    }

    @Override
    protected void save(final ModelContentWO model) {
        info.save(model);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        ModelInfo loaded = ModelInfo.load(model);
        if (!expectedKind().equals(loaded.kind())) {
            throw new InvalidSettingsException("port spec holds a model of kind '" + loaded.kind()
                    + "', expected '" + expectedKind() + "'");
        }
        try {
            checkInfo(loaded);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        info = loaded;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ModelSummaryView.create("Model", info, -1)};
    }

    @Override
    public String toString() {
        return info == null ? getClass().getSimpleName() + "[empty]" : info.summary();
    }
}
