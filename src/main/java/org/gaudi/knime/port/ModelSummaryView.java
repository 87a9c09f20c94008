package org.gaudi.knime.port;

import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;

/** The port view of a GaUDI model: a read-only HTML table of its {@link ModelInfo}. */
final class ModelSummaryView {

    private ModelSummaryView() {
    }

    /**
     * @param title view (tab) name
     * @param fileBytes size of the model file, or -1 if not known (spec views)
     */
    static JComponent create(final String title, final ModelInfo info, final long fileBytes) {
        JEditorPane pane = new JEditorPane("text/html", html(info, fileBytes));
        pane.setEditable(false);
        JScrollPane scroll = new JScrollPane(pane);
        scroll.setName(title);
        return scroll;
    }

    static String html(final ModelInfo info, final long fileBytes) {
        StringBuilder sb = new StringBuilder("<html><body><table>");
        for (String[] row : info.rows()) {
            sb.append("<tr><td><b>").append(escape(row[0])).append("</b></td><td>").append(escape(row[1]))
                    .append("</td></tr>");
        }
        if (fileBytes >= 0) {
            sb.append("<tr><td><b>model file</b></td><td>").append(fileBytes).append(" bytes</td></tr>");
        }
        return sb.append("</table></body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
