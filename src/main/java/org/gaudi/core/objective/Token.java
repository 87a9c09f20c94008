package org.gaudi.core.objective;

/** One lexical token: its kind, the text as written, its 1-based position, and for numbers the value. */
record Token(Kind kind, String text, int position, double number) {

    enum Kind {
        NUMBER, IDENT, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, END
    }

    /** @return how the token is quoted in messages, e.g. {@code ')'} or "the end of the text" */
    String describe() {
        return kind == Kind.END ? "the end of the text" : "'" + text + "'";
    }
}
