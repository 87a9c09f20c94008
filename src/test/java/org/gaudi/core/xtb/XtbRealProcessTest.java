package org.gaudi.core.xtb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.junit.Test;

/** The real xtb, where it is installed (CI does not have it: the test is skipped there). */
public class XtbRealProcessTest {

    private static XtbRunner runner() {
        Optional<Path> exe = XtbLocator.onPath(System.getenv("PATH"));
        assumeTrue("xtb is not on PATH", exe.isPresent());
        return new XtbRunner(exe.get(), XtbSettings.defaults().withTimeLimit(java.time.Duration.ofSeconds(60)));
    }

    @Test
    public void gfn2GapsOfOurGeometriesFallWithConjugationLength() {
        XtbRunner r = runner();
        List<MoleculeRecord> acenes = EmbeddedDataset.generate(1, 2, i -> { }).records();
        XtbOutcome benzene = r.run(XtbOracleComparison.geometry(acenes.get(0), null), () -> false);
        XtbOutcome naphthalene = r.run(XtbOracleComparison.geometry(acenes.get(1), null), () -> false);
        assertTrue(benzene.error(), benzene.ok());
        assertTrue(naphthalene.error(), naphthalene.ok());
        // GFN2-xTB gaps are a few eV and shrink as the pi system grows (Hückel says the same)
        assertTrue("benzene " + benzene.gapEv(), benzene.gapEv() > 3 && benzene.gapEv() < 7);
        assertTrue(benzene.gapEv() + " vs " + naphthalene.gapEv(), naphthalene.gapEv() < benzene.gapEv() - 0.3);
    }

    @Test
    public void aHeteroMoleculeRunsAndTheComparisonFitsALine() {
        XtbRunner r = runner();
        List<MoleculeRecord> drawn = XtbOracleComparison.draw(EmbeddedDataset.Space.HETERO, 1, 2, 4, 3L);
        XtbOracleComparison.Result res = XtbOracleComparison.run(EmbeddedDataset.Space.HETERO, drawn, r,
                (d, t, m) -> { }, () -> false);
        assertEquals(res.tally().firstFailure(), 4, res.tally().ok());
        assertEquals(4, res.fit().count());
        assertTrue(Double.isFinite(res.fit().pearsonR()));
        assertEquals(drawn.get(0).id(), res.ids().get(0));
    }
}
