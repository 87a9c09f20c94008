package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Harness stand-in for {@code org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection}: selects
 * one column of the table at input port {@code specIndex} whose type is compatible with one of the given value
 * classes. As in KNIME, the dialog does not open (NotConfigurableException) without that spec or, when a column is
 * required, without a compatible column; a stored column that is not offered is replaced by the first compatible
 * column; saving stores the selected column in the model. (The RowID option of {@code SettingsModelColumnName} is not
 * part of the harness.)
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final String label;
    private final int specIndex;
    private final boolean required;
    private final List<Class<? extends DataValue>> classFilter;
    private final List<String> choices = new ArrayList<>();
    private String selected;

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
        this.label = label;
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
        choices.clear();
        for (DataColumnSpec col : (DataTableSpec) spec) {
            if (include(col)) {
                choices.add(col.getName());
            }
        }
        String wanted = ((SettingsModelString) getModel()).getStringValue();
        selected = choices.contains(wanted) ? wanted : choices.isEmpty() ? null : choices.get(0);
        ((SettingsModelString) getModel()).setStringValue(selected);
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString) getModel()).setStringValue(selected);
    }

    /** The name of the selected column, or null. */
    public final String getSelected() {
        return selected;
    }

    /** Harness accessor: the label. */
    public String getLabel() {
        return label;
    }

    /** Harness accessor: the columns offered, in table order. */
    public List<String> getChoices() {
        return List.copyOf(choices);
    }

    /** Harness accessor: the value classes a column must be compatible with. */
    public List<Class<? extends DataValue>> getClassFilter() {
        return classFilter;
    }
}
