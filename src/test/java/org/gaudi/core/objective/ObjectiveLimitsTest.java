package org.gaudi.core.objective;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** Long objectives are refused with a clear limit instead of a StackOverflowError. */
public class ObjectiveLimitsTest {
    private static final List<String> TARGETS = List.of("GAP_eV");

    private static ObjectiveSyntaxException refused(String text) {
        try {
            Objective.parse(text, TARGETS);
        } catch (ObjectiveSyntaxException e) {
            return e;
        } catch (StackOverflowError e) {
            throw new AssertionError("stack overflow instead of a clear message", e);
        }
        fail("accepted: " + text.substring(0, 40) + "...");
        return null;
    }

    @Test
    public void fifteenHundredTermsAreRefusedWithTheLimit() {
        String text = "maximize " + String.join(" + ", java.util.Collections.nCopies(1500, "GAP_eV"));
        ObjectiveSyntaxException e = refused(text);
        assertTrue(e.problem(), e.problem().startsWith("objective too long: its expression is 1500 levels deep"));
        assertTrue(e.getMessage().length() < 1000);
    }

    @Test
    public void twoThousandNestedParenthesesAreRefusedAtTheFirstTooDeepOne() {
        String text = "maximize " + "(".repeat(2000) + "GAP_eV" + ")".repeat(2000);
        ObjectiveSyntaxException e = refused(text);
        assertTrue(e.problem(), e.problem().startsWith("objective nested too deeply: more than 200 levels"));
        assertEquals("the 201st (", 10 + Parser.MAX_DEPTH, e.position());
        assertTrue(e.getMessage().length() < 1000);
        refused("maximize " + "-".repeat(5000) + "GAP_eV");
        refused("maximize " + "abs(".repeat(3000) + "GAP_eV" + ")".repeat(3000));
    }

    @Test
    public void objectivesWithinTheLimitStillWork() throws Exception {
        String sum = "maximize " + String.join(" + ", java.util.Collections.nCopies(150, "GAP_eV"));
        assertEquals(150 * 2.0, Objective.parse(sum, TARGETS).value(new double[] {2.0}), 1e-9);
        String nested = "maximize " + "(".repeat(150) + "GAP_eV" + ")".repeat(150);
        assertEquals(2.0, Objective.parse(nested, TARGETS).value(new double[] {2.0}), 0);
    }
}
