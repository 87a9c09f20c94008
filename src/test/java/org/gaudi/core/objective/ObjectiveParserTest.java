package org.gaudi.core.objective;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** Lexer, parser, error positions, precedence and the canonical-text round trip. */
public class ObjectiveParserTest {

    static final List<String> TARGETS = List.of("LUMO_eV", "GAP_eV", "Erel_eV", "aIP_eV", "aEA_eV",
            "HMO_GAP_eV");

    private static Objective parse(String text) throws ObjectiveSyntaxException {
        return Objective.parse(text, TARGETS);
    }

    private static double eval(String text) throws ObjectiveSyntaxException {
        return parse(text).value(new double[] {-3, 2, 0.5, 7, -1.5, 1.25});
    }

    private static Expr.Var v(String name) {
        return new Expr.Var(name, 0);
    }

    private static Expr.Num n(double value) {
        return new Expr.Num(value, 0);
    }

    private static Expr.Binary bin(Expr.Op op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r, 0);
    }

    @Test
    public void briefExamplesParseToTheExpectedTrees() throws Exception {
        Objective o = parse("maximize GAP_eV");
        assertEquals(Direction.MAXIMIZE, o.direction());
        assertEquals(v("GAP_eV"), o.expression());

        o = parse("minimize 3*GAP_eV + aIP_eV - aEA_eV");
        assertEquals(Direction.MINIMIZE, o.direction());
        assertEquals(bin(Expr.Op.SUB, bin(Expr.Op.ADD, bin(Expr.Op.MUL, n(3), v("GAP_eV")), v("aIP_eV")),
                v("aEA_eV")), o.expression());

        o = parse("minimize abs(GAP_eV - 2.5)");
        assertEquals(new Expr.Call(Function.ABS, List.of(bin(Expr.Op.SUB, v("GAP_eV"), n(2.5))), 0),
                o.expression());

        o = parse("minimize (LUMO_eV+2)^2 + Erel_eV");
        assertEquals(bin(Expr.Op.ADD, bin(Expr.Op.POW, bin(Expr.Op.ADD, v("LUMO_eV"), n(2)), n(2)), v("Erel_eV")),
                o.expression());
        assertEquals(Set("Erel_eV", "LUMO_eV"), o.referencedNames());

        assertEquals(v("HMO_GAP_eV"), parse("MaXiMiZe HMO_GAP_eV").expression());
        assertEquals(Direction.MINIMIZE, parse("MINIMIZE aIP_eV").direction());
    }

    private static java.util.Set<String> Set(String... s) {
        return new java.util.TreeSet<>(List.of(s));
    }

    @Test
    public void numbersInAllForms() throws Exception {
        assertEquals(1e-3, eval("minimize 1e-3"), 0);
        assertEquals(1e-3, eval("minimize 1E-3"), 0);
        assertEquals(2500, eval("minimize 2.5e+3"), 0);
        assertEquals(0.5, eval("minimize .5"), 0);
        assertEquals(2, eval("minimize 2."), 0);
        assertEquals(6.02e23, eval("minimize 6.02e23"), 0);
        assertEquals(-4.2, eval("minimize \u22124.2"), 0); // Unicode minus
    }

    @Test
    public void precedenceAndAssociativity() throws Exception {
        assertEquals(14, eval("minimize 2 + 3 * 4"), 0);
        assertEquals(20, eval("minimize (2 + 3) * 4"), 0);
        assertEquals(3, eval("minimize 10 - 4 - 3"), 0);
        assertEquals(1, eval("minimize 8 / 4 / 2"), 0);
        assertEquals(512, eval("minimize 2^3^2"), 0); // right-associative
        assertEquals(64, eval("minimize (2^3)^2"), 0);
        assertEquals(-4, eval("minimize -2^2"), 0); // -(2^2)
        assertEquals(4, eval("minimize (-2)^2"), 0);
        assertEquals(0.5, eval("minimize 2^-1"), 0);
        assertEquals(-6, eval("minimize 2 * -3"), 0);
        assertEquals(5, eval("minimize 2 - -3"), 0);
        assertEquals(2, eval("minimize --2"), 0);
        assertEquals(2, eval("minimize +2"), 0);
        assertEquals(-12, eval("minimize -3 * 2^2"), 0);
        assertEquals(Math.pow(2, -9), eval("minimize 2^-3^2"), 0); // 2^(-(3^2))
        assertEquals(6, eval("minimize 2 * 3 ^ 1"), 0);
        // properties: LUMO -3, GAP 2
        assertEquals(-9, eval("minimize -LUMO_eV^2"), 0);
        assertEquals(9, eval("minimize (-LUMO_eV)^2 * 1"), 0);
        assertEquals(1, eval("minimize (LUMO_eV + 2)^2"), 0);
        assertEquals(2, eval("minimize max(LUMO_eV, GAP_eV, -10)"), 0);
        assertEquals(-10, eval("minimize min(LUMO_eV, GAP_eV, -10)"), 0);
        assertEquals(3, eval("minimize abs(LUMO_eV)"), 0);
        assertEquals(Math.log(2) + Math.sqrt(2) + Math.exp(-2), eval("minimize log(GAP_eV)+sqrt(GAP_eV)+exp(-GAP_eV)"),
                1e-15);

        Expr e = parse("minimize -GAP_eV^2").expression();
        assertEquals(new Expr.Neg(bin(Expr.Op.POW, v("GAP_eV"), n(2)), 0), e);
    }

    @Test
    public void positionsAreRecordedOnNodes() throws Exception {
        Expr.Binary e = (Expr.Binary) parse("minimize  GAP_eV*log(aIP_eV)").expression();
        assertEquals(17, e.position());
        assertEquals(11, e.left().position());
        assertEquals(18, e.right().position());
    }

    // ---------------------------------------------------------------- errors

    private static ObjectiveSyntaxException error(String text, List<String> targets) {
        try {
            if (targets == null) {
                Objective.parse(text);
            } else {
                Objective.parse(text, targets);
            }
        } catch (ObjectiveSyntaxException e) {
            return e;
        }
        fail("expected a syntax error for: " + text);
        return null;
    }

    private static void assertError(String text, int position, String... fragments) {
        ObjectiveSyntaxException e = error(text, TARGETS);
        assertEquals("position for '" + text + "': " + e.getMessage(), position, e.position());
        for (String f : fragments) {
            assertTrue("'" + f + "' missing from: " + e.getMessage(), e.problem().contains(f));
        }
        assertTrue(e.getMessage().startsWith("column " + position + ": "));
    }

    @Test
    public void errorsNameTheExactPosition() {
        assertError("", 1, "empty objective", "'minimize' or 'maximize'");
        assertError("   ", 1, "empty objective");
        assertError("GAP_eV + 1", 1, "missing direction", "'minimize' or 'maximize'");
        assertError("  3 * GAP_eV", 3, "missing direction");
        assertError("minimise GAP_eV", 1, "unknown direction 'minimise'", "did you mean 'minimize'");
        assertError("maximize", 9, "expected an expression after 'maximize'");
        assertError("maximize GAP_eV +", 18, "expected an expression but the text ends");
        assertError("minimize GAP_eV * * 2", 19, "found '*'");
        assertError("minimize )", 10, "found ')'");
        assertError("minimize (GAP_eV + 1", 21, "missing ')'", "'(' at column 10");
        assertError("minimize ((GAP_eV + 1) * 2", 27, "missing ')'", "'(' at column 10");
        assertError("minimize (GAP_eV aIP_eV)", 18, "expected ')'", "found 'aIP_eV'");
        assertError("minimize abs(GAP_eV", 20, "missing ')'", "'abs(' at column 13");
        assertError("minimize abs(GAP_eV aIP_eV)", 21, "expected ',' or ')'", "found 'aIP_eV'");
        assertError("maximize GAP_eV)", 16, "unmatched ')'");
        assertError("maximize GAP_eV aIP_eV", 17, "unexpected 'aIP_eV' after the end of the expression");
        assertError("maximize 2 (GAP_eV)", 12, "unexpected '('");
        assertError("minimize foo(GAP_eV)", 10, "unknown function 'foo'", "abs, min, max, sqrt, exp, log");
        assertError("minimize sqr(GAP_eV)", 10, "unknown function 'sqr'", "did you mean 'sqrt'");
        assertError("minimize log(GAP_eV, aIP_eV)", 10, "wrong number of arguments", "exactly 1 argument",
                "got 2");
        assertError("minimize 1 + max(GAP_eV)", 14, "wrong number of arguments", "at least 2 arguments", "got 1");
        assertError("minimize min()", 10, "at least 2 arguments", "got 0");
        assertError("minimize abs()", 10, "exactly 1 argument", "got 0");
        assertError("minimize abs(,)", 14, "found ','");
        assertError("maximize GAP_ev", 10, "unknown property 'GAP_ev'", "did you mean 'GAP_eV'",
                "valid properties: LUMO_eV, GAP_eV, Erel_eV, aIP_eV, aEA_eV, HMO_GAP_eV");
        assertError("maximize 2*HOMO_eV", 12, "unknown property 'HOMO_eV'", "valid properties:");
        assertError("maximize exp", 10, "unknown property 'exp'", "'exp' is a function");
        assertError("maximize 3GAP_eV", 10, "malformed number '3GAP_eV'", "'*'");
        assertError("maximize 1.2.3", 10, "malformed number '1.2.3'");
        assertError("maximize 1e+", 11, "malformed number", "exponent");
        assertError("maximize 1e999", 10, "too large");
        assertError("maximize GAP_eV $ 2", 17, "unexpected character '$'");
        assertError("maximize [GAP_eV]", 10, "unexpected character '['", "round parentheses");
        assertError("minimize GAP_eV / 0", 17, "division by zero");
        assertError("minimize GAP_eV / (2 - 2)", 17, "division by zero");
        assertError("minimize log(0) + GAP_eV", 10, "log(0)", "undefined");
        assertError("minimize GAP_eV + sqrt(-1)", 19, "sqrt(-1)", "undefined");
        assertError("minimize (-2)^GAP_eV", 14, "positive base");
    }

    @Test
    public void unknownNamesAreOnlyCheckedWhenBound() throws Exception {
        Objective unbound = Objective.parse("maximize HOMO_eV - 1");
        assertFalse(unbound.isBound());
        ObjectiveSyntaxException e = null;
        try {
            unbound.bind(TARGETS);
        } catch (ObjectiveSyntaxException ex) {
            e = ex;
        }
        assertEquals(10, e.position());
        Objective bound = Objective.parse("maximize GAP_eV - 1").bind(TARGETS);
        assertTrue(bound.isBound());
        assertEquals(parse("maximize GAP_eV - 1"), bound);
        try {
            unbound.value(new double[6]);
            fail("unbound objective must not evaluate");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("not bound"));
        }
    }

    @Test
    public void messageHasACaretUnderTheProblem() {
        ObjectiveSyntaxException e = error("minimize abs(GAP_ev - 2.5)", TARGETS);
        String[] lines = e.getMessage().split("\\R");
        assertEquals(3, lines.length);
        assertEquals("  minimize abs(GAP_ev - 2.5)", lines[1]);
        assertEquals(lines[1].indexOf("GAP_ev"), lines[2].indexOf('^'));
        assertEquals(lines[2].length() - 1, lines[2].indexOf('^'));

        ObjectiveSyntaxException end = error("maximize GAP_eV +", TARGETS);
        String[] l2 = end.getMessage().split("\\R");
        assertEquals(l2[1].length(), l2[2].indexOf('^')); // one past the last character

        ObjectiveSyntaxException multi = error("minimize GAP_eV\n  + foo(1)", TARGETS);
        assertEquals(21, multi.position());
        assertTrue(multi.getMessage(), multi.getMessage().startsWith("character 21 (line 2, column 5): unknown function"));
        String[] l3 = multi.getMessage().split("\\R");
        assertEquals("    + foo(1)", l3[1]);
        assertEquals(l3[1].indexOf("foo"), l3[2].indexOf('^'));
    }

    // ---------------------------------------------------------------- canonical text

    static final String[] EXAMPLES = {
        "maximize GAP_eV",
        "minimize 3*GAP_eV + aIP_eV - aEA_eV",
        "minimize abs(GAP_eV - 2.5)",
        "minimize (LUMO_eV+2)^2 + Erel_eV",
        "MAXIMIZE   -GAP_eV^2 + (-aIP_eV)^2",
        "minimize aIP_eV - (aEA_eV - GAP_eV) - (LUMO_eV + Erel_eV)",
        "minimize GAP_eV / (aIP_eV / aEA_eV) / 2",
        "minimize 2^GAP_eV^-1",
        "minimize (2^GAP_eV)^-1",
        "minimize max(GAP_eV, min(aIP_eV, aEA_eV, 1e-3), 6.02e23) * -sqrt(exp(log(2.5 * HMO_GAP_eV)))",
        "minimize 0.2 * ((LUMO_eV + 8.141)^2 + (GAP_eV - 1.23)^2 + (aIP_eV - 11.254)^2 + (aEA_eV + 6.78)^2) "
            + "+ Erel_eV",
        "minimize --GAP_eV - -aIP_eV * +3",
        "minimize 0.1 + 1e-300 + 123456789012 + 1e20",
    };

    @Test
    public void canonicalTextRoundTripsAndSourceIsKept() throws Exception {
        for (String text : EXAMPLES) {
            Objective o = parse(text);
            assertEquals(text, o.sourceText());
            String canonical = o.toText();
            Objective back = parse(canonical);
            assertEquals(text + " -> " + canonical, o, back);
            assertEquals(o.hashCode(), back.hashCode());
            assertEquals("canonical text is a fixed point", canonical, back.toText());
            assertEquals(canonical, back.sourceText());
        }
        assertEquals("minimize 3 * GAP_eV + aIP_eV - aEA_eV", parse(EXAMPLES[1]).toText());
        assertEquals("minimize (LUMO_eV + 2)^2 + Erel_eV", parse(EXAMPLES[3]).toText());
        assertEquals("maximize -GAP_eV^2 + (-aIP_eV)^2", parse(EXAMPLES[4]).toText());
        assertEquals("minimize 2^GAP_eV^-1", parse(EXAMPLES[7]).toText());
        assertEquals("minimize (2^GAP_eV)^-1", parse(EXAMPLES[8]).toText());
        assertEquals("minimize --GAP_eV - -aIP_eV * 3", parse(EXAMPLES[11]).toText());
    }

    @Test
    public void equalityIgnoresTextButNotDirectionTreeOrTargets() throws Exception {
        assertEquals(parse("minimize GAP_eV+1"), parse("MINIMIZE ( GAP_eV ) + 1.0"));
        assertNotEquals(parse("minimize GAP_eV"), parse("maximize GAP_eV"));
        assertNotEquals(parse("minimize GAP_eV + 1 + 2"), parse("minimize GAP_eV + (1 + 2)"));
        assertNotEquals(parse("minimize GAP_eV"), Objective.parse("minimize GAP_eV"));
        assertNotEquals(parse("minimize GAP_eV"), Objective.parse("minimize GAP_eV", List.of("GAP_eV")));
    }

    /** Random trees (seeded): print, re-parse, compare; covers every precedence/associativity combination. */
    @Test
    public void randomTreesRoundTripThroughCanonicalText() throws Exception {
        Random rnd = new Random(12345);
        for (int i = 0; i < 3000; i++) {
            Expr e = randomExpr(rnd, 5);
            String text = (rnd.nextBoolean() ? "minimize " : "maximize ") + ExprPrinter.print(e);
            Parser.Result back = Parser.parse(text, TARGETS);
            assertEquals(text, e, back.expression());
            assertEquals(text, ExprPrinter.print(back.expression()), text.substring(9));
        }
    }

    private static final double[] LITERALS = {0, 1, 2, 2.5, 0.1, 1e-3, 1.5e-7, 6.02e23, 123456789, 1e15, 1e300,
        Math.PI, 4.9e-324};

    private static Expr randomExpr(Random rnd, int depth) {
        int kind = depth == 0 ? rnd.nextInt(2) : rnd.nextInt(8);
        switch (kind) {
            case 0:
                return n(LITERALS[rnd.nextInt(LITERALS.length)]);
            case 1:
                return v(TARGETS.get(rnd.nextInt(TARGETS.size())));
            case 2:
                return new Expr.Neg(randomExpr(rnd, depth - 1), 0);
            case 3:
            case 4:
            case 5: {
                Expr.Op op = Expr.Op.values()[rnd.nextInt(Expr.Op.values().length)];
                return bin(op, randomExpr(rnd, depth - 1), randomExpr(rnd, depth - 1));
            }
            default: {
                Function f = Function.values()[rnd.nextInt(Function.values().length)];
                int nArgs = f.minArgs() + (f.maxArgs() > f.minArgs() ? rnd.nextInt(3) : 0);
                List<Expr> args = new ArrayList<>();
                for (int a = 0; a < nArgs; a++) {
                    args.add(randomExpr(rnd, depth - 1));
                }
                return new Expr.Call(f, args, 0);
            }
        }
    }

    @Test
    public void suggestionsOnlyForCloseNames() {
        assertEquals("GAP_eV", Suggestions.closest("GAP_ev", TARGETS));
        assertEquals("GAP_eV", Suggestions.closest("GPA_eV", TARGETS));
        assertEquals("aIP_eV", Suggestions.closest("aIP_V", TARGETS));
        assertEquals(null, Suggestions.closest("HOMO", TARGETS));
        assertEquals(null, Suggestions.closest("x", TARGETS));
    }
}
