package org.gaudi.core.xtb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** The parser against a real xtb 6.5.1 output (benzene, --opt --gfn 2) recorded into the test resources. */
public class XtbOutputTest {

    static String recorded() throws IOException {
        try (InputStream in = XtbOutputTest.class.getResourceAsStream("benzene-gfn2-opt.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void readsTheFinalSummaryOfAnOptimisation() throws Exception {
        String out = recorded();
        XtbOutput o = XtbOutput.parse(out, true);
        // the final box, not the gap of the start geometry printed earlier (4.8237 eV)
        assertEquals(4.934327543534, o.gapEv(), 1e-12);
        assertEquals(-15.879640654157, o.totalEnergyEh(), 1e-12);
        assertTrue(out.contains("4.823710907443 eV"));
    }

    @Test
    public void truncatedOutputIsRejectedSayingWhatIsMissing() throws Exception {
        String out = recorded();
        String cut = out.substring(0, out.indexOf("| TOTAL ENERGY"));
        XtbOutputException e = assertThrows(XtbOutputException.class, () -> XtbOutput.parse(cut, true));
        assertTrue(e.getMessage(), e.getMessage().contains("HOMO-LUMO GAP"));
    }

    @Test
    public void anOptimisationThatDidNotConvergeIsNotAResult() throws Exception {
        String failed = recorded().replace(XtbOutput.CONVERGED + " AFTER 4 ITERATIONS", XtbOutput.NOT_CONVERGED);
        XtbOutputException e = assertThrows(XtbOutputException.class, () -> XtbOutput.parse(failed, true));
        assertTrue(e.getMessage(), e.getMessage().startsWith("line 294: ") && e.getMessage().contains("converge"));
        String silent = recorded().replace(XtbOutput.CONVERGED, "GEOMETRY OPTIMIZATION");
        assertThrows(XtbOutputException.class, () -> XtbOutput.parse(silent, true));
        // a single point has no optimisation to converge
        assertEquals(4.934327543534, XtbOutput.parse(silent, false).gapEv(), 1e-12);
    }

    @Test
    public void nonNumbersAreReportedWithTheirLine() throws Exception {
        String bad = recorded().replace("| HOMO-LUMO GAP               4.934327543534 eV   |",
                "| HOMO-LUMO GAP               NaN eV   |");
        XtbOutputException e = assertThrows(XtbOutputException.class, () -> XtbOutput.parse(bad, true));
        assertEquals("line 571: HOMO-LUMO gap is NaN", e.getMessage());
        String text = recorded().replace("| TOTAL ENERGY              -15.879640654157 Eh   |",
                "| TOTAL ENERGY              -15.8796x Eh   |");
        e = assertThrows(XtbOutputException.class, () -> XtbOutput.parse(text, true));
        assertEquals("line 569: total energy '-15.8796x' is not a number", e.getMessage());
    }
}
