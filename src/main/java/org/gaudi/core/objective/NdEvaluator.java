package org.gaudi.core.objective;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Evaluates an expression on a batch of property vectors with DJL operations only, so that gradients flow back to
 * the predictions. Property-free sub-expressions are folded to doubles and enter as scalars. Domain guards follow
 * {@link DomainPolicy}; when a report is requested, one boolean mask per guard site is kept and counted at the end.
 * All intermediate arrays live on the predictions' manager: call this inside a sub-manager scope.
 */
final class NdEvaluator {
    /** An intermediate value: a batch array, or a constant when {@code array} is null. */
    private record Val(NDArray array, double constant) {
        static Val of(NDArray a) {
            return new Val(a, Double.NaN);
        }

        static Val of(double c) {
            return new Val(null, c);
        }

        boolean isConstant() {
            return array == null;
        }
    }

    private final NDArray predictions;
    private final Map<String, Integer> columns;
    private final boolean report;
    private final Map<String, NDArray> siteMasks = new LinkedHashMap<>();

    private NdEvaluator(NDArray predictions, Map<String, Integer> columns, boolean report) {
        this.predictions = predictions;
        this.columns = columns;
        this.report = report;
    }

    /** Values (B) and, when requested, the domain report (else {@code null}). */
    record Output(NDArray values, DomainReport report) {
    }

    static Output evaluate(Expr e, Map<String, Integer> columns, NDArray predictions, boolean report) {
        NdEvaluator ev = new NdEvaluator(predictions, columns, report);
        Val v = ev.eval(e);
        long batch = predictions.getShape().get(0);
        NDArray values = v.isConstant()
                ? predictions.getManager().zeros(new Shape(batch), predictions.getDataType()).add(ev.k(v.constant()))
                : v.array();
        DomainReport r = report ? ev.report(values, batch) : null;
        return new Output(values, r);
    }

    private DomainReport report(NDArray values, long batch) {
        Map<String, Long> sites = new LinkedHashMap<>();
        NDArray any = null;
        for (Map.Entry<String, NDArray> site : siteMasks.entrySet()) {
            sites.merge(site.getKey(), count(site.getValue()), Long::sum);
            any = any == null ? site.getValue() : any.logicalOr(site.getValue());
        }
        long clamped = any == null ? 0 : count(any);
        NDArray detached = values.stopGradient();
        long nonFinite = count(detached.isNaN().logicalOr(detached.isInfinite()));
        return new DomainReport(batch, clamped, nonFinite, sites);
    }

    private static long count(NDArray mask) {
        return mask.toType(DataType.INT64, false).sum().getLong();
    }

    private Val eval(Expr e) {
        if (e.isConstant()) {
            return Val.of(DoubleEvaluator.constant(e));
        }
        if (e instanceof Expr.Var var) {
            Integer k = columns.get(var.name());
            if (k == null) {
                throw new IllegalStateException("objective is not bound to a target list containing " + var.name());
            }
            return Val.of(predictions.get(":, " + k));
        }
        if (e instanceof Expr.Neg n) {
            return Val.of(eval(n.operand()).array().neg());
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return call((Expr.Call) e);
    }

    private Val binary(Expr.Binary b) {
        Val l = eval(b.left());
        Val r = eval(b.right());
        switch (b.op()) {
            case ADD:
                return Val.of(l.isConstant() ? r.array().add(k(l.constant()))
                        : r.isConstant() ? l.array().add(k(r.constant())) : l.array().add(r.array()));
            case SUB:
                return Val.of(l.isConstant() ? r.array().neg().add(k(l.constant()))
                        : r.isConstant() ? l.array().sub(k(r.constant())) : l.array().sub(r.array()));
            case MUL:
                return Val.of(l.isConstant() ? r.array().mul(k(l.constant()))
                        : r.isConstant() ? l.array().mul(k(r.constant())) : l.array().mul(r.array()));
            case DIV: {
                if (r.isConstant()) {
                    return Val.of(l.array().div(k(r.constant())));
                }
                NDArray d = guardDenominator(r.array(), b);
                return Val.of(l.isConstant() ? d.zerosLike().add(k(l.constant())).div(d) : l.array().div(d));
            }
            default:
                return power(b, l, r);
        }
    }

    private Val power(Expr.Binary b, Val base, Val exponent) {
        if (exponent.isConstant()) {
            double c = exponent.constant();
            NDArray x = base.array();
            if (DomainPolicy.isIntegerExponent(c)) {
                if (c < 0) {
                    x = guardDenominator(x, b);
                }
            } else {
                x = guardBelow(x, DomainPolicy.FLOOR, b);
            }
            return Val.of(x.pow(k(c)));
        }
        NDArray y = exponent.array();
        if (base.isConstant()) {
            // constant bases of non-constant powers are validated positive when the objective is built
            return Val.of(y.zerosLike().add(k(base.constant())).pow(y));
        }
        return Val.of(guardBelow(base.array(), DomainPolicy.FLOOR, b).pow(y));
    }

    private Val call(Expr.Call c) {
        switch (c.function()) {
            case ABS:
                return Val.of(eval(c.args().get(0)).array().abs());
            case MIN:
            case MAX: {
                Val acc = eval(c.args().get(0));
                for (int i = 1; i < c.args().size(); i++) {
                    acc = extremum(c.function() == Function.MAX, acc, eval(c.args().get(i)));
                }
                return acc;
            }
            case SQRT:
                return Val.of(guardBelow(eval(c.args().get(0)).array(), DomainPolicy.FLOOR, c).sqrt());
            case EXP: {
                NDArray u = eval(c.args().get(0)).array();
                NDArray over = u.gt(DomainPolicy.EXP_ARGUMENT_MAX);
                note(c, over);
                return Val.of(NDArrays.where(over, u.zerosLike().add(k(DomainPolicy.EXP_ARGUMENT_MAX)), u).exp());
            }
            default:
                return Val.of(guardBelow(eval(c.args().get(0)).array(), DomainPolicy.FLOOR, c).log());
        }
    }

    private Val extremum(boolean max, Val a, Val b) {
        if (a.isConstant() && b.isConstant()) {
            return Val.of(max ? Math.max(a.constant(), b.constant()) : Math.min(a.constant(), b.constant()));
        }
        if (a.isConstant()) {
            return extremum(max, b, a);
        }
        if (b.isConstant()) {
            return Val.of(max ? a.array().maximum(k(b.constant())) : a.array().minimum(k(b.constant())));
        }
        return Val.of(max ? a.array().maximum(b.array()) : a.array().minimum(b.array()));
    }

    /**
     * A constant as a tensor owned by the predictions' manager. Never use DJL's {@code Number} overloads
     * ({@code x.mul(2.0)}) here: they close a buffer-backed scalar that autograd may keep for the backward pass, and
     * a garbage collection before backward then corrupts the guidance gradient (see {@code Djl.owned}).
     */
    NDArray k(double value) {
        return predictions.getManager().create(value).toType(predictions.getDataType(), false);
    }

    /** u where u ≥ floor (or NaN), else floor; gradient 0 where replaced. */
    private NDArray guardBelow(NDArray u, double floor, Expr site) {
        NDArray below = u.lt(floor);
        note(site, below);
        return NDArrays.where(below, u.zerosLike().add(k(floor)), u);
    }

    /** d where |d| ≥ FLOOR (or NaN), else ±FLOOR with d's sign (0 counts as positive). */
    private NDArray guardDenominator(NDArray d, Expr site) {
        NDArray small = d.abs().lt(DomainPolicy.FLOOR);
        note(site, small);
        NDArray floor = d.zerosLike().add(k(DomainPolicy.FLOOR));
        NDArray signed = NDArrays.where(d.lt(0), floor.neg(), floor);
        return NDArrays.where(small, signed, d);
    }

    private void note(Expr site, NDArray mask) {
        if (report) {
            String key = ExprPrinter.print(site) + " at column " + site.position();
            siteMasks.merge(key, mask, NDArray::logicalOr);
        }
    }
}
