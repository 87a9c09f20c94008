package org.gaudi.knime.nodes.reader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.FallbackReason;
import org.gaudi.core.data.GeometryFallback;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.Rejection;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.gor.GraphOfRings;
import org.junit.Test;

/** The reader node's warning names geometry fallbacks next to the rejections, so neither goes unnoticed. */
public class ReaderWarningTest {
    private static final MoleculeRecord BENZENE = new MoleculeRecord("b", "c1ccccc1",
            GraphOfRings.benzenoid(new double[][] {{0, 0, 0}}), new double[0]);

    @Test
    public void fallbacksAreNamedAndCountedPerReason() {
        List<GeometryFallback> f = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            f.add(new GeometryFallback("m.csv", i + 2, "m" + i, FallbackReason.NO_XYZ_FILE));
        }
        f.add(new GeometryFallback("m.csv", 9, "z", FallbackReason.SDF_NO_COORDINATES));
        Dataset d = new Dataset("m.csv", List.of(), List.of(BENZENE), List.of(new Rejection("m.csv", 10, "x",
                RejectionReason.BAD_SMILES, "oops")), f);
        assertEquals("1 record rejected (1 SMILES could not be parsed); see the second output table.\n"
                + "8 molecules use lattice coordinates instead of the given ones (7 NO_XYZ_FILE; 1 SDF_NO_COORDINATES):"
                + " m0 (line 2), m1 (line 3), m2 (line 4), m3 (line 5), m4 (line 6) … and 3 more.",
                GorDatasetReaderNodeModel.warning(d));
    }

    @Test
    public void noWarningWithoutRejectionsOrFallbacks() {
        assertNull(GorDatasetReaderNodeModel.warning(new Dataset("m.csv", List.of(), List.of(BENZENE), List.of())));
    }
}
