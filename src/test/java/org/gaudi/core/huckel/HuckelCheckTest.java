package org.gaudi.core.huckel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gaudi.core.data.DatasetFormatException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HuckelCheckTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String[] ACENES_ETC = {"c1ccccc1", "c1ccc2ccccc2c1", "c1ccc2cc3ccccc3cc2c1",
        "c1ccc2cc3cc4ccccc4cc3cc2c1", "c1ccc2c(c1)ccc1ccccc12", "c1cc2ccc3cccc4ccc(c1)c2c34"};

    private Path write(String name, String text) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    public void exactLinearReferenceIsRecoveredAndBadRowsAreCounted() throws Exception {
        HuckelCalculator hmo = new HuckelCalculator();
        StringBuilder csv = new StringBuilder("molecule,smiles,GAP_eV\n");
        for (int i = 0; i < ACENES_ETC.length; i++) {
            double gap = hmo.compute(ACENES_ETC[i]).gap();
            csv.append(String.format(Locale.ROOT, "m%d,%s,%.12f%n", i, ACENES_ETC[i], 1.0 + 3.0 * gap));
        }
        csv.append("bad,c1cccc1,4.0\n"); // line 8: not kekulisable
        csv.append("nogap,c1ccccc1,\n"); // line 9: reference missing
        HuckelCheck.Report r = HuckelCheck.run(write("ref.csv", csv.toString()));
        assertEquals(8, r.rows());
        assertEquals(2, r.skipped());
        assertTrue(r.skippedExamples().toString(), r.skippedExamples().get(0).startsWith("line 8:"));
        assertTrue(r.skippedExamples().toString(), r.skippedExamples().get(1).startsWith("line 9:"));
        assertEquals(1.0, r.gapPearsonR(), 1e-9);
        assertEquals(1.0, r.gapFit().intercept(), 1e-9);
        assertEquals(3.0, r.gapFit().slope(), 1e-9);
        assertEquals(0.0, r.gapFit().meanAbsoluteError(), 1e-9);
        assertNull("no HOMO_eV column, no HOMO fit", r.homoFit());
        assertTrue(r.format(), r.format().startsWith("huckel-gap-r: 1.0000"));
    }

    @Test
    public void missingColumnIsNamedWithTheAvailableOnes() throws Exception {
        Path p = write("nogap.csv", "molecule,smiles,LUMO_eV\nm1,c1ccccc1,-1\n");
        try {
            HuckelCheck.run(p);
            fail("GAP_eV is missing");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("GAP_eV") && e.getMessage().contains("LUMO_eV")
                    && e.getMessage().contains(p.toString()));
        }
    }

    @Test
    public void emptyFileIsAnError() throws Exception {
        Path p = write("empty.csv", "");
        try {
            HuckelCheck.run(p);
            fail("empty file");
        } catch (DatasetFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("empty") && e.getMessage().contains(p.toString()));
        }
    }
}
