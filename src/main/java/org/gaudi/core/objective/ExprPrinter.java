package org.gaudi.core.objective;

import java.util.stream.Collectors;

/**
 * Canonical text of an expression: minimal parentheses for the grammar's precedence and associativity, single
 * spaces around + - * /, none around ^, lower-case function names, numbers in a form that parses back to the same
 * double. Re-parsing the output gives an equal tree.
 */
final class ExprPrinter {
    private static final int UNARY = 3;
    private static final int ATOM = 5;

    private ExprPrinter() {
    }

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Neg) {
            return UNARY;
        }
        return ATOM;
    }

    private static void write(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num n) {
            sb.append(number(n.value()));
        } else if (e instanceof Expr.Var v) {
            sb.append(v.name());
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            // "- -x" would also parse, but "--x" is unambiguous for this lexer and shorter
            child(n.operand(), precedence(n.operand()) < UNARY, sb);
        } else if (e instanceof Expr.Binary b) {
            int p = b.op().precedence();
            if (b.op() == Expr.Op.POW) {
                // base must be a primary; the exponent is parsed as a unary expression (right-associative)
                child(b.left(), precedence(b.left()) < ATOM, sb);
                sb.append('^');
                child(b.right(), precedence(b.right()) < UNARY, sb);
            } else {
                // left-associative: the left side may hold the same level, the right side must bind tighter
                child(b.left(), precedence(b.left()) < p, sb);
                sb.append(' ').append(b.op().symbol()).append(' ');
                child(b.right(), precedence(b.right()) <= p, sb);
            }
        } else if (e instanceof Expr.Call c) {
            sb.append(c.function().text()).append('(')
                    .append(c.args().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")))
                    .append(')');
        }
    }

    private static void child(Expr e, boolean parenthesise, StringBuilder sb) {
        if (parenthesise) {
            sb.append('(');
        }
        write(e, sb);
        if (parenthesise) {
            sb.append(')');
        }
    }

    /** Integers without ".0"; everything else as {@link Double#toString}, which parses back exactly. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
