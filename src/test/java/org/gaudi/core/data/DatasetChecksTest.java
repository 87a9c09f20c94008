package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.gor.GorStability;
import org.gaudi.core.gor.StabilityReport;
import org.gaudi.core.pah.CataBenzenoid;
import org.gaudi.core.pah.CataBenzenoidEnumerator;
import org.gaudi.testutil.SharedData;
import org.junit.Test;

/**
 * Acceptance of the data layer on real DFT data: every COMPAS-1D molecule is an enumerated cc-PBH, and its lattice
 * graph of rings decodes back to the same molecule (same standard InChI). This is what
 * {@code ./gaudi dataset --check} prints as {@code compas1d-members} and {@code compas1d-roundtrip}.
 */
public class DatasetChecksTest {

    @Test
    public void everyCompasMoleculeIsEnumeratedAndRoundTrips() throws Exception {
        DatasetChecks.CompasReport r = DatasetChecks.compas(SharedData.compasB3lyp());
        assertEquals(8678, r.rows());
        assertEquals(r.failures().toString(), r.rows(), r.members());
        assertEquals(r.failures().toString(), r.rows(), r.roundTrips());
    }

    /** Cross-check of the lattice geometry (pah) against the production geometric checks (gor), §4.2. */
    @Test
    public void everyEnumeratedMoleculeUpToTenRingsPassesGaudisGeometricChecks() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (List<CataBenzenoid> level : CataBenzenoidEnumerator.enumerateUpTo(10)) {
            for (CataBenzenoid b : level) {
                StabilityReport r = GorStability.check(b.gor());
                checked++;
                if (!r.stable() && failures.size() < 10) {
                    failures.add(b.id() + ": " + r.message());
                }
            }
        }
        assertEquals(9009, checked);
        assertEquals(failures.toString(), 0, failures.size());
    }

    @Test
    public void planarTotalsMatchOeisA038142() {
        assertEquals(28762, DatasetChecks.planarCount(11));
    }
}
