package org.gaudi.knime.testsupport;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.ListModel;
import javax.swing.border.TitledBorder;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.NodeDialogPane;

/**
 * Test support (not KNIME API): reads what a node dialog shows through KNIME's public Swing surface
 * ({@link NodeDialogPane#getPanel()}), so the same test reads the real KNIME dialog and the harness one.
 */
public final class DialogContents {

    private DialogContents() {
    }

    /**
     * The names a user sees for the dialog's options: every label and check box text, and the title of every
     * titled group that has no label of its own inside (e.g. a group holding just a file chooser).
     */
    public static List<String> optionNames(final NodeDialogPane dialog) {
        List<String> names = new ArrayList<>();
        collectNames(dialog.getPanel(), names);
        return names;
    }

    private static void collectNames(final Component c, final List<String> names) {
        if (c instanceof JLabel && !isBlank(((JLabel) c).getText())) {
            names.add(((JLabel) c).getText().trim());
        } else if (c instanceof JCheckBox && !isBlank(((AbstractButton) c).getText())) {
            names.add(((AbstractButton) c).getText().trim());
        }
        if (c instanceof JComponent && ((JComponent) c).getBorder() instanceof TitledBorder && !hasLabel(c)) {
            names.add(((TitledBorder) ((JComponent) c).getBorder()).getTitle().trim());
        }
        if (c instanceof Container) {
            for (Component child : ((Container) c).getComponents()) {
                collectNames(child, names);
            }
        }
    }

    private static boolean hasLabel(final Component c) {
        if (c instanceof JLabel || c instanceof JCheckBox) {
            return true;
        }
        if (c instanceof Container) {
            for (Component child : ((Container) c).getComponents()) {
                if (hasLabel(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entries offered by the drop-down or list shown beside the label {@code label} (column specs by name). */
    public static List<String> choices(final NodeDialogPane dialog, final String label) {
        Container row = labelled(dialog.getPanel(), label);
        if (row == null) {
            throw new AssertionError("no option labelled \"" + label + "\" in the dialog; options: "
                    + optionNames(dialog));
        }
        List<String> out = new ArrayList<>();
        Component chooser = first(row);
        if (chooser instanceof JComboBox) {
            JComboBox<?> box = (JComboBox<?>) chooser;
            for (int i = 0; i < box.getItemCount(); i++) {
                out.add(text(box.getItemAt(i)));
            }
        } else if (chooser instanceof JList) {
            ListModel<?> m = ((JList<?>) chooser).getModel();
            for (int i = 0; i < m.getSize(); i++) {
                out.add(text(m.getElementAt(i)));
            }
        } else {
            throw new AssertionError("the option \"" + label + "\" offers no choices");
        }
        return out;
    }

    /** The panel holding the label {@code label} (a dialog component's own panel). */
    private static Container labelled(final Container c, final String label) {
        for (Component child : c.getComponents()) {
            if (child instanceof JLabel && label.equals(((JLabel) child).getText())) {
                return c;
            }
            if (child instanceof Container) {
                Container found = labelled((Container) child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Component first(final Container c) {
        for (Component child : c.getComponents()) {
            if (child instanceof JComboBox || child instanceof JList) {
                return child;
            }
            if (child instanceof Container) {
                Component found = first((Container) child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String text(final Object item) {
        return item instanceof DataColumnSpec ? ((DataColumnSpec) item).getName() : String.valueOf(item);
    }

    private static boolean isBlank(final String s) {
        return s == null || s.isBlank();
    }
}
