package org.gaudi.core.objective;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A design objective over a property predictor's outputs in physical units, e.g. {@code maximize GAP_eV} or
 * {@code minimize 3*GAP_eV + aIP_eV - aEA_eV}: a {@link Direction} and an {@link Expr} over target names.
 *
 * <h2>Text</h2> The grammar is documented on {@code Parser}: numbers ({@code 2}, {@code 2.5}, {@code 1e-3}),
 * {@code + - * / ^} with the usual precedence ({@code ^} right-associative and tighter than unary minus on its left,
 * so {@code -x^2 = -(x^2)}), parentheses, {@code abs min max sqrt exp log} (min/max with 2 or more arguments), and a
 * required leading {@code minimize} or {@code maximize} (case-insensitive). {@link #toText()} gives a canonical text
 * that parses back to an equal objective; {@link #sourceText()} keeps what the user wrote. Equality compares the
 * direction, the expression tree and the bound target list, not the text.
 *
 * <h2>Binding</h2> {@link #parse(String, List)} checks every property name against the predictor's target names,
 * whose order is the column order of the property vectors and prediction arrays given to the evaluators.
 * {@link #parse(String)} checks syntax only (e.g. while a dialog is being edited); such an objective must be
 * {@link #bind bound} before it can be evaluated.
 *
 * <h2>Evaluation</h2>
 * <ul>
 * <li>{@link #evaluate(double[])}: exact, for reporting; undefined points (log of a non-positive number, division by
 * zero, …) give an {@link ObjectiveValue} that says why instead of a silent NaN.</li>
 * <li>{@link #evaluate(NDArray)}, {@link #loss(NDArray)}, {@link #evaluateReported(NDArray)}: batched over (B,
 * nTargets) predictions with DJL operations, so gradients flow to the predictions. Out-of-domain arguments are
 * clamped as described in {@link DomainPolicy}; inside the domain the value equals the exact one.</li>
 * </ul>
 * <b>The guided sampler minimises the loss</b>: loss = value for {@code minimize}, loss = −value for
 * {@code maximize}.
 */
public final class Objective {
    private final Direction direction;
    private final Expr expression;
    private final String sourceText;
    private final List<String> targetNames;
    private final Map<String, Integer> columns;

    private Objective(Direction direction, Expr expression, String sourceText, List<String> targetNames) {
        this.direction = direction;
        this.expression = expression;
        this.sourceText = sourceText;
        this.targetNames = targetNames;
        Map<String, Integer> cols = new HashMap<>();
        if (targetNames != null) {
            for (int i = 0; i < targetNames.size(); i++) {
                cols.put(targetNames.get(i), i);
            }
        }
        this.columns = Map.copyOf(cols);
    }

    /**
     * Parses an objective and checks its property names against the predictor's targets.
     *
     * @param text e.g. {@code "minimize abs(GAP_eV - 2.5)"}
     * @param targetNames the predictor's target names in output-column order (distinct)
     * @throws ObjectiveSyntaxException with the position and the problem (including unknown names, listing the valid
     *     ones)
     */
    public static Objective parse(String text, List<String> targetNames) throws ObjectiveSyntaxException {
        Objects.requireNonNull(targetNames, "targetNames");
        List<String> names = List.copyOf(targetNames);
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException("target names must be distinct: " + names);
        }
        return build(text, names);
    }

    /**
     * Parses an objective without checking property names; {@link #bind} it before evaluating.
     *
     * @throws ObjectiveSyntaxException with the position and the problem
     */
    public static Objective parse(String text) throws ObjectiveSyntaxException {
        return build(text, null);
    }

    private static Objective build(String text, List<String> names) throws ObjectiveSyntaxException {
        Objects.requireNonNull(text, "text");
        Parser.Result r = Parser.parse(text, names);
        checkConstants(text, r.expression());
        return new Objective(r.direction(), r.expression(), text, names);
    }

    /**
     * Rejects objectives that are undefined for every input: an undefined constant sub-expression (log(0)),
     * division by a constant zero, and a non-constant power of a non-positive constant.
     */
    private static void checkConstants(String text, Expr e) throws ObjectiveSyntaxException {
        if (e instanceof Expr.Neg n) {
            checkConstants(text, n.operand());
        } else if (e instanceof Expr.Binary b) {
            checkConstants(text, b.left());
            checkConstants(text, b.right());
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                checkConstants(text, a);
            }
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.Op.DIV && b.right().isConstant()
                && DoubleEvaluator.constant(b.right()) == 0) {
            throw new ObjectiveSyntaxException(text, b.position(), "division by zero");
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.Op.POW && b.left().isConstant() && !b.right().isConstant()
                && !(DoubleEvaluator.constant(b.left()) > 0)) {
            throw new ObjectiveSyntaxException(text, b.position(), "a power with a non-constant exponent needs a "
                    + "positive base, but " + ExprPrinter.print(b.left()) + " = "
                    + DoubleEvaluator.constant(b.left()));
        }
        if (e.isConstant() && !(e instanceof Expr.Num)) {
            double v = DoubleEvaluator.constant(e);
            if (!Double.isFinite(v)) {
                throw new ObjectiveSyntaxException(text, e.position(),
                        "the constant " + ExprPrinter.print(e) + " is undefined (" + v + ")");
            }
        }
    }

    /**
     * @return this objective re-parsed against {@code targetNames}
     * @throws ObjectiveSyntaxException if it uses a name that is not a target
     */
    public Objective bind(List<String> targetNames) throws ObjectiveSyntaxException {
        return parse(sourceText, targetNames);
    }

    /** @return minimise or maximise */
    public Direction direction() {
        return direction;
    }

    /** @return the expression tree */
    public Expr expression() {
        return expression;
    }

    /** @return the text exactly as parsed */
    public String sourceText() {
        return sourceText;
    }

    /** @return whether property names were checked against a target list (required for evaluation) */
    public boolean isBound() {
        return targetNames != null;
    }

    /** @return the target names in column order; empty if unbound */
    public List<String> targetNames() {
        return targetNames == null ? List.of() : targetNames;
    }

    /** @return the property names the expression reads, sorted */
    public Set<String> referencedNames() {
        return expression.names();
    }

    /** @return canonical text; {@code parse(toText(), targetNames())} equals this objective */
    public String toText() {
        return direction.keyword() + " " + ExprPrinter.print(expression);
    }

    // ---------------------------------------------------------------- double evaluation (reporting)

    /**
     * Exact evaluation for one property vector.
     *
     * @param properties one value per target, in {@link #targetNames()} order, physical units
     * @return the value, or an undefined result naming the failing sub-expression
     */
    public ObjectiveValue evaluate(double[] properties) {
        return DoubleEvaluator.exact(expression, columns, checkVector(properties));
    }

    /** @return the exact value, or NaN where {@link #evaluate(double[])} reports the objective undefined */
    public double value(double[] properties) {
        return evaluate(properties).value();
    }

    /** @return the exact loss (value, or −value for maximise), NaN where undefined */
    public double loss(double[] properties) {
        return direction.lossSign() * value(properties);
    }

    /**
     * @return the value with the batched path's domain guards ({@link DomainPolicy}); equal to
     *     {@link #value(double[])} wherever no guard applies
     */
    public double valueOnClampedDomain(double[] properties) {
        return DoubleEvaluator.clamped(expression, columns, checkVector(properties));
    }

    private double[] checkVector(double[] p) {
        requireBound();
        if (p.length != targetNames.size()) {
            throw new IllegalArgumentException("expected " + targetNames.size() + " property values " + targetNames
                    + " but got " + p.length);
        }
        return p;
    }

    // ---------------------------------------------------------------- batched, differentiable evaluation

    /**
     * Differentiable batched value on the clamped domain of {@link DomainPolicy}. Intermediates are attached to the
     * predictions' manager, so call it inside a sub-manager scope.
     *
     * @param predictions (B, nTargets) floating-point predictions in physical units, columns in
     *     {@link #targetNames()} order
     * @return (B) values
     */
    public NDArray evaluate(NDArray predictions) {
        return NdEvaluator.evaluate(expression, columns, checkBatch(predictions), false).values();
    }

    /**
     * The quantity the guided sampler minimises: {@code evaluate(predictions)} for minimize and its negation for
     * maximize.
     *
     * @return (B) losses
     */
    public NDArray loss(NDArray predictions) {
        NDArray v = evaluate(predictions);
        return direction == Direction.MINIMIZE ? v : v.neg();
    }

    /** Values, losses and a {@link DomainReport} saying which samples were clamped or are non-finite. */
    public BatchEvaluation evaluateReported(NDArray predictions) {
        NdEvaluator.Output out = NdEvaluator.evaluate(expression, columns, checkBatch(predictions), true);
        NDArray v = out.values();
        return new BatchEvaluation(v, direction == Direction.MINIMIZE ? v : v.neg(), out.report());
    }

    private NDArray checkBatch(NDArray predictions) {
        requireBound();
        Shape s = predictions.getShape();
        if (s.dimension() != 2 || s.get(1) != targetNames.size()) {
            throw new IllegalArgumentException("expected predictions of shape (B, " + targetNames.size() + ") for "
                    + targetNames + " but got " + s);
        }
        if (!predictions.getDataType().isFloating()) {
            throw new IllegalArgumentException("expected floating-point predictions but got "
                    + predictions.getDataType());
        }
        return predictions;
    }

    private void requireBound() {
        if (targetNames == null) {
            throw new IllegalStateException("objective '" + sourceText + "' is not bound to target names; use "
                    + "Objective.parse(text, targetNames) or bind(targetNames)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Objective other && other.direction == direction && other.expression.equals(expression)
                && Objects.equals(other.targetNames, targetNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, expression, targetNames);
    }

    /** @return the canonical text */
    @Override
    public String toString() {
        return toText();
    }
}
