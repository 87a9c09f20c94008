package org.gaudi.core.huckel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.gaudi.testutil.SharedData;
import org.junit.Test;

/**
 * Refits the Hückel → eV calibration on all of COMPAS-1D (B3LYP) and checks the stored constants and the known
 * correlation (data README: r = 0.975, MAE 0.07–0.08 eV after a linear fit).
 */
public class HuckelCalibrationTest {

    @Test
    public void storedCalibrationMatchesAFreshFitOnCompasB3lyp() throws Exception {
        Path csv = SharedData.compasB3lyp();
        HuckelCheck.Report report = HuckelCheck.run(csv);
        System.out.print(report.format());
        System.out.println("gap fit:  " + report.gapFit());
        System.out.println("HOMO fit: " + report.homoFit());
        System.out.println("LUMO fit: " + report.lumoFit());

        assertEquals("every COMPAS-1D row must give an HMO result: " + report.skippedExamples(), 0, report.skipped());
        assertEquals(8678, report.rows());
        assertTrue("Pearson r(HMO gap, GAP_eV) = " + report.gapPearsonR(), report.gapPearsonR() >= 0.97);
        assertTrue("MAE after the fit = " + report.gapFit().meanAbsoluteError(),
                report.gapFit().meanAbsoluteError() < 0.08);

        assertFit("gap", report.gapFit(), HuckelCalibration.GAP_INTERCEPT_EV, HuckelCalibration.GAP_SLOPE_EV);
        assertFit("HOMO", report.homoFit(), HuckelCalibration.HOMO_INTERCEPT_EV, HuckelCalibration.HOMO_SLOPE_EV);
        assertFit("LUMO", report.lumoFit(), HuckelCalibration.LUMO_INTERCEPT_EV, HuckelCalibration.LUMO_SLOPE_EV);
        assertTrue("HOMO r = " + report.homoFit().pearsonR(), report.homoFit().pearsonR() >= 0.96);
        assertTrue("LUMO r = " + report.lumoFit().pearsonR(), report.lumoFit().pearsonR() >= 0.96);
        // the rounded constants must be as good as the exact fit
        assertEquals(report.gapFit().meanAbsoluteError(), report.gapMaeWithStoredCalibration(), 1e-3);
        // CPU time, not wall time: the test machine is shared (measured ≈ 3 s)
        assertTrue("8,678 molecules took " + report.cpuSeconds() + " CPU s", !(report.cpuSeconds() > 20));
    }

    private static void assertFit(String what, LinearFit fit, double intercept, double slope) {
        assertEquals(what + " intercept (fresh fit " + fit + ")", fit.intercept(), intercept, 5e-4);
        assertEquals(what + " slope (fresh fit " + fit + ")", fit.slope(), slope, 5e-4);
    }
}
