package org.gaudi.knime.port;

import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;

import org.gaudi.core.objective.Objective;

/** The port view of an objective: its text, direction, the properties it reads and the predictor's targets. */
final class ObjectiveView {

    private ObjectiveView() {
    }

    static JComponent create(final Objective objective) {
        JEditorPane pane = new JEditorPane("text/html", html(objective));
        pane.setEditable(false);
        JScrollPane scroll = new JScrollPane(pane);
        scroll.setName("Objective");
        return scroll;
    }

    static String html(final Objective o) {
        return "<html><body><table>"
                + row("objective", o.toText())
                + row("direction", o.direction().keyword() + " (the sampler minimises "
                        + (o.direction().lossSign() > 0 ? "the value" : "minus the value") + ")")
                + row("reads", String.join(", ", o.referencedNames()))
                + row("predictor targets", String.join(", ", o.targetNames()))
                + "</table></body></html>";
    }

    private static String row(String k, String v) {
        return "<tr><td><b>" + escape(k) + "</b></td><td>" + escape(v) + "</td></tr>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
