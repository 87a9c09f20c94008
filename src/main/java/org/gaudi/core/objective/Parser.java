package org.gaudi.core.objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for objective texts.
 *
 * <pre>
 * objective := ('minimize' | 'maximize') expr END        (keywords case-insensitive)
 * expr      := term (('+' | '-') term)*                   left-associative
 * term      := unary (('*' | '/') unary)*                 left-associative
 * unary     := ('-' | '+') unary | power
 * power     := primary ('^' unary)?                       right-associative; -x^2 = -(x^2), 2^-1 = 0.5
 * primary   := NUMBER | NAME | FUNCTION '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * When a list of target names is given, every property name must be one of them.
 *
 * <p>The parser and every evaluator recurse over the expression tree, so its depth is limited to
 * {@value #MAX_DEPTH} levels (nested parentheses, calls, signs and chained operators, e.g. a sum of that many
 * terms): a longer objective is refused with a clear message instead of overflowing the stack.
 */
final class Parser {
    /** Deepest expression tree accepted; far beyond any objective a person writes. */
    static final int MAX_DEPTH = 200;

    private final String text;
    private final List<Token> tokens;
    private final List<String> targetNames;
    private int next;
    private int depth;

    private Parser(String text, List<Token> tokens, List<String> targetNames) {
        this.text = text;
        this.tokens = tokens;
        this.targetNames = targetNames;
    }

    /** Parsed direction and expression. */
    record Result(Direction direction, Expr expression) {
    }

    /**
     * @param targetNames the allowed property names, or {@code null} to accept any name
     */
    static Result parse(String text, List<String> targetNames) throws ObjectiveSyntaxException {
        Parser p = new Parser(text, Lexer.tokenize(text), targetNames);
        return p.objective();
    }

    private Result objective() throws ObjectiveSyntaxException {
        Token first = peek();
        Direction direction = first.kind() == Token.Kind.IDENT ? Direction.fromKeyword(first.text()) : null;
        if (direction == null) {
            throw missingDirection(first);
        }
        next++;
        if (peek().kind() == Token.Kind.END) {
            throw error(peek(), "expected an expression after '" + first.text() + "' but the text ends");
        }
        Expr e = expr();
        Token t = peek();
        if (t.kind() == Token.Kind.END && depthOf(e) > MAX_DEPTH) {
            throw new ObjectiveSyntaxException(text, 1, "objective too long: its expression is " + depthOf(e)
                    + " levels deep (e.g. a sum of that many terms), the limit is " + MAX_DEPTH
                    + "; combine terms (e.g. 3*x instead of x + x + x)");
        }
        if (t.kind() != Token.Kind.END) {
            if (t.kind() == Token.Kind.RPAREN) {
                throw error(t, "unmatched ')': there is no '(' for it to close");
            }
            throw error(t, "unexpected " + t.describe()
                    + " after the end of the expression (an operator such as + - * / ^ may be missing)");
        }
        return new Result(direction, e);
    }

    private ObjectiveSyntaxException missingDirection(Token first) {
        String usage = "an objective starts with 'minimize' or 'maximize', e.g. 'maximize GAP_eV'";
        if (first.kind() == Token.Kind.END) {
            return new ObjectiveSyntaxException(text, 1, "empty objective: " + usage);
        }
        if (first.kind() == Token.Kind.IDENT) {
            String close = Suggestions.closest(first.text(), List.of("minimize", "maximize"));
            if (close != null) {
                return error(first, "unknown direction '" + first.text() + "'; did you mean '" + close + "'? "
                        + usage);
            }
        }
        return error(first, "missing direction: " + usage);
    }

    private Expr expr() throws ObjectiveSyntaxException {
        Expr left = term();
        while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            Token op = take();
            Expr right = term();
            left = new Expr.Binary(op.kind() == Token.Kind.PLUS ? Expr.Op.ADD : Expr.Op.SUB, left, right,
                    op.position());
        }
        return left;
    }

    private Expr term() throws ObjectiveSyntaxException {
        Expr left = unary();
        while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
            Token op = take();
            Expr right = unary();
            left = new Expr.Binary(op.kind() == Token.Kind.STAR ? Expr.Op.MUL : Expr.Op.DIV, left, right,
                    op.position());
        }
        return left;
    }

    private Expr unary() throws ObjectiveSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "objective nested too deeply: more than " + MAX_DEPTH
                    + " levels of parentheses, function calls or signs");
        }
        try {
            return signedOrPower();
        } finally {
            depth--;
        }
    }

    /** Height of the tree, without recursion (the tree may be too deep to recurse over). */
    static int depthOf(Expr root) {
        int max = 0;
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            int d = (Integer) top[1];
            max = Math.max(max, d);
            Expr e = (Expr) top[0];
            if (e instanceof Expr.Neg n) {
                stack.push(new Object[] {n.operand(), d + 1});
            } else if (e instanceof Expr.Binary b) {
                stack.push(new Object[] {b.left(), d + 1});
                stack.push(new Object[] {b.right(), d + 1});
            } else if (e instanceof Expr.Call c) {
                for (Expr a : c.args()) {
                    stack.push(new Object[] {a, d + 1});
                }
            }
        }
        return max;
    }

    private Expr signedOrPower() throws ObjectiveSyntaxException {
        if (peek().kind() == Token.Kind.MINUS) {
            Token op = take();
            return new Expr.Neg(unary(), op.position());
        }
        if (peek().kind() == Token.Kind.PLUS) {
            take();
            return unary();
        }
        return power();
    }

    private Expr power() throws ObjectiveSyntaxException {
        Expr base = primary();
        if (peek().kind() == Token.Kind.CARET) {
            Token op = take();
            Expr exponent = unary();
            return new Expr.Binary(Expr.Op.POW, base, exponent, op.position());
        }
        return base;
    }

    private Expr primary() throws ObjectiveSyntaxException {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                next++;
                return new Expr.Num(t.number(), t.position());
            case IDENT:
                next++;
                if (peek().kind() == Token.Kind.LPAREN) {
                    return call(t);
                }
                return variable(t);
            case LPAREN: {
                next++;
                Expr inner = expr();
                Token close = peek();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw missingClose(close, "'(' at column " + t.position(), "");
                }
                next++;
                return inner;
            }
            case END:
                throw error(t, "expected an expression but the text ends");
            default:
                throw error(t, "expected a number, a property name, a function call or '(' but found "
                        + t.describe());
        }
    }

    private Expr call(Token name) throws ObjectiveSyntaxException {
        Function f = Function.byName(name.text());
        if (f == null) {
            String close = Suggestions.closest(name.text(),
                    java.util.Arrays.stream(Function.values()).map(Function::text).toList());
            throw error(name, "unknown function '" + name.text() + "'"
                    + (close != null ? "; did you mean '" + close + "'?" : ";") + " valid functions: "
                    + Function.validNames());
        }
        Token open = take();
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            args.add(expr());
            while (peek().kind() == Token.Kind.COMMA) {
                next++;
                args.add(expr());
            }
        }
        Token close = peek();
        if (close.kind() != Token.Kind.RPAREN) {
            throw missingClose(close, "'" + name.text() + "(' at column " + open.position(), "',' or ");
        }
        next++;
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            throw error(name, "wrong number of arguments: function '" + f.text() + "' takes " + f.arityText()
                    + " but got " + args.size());
        }
        return new Expr.Call(f, args, name.position());
    }

    private ObjectiveSyntaxException missingClose(Token found, String opener, String alternatives) {
        if (found.kind() == Token.Kind.END) {
            return error(found, "missing ')' to close " + opener);
        }
        return error(found, "expected " + alternatives + "')' to close " + opener + " but found " + found.describe());
    }

    private Expr variable(Token name) throws ObjectiveSyntaxException {
        if (targetNames != null && !targetNames.contains(name.text())) {
            StringBuilder m = new StringBuilder("unknown property '").append(name.text()).append("'");
            String close = Suggestions.closest(name.text(), targetNames);
            if (close != null) {
                m.append("; did you mean '").append(close).append("'?");
            } else {
                m.append(';');
            }
            m.append(" valid properties: ").append(targetNames.isEmpty() ? "(none)" : String.join(", ", targetNames));
            Function f = Function.byName(name.text());
            if (f != null) {
                m.append(" ('").append(name.text()).append("' is a function: write ").append(f.text())
                        .append("(...))");
            }
            throw error(name, m.toString());
        }
        return new Expr.Var(name.text(), name.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private ObjectiveSyntaxException error(Token at, String problem) {
        return new ObjectiveSyntaxException(text, at.position(), problem);
    }
}
