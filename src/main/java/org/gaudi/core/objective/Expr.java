package org.gaudi.core.objective;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abstract syntax tree of an objective expression. Nodes are immutable; {@code position} is the 1-based character
 * position of the node in the text it was parsed from (for error messages) and is <em>not</em> part of equality, so
 * a tree re-parsed from its canonical text equals the original.
 */
public sealed interface Expr permits Expr.Num, Expr.Var, Expr.Neg, Expr.Binary, Expr.Call {

    /** @return 1-based character position in the source text */
    int position();

    /** @return the property names this expression reads, sorted */
    default Set<String> names() {
        Set<String> out = new TreeSet<>();
        collectNames(this, out);
        return out;
    }

    /** @return whether the expression reads no property (a constant) */
    default boolean isConstant() {
        return names().isEmpty();
    }

    private static void collectNames(Expr e, Set<String> out) {
        if (e instanceof Var v) {
            out.add(v.name());
        } else if (e instanceof Neg n) {
            collectNames(n.operand(), out);
        } else if (e instanceof Binary b) {
            collectNames(b.left(), out);
            collectNames(b.right(), out);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                collectNames(a, out);
            }
        }
    }

    /** Binary operators with their precedence (higher binds tighter). */
    enum Op {
        ADD("+", 1), SUB("-", 1), MUL("*", 2), DIV("/", 2), POW("^", 4);

        private final String symbol;
        private final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        /** @return the operator as written */
        public String symbol() {
            return symbol;
        }

        /** @return binding strength: + − 1, * / 2, unary minus 3, ^ 4 */
        public int precedence() {
            return precedence;
        }
    }

    /** A non-negative finite numeric literal (negative numbers are {@link Neg} of a literal). */
    record Num(double value, int position) implements Expr {
        public Num {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("literal must be finite and non-negative: " + value);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && Double.compare(n.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    /** A predicted property, by target name. */
    record Var(String name, int position) implements Expr {
        public Var {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Var v && v.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** Unary minus. */
    record Neg(Expr operand, int position) implements Expr {
        public Neg {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Neg n && n.operand.equals(operand);
        }

        @Override
        public int hashCode() {
            return 31 * operand.hashCode() + 7;
        }
    }

    /** A binary operation; {@code position} is that of the operator. */
    record Binary(Op op, Expr left, Expr right, int position) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && b.op == op && b.left.equals(left) && b.right.equals(right);
        }

        @Override
        public int hashCode() {
            return Objects.hash(op, left, right);
        }
    }

    /** A function call; {@code position} is that of the function name. */
    record Call(Function function, List<Expr> args, int position) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
            if (args.size() < function.minArgs() || args.size() > function.maxArgs()) {
                throw new IllegalArgumentException(function.text() + " takes " + function.arityText());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Call c && c.function == function && c.args.equals(args);
        }

        @Override
        public int hashCode() {
            return Objects.hash(function, args);
        }
    }
}
