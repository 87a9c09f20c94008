package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.stream.Collectors;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

// Mirrors org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: selects one column of the table at input port {@code specIndex} whose type is compatible with one
 * of the given value classes. As in KNIME, the dialog does not open (NotConfigurableException) without that spec or,
 * when a column is required, without a compatible column; a stored column that is not offered is replaced by the first
 * compatible column; saving stores the selected column in the model. The drop-down holds the offered columns' specs.
 * (The RowID option of {@code SettingsModelColumnName} is not part of the harness.)
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final JLabel label;
    private final JComboBox<DataColumnSpec> combo = new JComboBox<>();
    private final int specIndex;
    private final boolean required;
    private final List<Class<? extends DataValue>> classFilter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
            final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
            final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        super(model);
        if (classFilter == null || classFilter.length == 0) {
            throw new NullPointerException("Classes must not be null");
        }
        this.label = new JLabel(label);
        getComponentPanel().add(this.label);
        getComponentPanel().add(combo);
        this.specIndex = specIndex;
        this.required = isRequired;
        this.classFilter = List.of(classFilter);
    }

    private boolean include(final DataColumnSpec col) {
        for (Class<? extends DataValue> c : classFilter) {
            if (col.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= specIndex) {
            throw new NotConfigurableException("Need input table spec to configure dialog. Configure or execute "
                    + "predecessor nodes.");
        }
        if (specs[specIndex] != null && !(specs[specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Wrong type of PortObject for ColumnNameSelection, expecting "
                    + "DataTableSpec!");
        }
        if (!required) {
            return;
        }
        DataTableSpec spec = (DataTableSpec) specs[specIndex];
        if (spec == null) {
            throw new NotConfigurableException("Need input table spec to configure dialog. Configure or execute "
                    + "predecessor nodes.");
        }
        for (DataColumnSpec col : spec) {
            if (include(col)) {
                return;
            }
        }
        throw new NotConfigurableException("No column in spec compatible to " + classFilter.stream()
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "\"", "\"")) + ".");
    }

    @Override
    protected void updateComponent() {
        PortObjectSpec spec = getLastTableSpec(specIndex);
        if (!(spec instanceof DataTableSpec)) {
            return;
        }
        combo.removeAllItems();
        String wanted = ((SettingsModelString) getModel()).getStringValue();
        DataColumnSpec select = null;
        for (DataColumnSpec col : (DataTableSpec) spec) {
            if (include(col)) {
                combo.addItem(col);
                if (select == null || col.getName().equals(wanted) && !select.getName().equals(wanted)) {
                    select = col;
                }
            }
        }
        combo.setSelectedItem(select);
        ((SettingsModelString) getModel()).setStringValue(getSelected());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString) getModel()).setStringValue(getSelected());
    }

    public final DataColumnSpec getSelectedAsSpec() {
        return (DataColumnSpec) combo.getSelectedItem();
    }

    public final String getSelected() {
        DataColumnSpec col = getSelectedAsSpec();
        return col == null ? null : col.getName();
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        combo.setToolTipText(text);
        label.setToolTipText(text);
    }
}
