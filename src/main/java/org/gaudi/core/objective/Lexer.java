package org.gaudi.core.objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits objective text into tokens. Numbers: {@code 12}, {@code 2.5}, {@code .5}, {@code 1e-3}, {@code 6.02E23}
 * (always non-negative; a leading minus is an operator). Identifiers: ASCII letters, digits and underscore, not
 * starting with a digit. The Unicode minus sign (U+2212) is read as '-', so text pasted from documents works.
 */
final class Lexer {
    private final String text;
    private int i;

    private Lexer(String text) {
        this.text = text;
    }

    /** @return the tokens of {@code text}, ending with an END token positioned just after the text */
    static List<Token> tokenize(String text) throws ObjectiveSyntaxException {
        return new Lexer(text).run();
    }

    private List<Token> run() throws ObjectiveSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                out.add(new Token(Token.Kind.END, "", text.length() + 1, Double.NaN));
                return out;
            }
            char c = text.charAt(i);
            int pos = i + 1;
            if (isDigit(c) || (c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1)))) {
                out.add(number());
            } else if (isIdentStart(c)) {
                int start = i;
                while (i < text.length() && isIdentPart(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, text.substring(start, i), pos, Double.NaN));
            } else {
                Token.Kind kind = switch (c) {
                    case '+' -> Token.Kind.PLUS;
                    case '-', '\u2212' -> Token.Kind.MINUS;
                    case '*' -> Token.Kind.STAR;
                    case '/' -> Token.Kind.SLASH;
                    case '^' -> Token.Kind.CARET;
                    case '(' -> Token.Kind.LPAREN;
                    case ')' -> Token.Kind.RPAREN;
                    case ',' -> Token.Kind.COMMA;
                    default -> null;
                };
                if (kind == null) {
                    String hint = c == '[' || c == '{' ? " (only round parentheses are allowed)"
                            : c == '.' ? " (a number needs digits after '.')"
                            : "";
                    throw new ObjectiveSyntaxException(text, pos,
                            "unexpected character '" + c + "'" + hint
                                    + "; expected a number, a property name, a function, + - * / ^ ( ) or ','");
                }
                i++;
                out.add(new Token(kind, String.valueOf(c), pos, Double.NaN));
            }
        }
    }

    private Token number() throws ObjectiveSyntaxException {
        int start = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i >= text.length() || !isDigit(text.charAt(i))) {
                throw new ObjectiveSyntaxException(text, mark + 1, "malformed number '"
                        + text.substring(start, Math.min(i, text.length())) + "': the exponent needs digits, e.g. 1e-3");
            }
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (isIdentPart(text.charAt(i)) || text.charAt(i) == '.')) {
            int end = i;
            while (end < text.length() && (isIdentPart(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            String hint = text.charAt(i) == '.' ? "" : " (write '*' for multiplication, e.g. 3*GAP_eV)";
            throw new ObjectiveSyntaxException(text, start + 1,
                    "malformed number '" + text.substring(start, end) + "'" + hint);
        }
        String literal = text.substring(start, i);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new ObjectiveSyntaxException(text, start + 1, "number '" + literal + "' is too large");
        }
        return new Token(Token.Kind.NUMBER, literal, start + 1, value);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /** @return whether {@code name} can be written as a property name in an objective */
    static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !isIdentStart(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(ch -> isIdentPart((char) ch));
    }
}
