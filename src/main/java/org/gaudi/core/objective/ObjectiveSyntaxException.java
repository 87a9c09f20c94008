package org.gaudi.core.objective;

/**
 * An objective text that cannot be parsed (or bound to a predictor's targets). Carries the 1-based character
 * position of the problem in the text, the bare problem description, and a caret excerpt; {@link #getMessage()}
 * combines all three, e.g.
 *
 * <pre>
 * column 14: unknown property 'GAP_ev'; did you mean 'GAP_eV'? Valid properties: LUMO_eV, GAP_eV
 *   minimize abs(GAP_ev - 2.5)
 *                ^
 * </pre>
 */
public final class ObjectiveSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;
    private final String excerpt;

    /**
     * @param text the full objective text
     * @param position 1-based character position (length + 1 for "at the end")
     * @param problem what is wrong, without position
     */
    public ObjectiveSyntaxException(String text, int position, String problem) {
        super(format(text, position, problem));
        this.position = position;
        this.problem = problem;
        this.excerpt = excerpt(text, position);
    }

    /** @return the 1-based character position in the objective text (text length + 1 means "at the end") */
    public int position() {
        return position;
    }

    /** @return the problem without position or excerpt */
    public String problem() {
        return problem;
    }

    /** @return the line of the text holding the position, and a caret line under it */
    public String excerpt() {
        return excerpt;
    }

    /** "column N" for one-line texts; "character N (line L, column C)" when the text has several lines. */
    private static String format(String text, int position, String problem) {
        String t = text == null ? "" : text;
        String where = "column " + position;
        if (t.indexOf('\n') >= 0) {
            int index = Math.max(0, Math.min(position - 1, t.length()));
            int line = 1 + (int) t.substring(0, index).chars().filter(c -> c == '\n').count();
            int column = index - t.lastIndexOf('\n', index - 1);
            where = "character " + position + " (line " + line + ", column " + column + ")";
        }
        return where + ": " + problem + System.lineSeparator() + excerpt(t, position);
    }

    /** The line containing the position (tabs shown as spaces so the caret lines up) and a caret under it. */
    private static final int EXCERPT_HALF_WIDTH = 60;

    static String excerpt(String text, int position) {
        String t = text == null ? "" : text;
        int index = Math.max(0, Math.min(position - 1, t.length()));
        int lineStart = t.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = t.indexOf('\n', index);
        if (lineEnd < 0) {
            lineEnd = t.length();
        }
        // a window around the problem, so that a very long objective does not flood the console
        int from = Math.max(lineStart, index - EXCERPT_HALF_WIDTH);
        int to = Math.min(lineEnd, index + EXCERPT_HALF_WIDTH);
        String head = from > lineStart ? "..." : "";
        String tail = to < lineEnd ? "..." : "";
        String line = head + t.substring(from, to).replace('\t', ' ').replace('\r', ' ') + tail;
        return "  " + line + System.lineSeparator() + "  " + " ".repeat(head.length() + index - from) + "^";
    }
}
