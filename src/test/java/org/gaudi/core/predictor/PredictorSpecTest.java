package org.gaudi.core.predictor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** Small value types of the predictor: normalisation, units, configuration. */
public class PredictorSpecTest {

    @Test
    public void normalisationUsesPopulationStd() {
        double[][] y = {{1, 10}, {2, 10}, {3, 13}, {6, 7}};
        TargetNormalisation n = TargetNormalisation.fit(y,
                List.of(new PredictorTarget("a", ""), new PredictorTarget("b", "")));
        assertArrayEquals(new double[] {3, 10}, n.mean(), 1e-12);
        // ddof = 0: sqrt(((1-3)^2 + (2-3)^2 + 0 + 3^2) / 4) = sqrt(14/4)
        assertArrayEquals(new double[] {Math.sqrt(14 / 4.0), Math.sqrt(18 / 4.0)}, n.std(), 1e-12);
    }

    @Test
    public void constantTargetCannotBeNormalised() {
        try {
            TargetNormalisation.fit(new double[][] {{1}, {1}}, List.of(new PredictorTarget("flat", "")));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("flat"));
        }
    }

    @Test
    public void unitsReadOffColumnNames() {
        assertEquals("eV", PredictorTarget.fromColumn("GAP_eV").unit());
        assertEquals("Debye", PredictorTarget.fromColumn("Dipmom_Debye").unit());
        assertEquals("eV", PredictorTarget.fromColumn("HOMO-LUMO gap/eV").unit());
        assertEquals("eV", PredictorTarget.fromColumn("ionization e/V").unit());
        assertEquals("eV", PredictorTarget.fromColumn("reorganisation energy eV").unit());
        assertEquals("kcal/mol",
                PredictorTarget.fromColumn("atomisation energy per electron in kcal/mol").unit());
        assertEquals("", PredictorTarget.fromColumn("HOMO").unit());
        assertEquals("GAP_eV [eV]", PredictorTarget.fromColumn("GAP_eV").label());
    }

    @Test
    public void referenceParameterCountsFromTheConfiguration() {
        assertEquals(3_249_697L, PredictorConfig.reference(1, 5).parameterCount());
        assertEquals(3_251_853L, PredictorConfig.reference(12, 5).parameterCount());
    }

    @Test
    public void evaluationTableListsEveryTargetAndStep() {
        PredictorEvaluation e = new PredictorEvaluation(List.of(new PredictorTarget("GAP_eV", "eV")), 7,
                new double[] {0.1}, new int[] {0, 1000}, new double[][] {{0.11}, {0.5}}, new double[] {0.6});
        String t = e.table();
        assertTrue(t, t.contains("GAP_eV [eV]") && t.contains("t=1000") && t.contains("0.5000")
                && t.contains("7 molecules"));
    }
}
