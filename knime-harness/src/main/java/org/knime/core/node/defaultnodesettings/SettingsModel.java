package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModel, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/**
 * Harness stand-in. As in KNIME, saving writes
 * the value(s) plus a {@code <configName>_Internals} sub-config holding {@code SettingsModelID} and
 * {@code EnabledStatus}; validation and loading honour a saved disabled state and tolerate absent internals.
 */
public abstract class SettingsModel {

    /** Suffix of the sub-config with a model's type id and enabled state. */
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    private boolean enabled = true;

    public SettingsModel() {
    }

    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
            throws InvalidSettingsException {
        T result = createClone();
        ((SettingsModel) result).enabled = enabled;
        ((SettingsModel) result).readEnableStatusAndCheckModelID(settings);
        ((SettingsModel) result).loadSettingsForModel(settings);
        return result;
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
            throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        try {
            readEnableStatusAndCheckModelID(settings);
        } catch (InvalidSettingsException e) {
            // dialogs must open on any settings, even empty ones
        }
        loadSettingsForDialog(settings, specs);
    }

    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnableStatusAndModelID(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (enabled) {
                throw e;
            }
        }
    }

    public void addChangeListener(final ChangeListener l) {
        listeners.addIfAbsent(l);
    }

    public void removeChangeListener(final ChangeListener l) {
        listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        for (ChangeListener l : listeners) {
            l.stateChanged(new ChangeEvent(this));
        }
    }

    public void setEnabled(final boolean enabled) {
        boolean notify = this.enabled != enabled;
        this.enabled = enabled;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean old = enabled;
        readEnableStatusAndCheckModelID(settings);
        boolean savedEnabled = enabled;
        enabled = old;
        if (savedEnabled) {
            validateSettingsForModel(settings);
        }
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatusAndCheckModelID(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (enabled) {
                throw e;
            }
        }
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveEnableStatusAndModelID(settings);
        saveSettingsForModel(settings);
    }

    private void readEnableStatusAndCheckModelID(final NodeSettingsRO settings) throws InvalidSettingsException {
        Config idCfg;
        try {
            idCfg = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        } catch (InvalidSettingsException e) {
            return; // older settings have no internals
        }
        String id = idCfg.getString(CFGKEY_MODELID);
        enabled = idCfg.getBoolean(CFGKEY_ENABLESTAT);
        assert getModelTypeID().equals(id) : "Incorrect Implementation: the SettingsModel used to write the values "
                + "(" + id + ") differs from the one reading them (" + getModelTypeID() + ", " + this + ")";
    }

    private void saveEnableStatusAndModelID(final NodeSettingsWO settings) {
        Config c = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        c.addString(CFGKEY_MODELID, getModelTypeID());
        c.addBoolean(CFGKEY_ENABLESTAT, enabled);
    }

    @Override
    public abstract String toString();
}
