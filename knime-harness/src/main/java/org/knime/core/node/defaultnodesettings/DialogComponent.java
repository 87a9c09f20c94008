package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponent}: a dialog element bound to a
 * {@link SettingsModel}. The harness transfers settings through the model but builds no Swing components. Loading
 * runs, as in KNIME, {@link #checkConfigurabilityBeforeLoad}, the model's dialog load and {@link #updateComponent()};
 * saving runs {@link #validateSettingsBeforeSave()} first. (In KNIME these hooks are abstract; here they default to
 * doing nothing, so components without spec-dependent state need not implement them.)
 */
public abstract class DialogComponent {

    private final SettingsModel model;
    private PortObjectSpec[] lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel must not be null");
        }
        this.model = model;
    }

    public final SettingsModel getModel() {
        return model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        checkConfigurabilityBeforeLoad(specs);
        lastSpecs = specs;
        model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        model.dlgSaveSettingsTo(settings);
    }

    /** The spec at input port {@code portID} the dialog was last opened with, or null. */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        if (lastSpecs == null || portID < 0 || portID >= lastSpecs.length) {
            return null;
        }
        return lastSpecs[portID];
    }

    /** Brings the component in line with the model (after loading). */
    protected void updateComponent() {
        // no component state by default
    }

    /** Transfers the component's state into the model before saving; may reject it. */
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // no component state by default
    }

    /** Refuses to open the dialog when the input specs do not allow configuring this component. */
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable by default
    }
}
