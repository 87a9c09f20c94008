package org.gaudi.core.objective;

import java.util.Map;

/**
 * Evaluates an expression on one property vector in double precision, either exactly (stopping at the first
 * sub-expression that is undefined) or on the clamped domain of {@link DomainPolicy}, mirroring the batched path.
 */
final class DoubleEvaluator {
    private final Map<String, Integer> columns;
    private final boolean clamped;
    private String undefined;

    private DoubleEvaluator(Map<String, Integer> columns, boolean clamped) {
        this.columns = columns;
        this.clamped = clamped;
    }

    /** Exact evaluation. */
    static ObjectiveValue exact(Expr e, Map<String, Integer> columns, double[] p) {
        DoubleEvaluator ev = new DoubleEvaluator(columns, false);
        double v = ev.eval(e, p);
        if (ev.undefined == null && !Double.isFinite(v)) {
            ev.undefined = "the value is " + v;
        }
        return ev.undefined == null ? new ObjectiveValue(v, null) : new ObjectiveValue(Double.NaN, ev.undefined);
    }

    /** Evaluation with the batched path's domain guards (no undefined reasons; NaN inputs give NaN). */
    static double clamped(Expr e, Map<String, Integer> columns, double[] p) {
        return new DoubleEvaluator(columns, true).eval(e, p);
    }

    /** Constant (property-free) sub-expression evaluated exactly; NaN or ±Infinity if undefined. */
    static double constant(Expr e) {
        return new DoubleEvaluator(Map.of(), false).eval(e, new double[0]);
    }

    private double eval(Expr e, double[] p) {
        if (undefined != null) {
            return Double.NaN;
        }
        double v;
        if (e instanceof Expr.Num n) {
            v = n.value();
        } else if (e instanceof Expr.Var var) {
            Integer k = columns.get(var.name());
            if (k == null) {
                throw new IllegalStateException("objective is not bound to a target list containing " + var.name());
            }
            v = p[k];
            if (!clamped && !Double.isFinite(v)) {
                return fail("property " + var.name() + " is " + v);
            }
        } else if (e instanceof Expr.Neg n) {
            v = -eval(n.operand(), p);
        } else if (e instanceof Expr.Binary b) {
            v = binary(b, p);
        } else {
            v = call((Expr.Call) e, p);
        }
        if (!clamped && undefined == null && !Double.isFinite(v)) {
            return fail(ExprPrinter.print(e) + " (column " + e.position() + ") is " + v);
        }
        return v;
    }

    private double binary(Expr.Binary b, double[] p) {
        double l = eval(b.left(), p);
        double r = eval(b.right(), p);
        switch (b.op()) {
            case ADD:
                return l + r;
            case SUB:
                return l - r;
            case MUL:
                return l * r;
            case DIV:
                if (clamped && !b.right().isConstant()) {
                    r = guardDenominator(r);
                } else if (r == 0) {
                    return fail("division by zero in " + ExprPrinter.print(b) + " (column " + b.position() + ")");
                }
                return l / r;
            default:
                if (clamped) {
                    if (b.right().isConstant() && DomainPolicy.isIntegerExponent(r)) {
                        if (r < 0) {
                            l = guardDenominator(l);
                        }
                    } else {
                        l = l < DomainPolicy.FLOOR ? DomainPolicy.FLOOR : l;
                    }
                }
                double v = Math.pow(l, r);
                if (!clamped && Double.isNaN(v)) {
                    return fail("power of a negative base " + l + " to the non-integer exponent " + r + " in "
                            + ExprPrinter.print(b) + " (column " + b.position() + ")");
                }
                return v;
        }
    }

    private double call(Expr.Call c, double[] p) {
        double a = eval(c.args().get(0), p);
        switch (c.function()) {
            case ABS:
                return Math.abs(a);
            case MIN:
            case MAX: {
                double v = a;
                for (int i = 1; i < c.args().size(); i++) {
                    double x = eval(c.args().get(i), p);
                    v = c.function() == Function.MIN ? Math.min(v, x) : Math.max(v, x);
                }
                return v;
            }
            case SQRT:
                if (clamped) {
                    return Math.sqrt(a < DomainPolicy.FLOOR ? DomainPolicy.FLOOR : a);
                }
                if (a < 0) {
                    return fail("sqrt of the negative value " + a + " in " + ExprPrinter.print(c) + " (column "
                            + c.position() + ")");
                }
                return Math.sqrt(a);
            case EXP:
                return Math.exp(clamped && a > DomainPolicy.EXP_ARGUMENT_MAX ? DomainPolicy.EXP_ARGUMENT_MAX : a);
            default:
                if (clamped) {
                    return Math.log(a < DomainPolicy.FLOOR ? DomainPolicy.FLOOR : a);
                }
                if (a <= 0) {
                    return fail("log of the non-positive value " + a + " in " + ExprPrinter.print(c) + " (column "
                            + c.position() + ")");
                }
                return Math.log(a);
        }
    }

    static double guardDenominator(double d) {
        if (Math.abs(d) < DomainPolicy.FLOOR) {
            return d < 0 ? -DomainPolicy.FLOOR : DomainPolicy.FLOOR;
        }
        return d;
    }

    private double fail(String reason) {
        if (undefined == null) {
            undefined = reason;
        }
        return Double.NaN;
    }
}
