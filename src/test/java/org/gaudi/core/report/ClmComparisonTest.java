package org.gaudi.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignedMolecule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ClmComparisonTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static DesignedMolecule m(String inchi, int rings, Double objective, Double gap, boolean novel) {
        return new DesignedMolecule(inchi == null ? "x" : inchi, 0, 0, 0, rings, inchi != null,
                inchi == null ? "OUT_OF_DOMAIN: peri" : null, inchi != null, null, inchi == null ? null : "c" + inchi,
                inchi, null, null, List.of(), objective, null, gap, inchi == null ? null : novel, false, null);
    }

    @Test
    public void sampleAndRankCountsOnlyValidDesignsWithTheTargetRingCount() throws Exception {
        List<DesignedMolecule> lm = List.of(m("A", 9, 3.0, 3.1, true), m("B", 9, 3.5, 3.4, false),
                m("C", 2, 6.0, 5.9, false), m(null, 0, null, null, false), m("B", 9, 3.5, 3.4, false));
        ClmComparison.Row r = ClmComparison.row("lm", lm, Direction.MAXIMIZE, 9, 1, 2.5);
        assertEquals(5, r.generated());
        assertEquals(0.8, r.valid(), 1e-12);
        assertEquals(0.75, r.unique(), 1e-12);
        assertEquals(0.25, r.novel(), 1e-12);
        assertEquals("the 2-ring molecule is no 9-ring design", 3, r.onTarget());
        assertEquals(3.5, r.topObjective(), 1e-12);
        assertEquals(3.4, r.topGap(), 1e-12);
        assertEquals("cB", r.best().smiles());
        assertEquals((3.0 + 3.5 + 3.5) / 3, r.objectiveMean(), 1e-12);
        ClmComparison.Row none = ClmComparison.row("empty", List.of(m(null, 0, null, null, false)),
                Direction.MAXIMIZE, 9, 3, 0);
        assertNull(none.best());
        assertNull(none.gapMean());

        ClmComparison c = new ClmComparison("maximize HMO_GAP_eV", 9, 1, List.of(r, none));
        Path page = tmp.getRoot().toPath().resolve("report.html");
        Files.writeString(page, "<html><body><h1>x</h1></body></html>", StandardCharsets.UTF_8);
        c.insertInto(page);
        String html = Files.readString(page);
        assertTrue(html.indexOf("clm-comparison") > html.indexOf("<h1>"));
        assertTrue(html.endsWith("</section>\n</body></html>"));
        assertTrue(c.lines().get(0).startsWith("demo-compare: lm: valid 0.800"));
        assertEquals(2, ((List<?>) c.toMap().get("routes")).size());
    }
}
