package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaudi.core.gor.RingType;
import org.gaudi.testutil.SharedData;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The reader with its production geometry (BenzenoidEmbedder), on public molecules and on the real COMPAS-1D file. */
public class CompasCsvReaderCompasTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void defaultReaderPutsSmilesOnlyBenzenoidsOnTheLattice() throws Exception {
        Path csv = tmp.getRoot().toPath().resolve("pah.csv");
        Files.writeString(csv, "molecule,smiles,GAP_eV\nbenzene,c1ccccc1,6.5\nnaphthalene,c1ccc2ccccc2c1,4.8\n"
                + "anthracene,c1ccc2cc3ccccc3cc2c1,3.6\nphenanthrene,c1ccc2c(c1)ccc1ccccc12,4.7\n"
                + "pyrene,c1cc2ccc3cccc4ccc(c1)c2c34,3.8\n", StandardCharsets.UTF_8);
        Dataset d = new CompasCsvReader().read(csv, CompasCsvReader.Options.of("GAP_eV"));
        assertEquals(4, d.size());
        // pyrene is peri-condensed: GaUDI's graph of rings cannot stand for it (RingSystemRule), xyz or not
        assertEquals(RejectionReason.UNSUPPORTED_STRUCTURE, d.rejections().get(0).reason());
        assertEquals(6, d.rejections().get(0).line());
        MoleculeRecord phen = d.records().get(3);
        assertEquals(3, phen.ringCount());
        assertTrue(phen.gor().isBenzenoid());
        int fused = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                double dist = phen.gor().distance(i, j);
                if (dist < 3.0) {
                    fused++;
                    assertEquals(2.43, dist, 0.03);
                }
            }
        }
        assertEquals("phenanthrene has two fused ring pairs", 2, fused);
    }

    @Test
    public void readsAllOfCompas1dWithFiveTargets() throws Exception {
        Path csv = SharedData.compasB3lyp();
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Dataset d = new CompasCsvReader().read(csv,
                CompasCsvReader.Options.of("LUMO_eV", "GAP_eV", "Erel_eV", "aIP_eV", "aEA_eV"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("COMPAS-1D B3LYP: %d records, %d rejected %s, %.2f s (cpu %.2f s)%n", d.size(),
                d.rejections().size(), d.rejectionCounts(), seconds, cpu);
        assertEquals("rejections: " + d.rejectionCounts() + (d.rejections().isEmpty() ? ""
                : ", first " + d.rejections().get(0)), 8678, d.size());
        int[] perRings = new int[11];
        for (MoleculeRecord r : d.records()) {
            perRings[r.ringCount()]++;
            for (RingType t : r.gor().types()) {
                assertEquals(RingType.Bn, t);
            }
        }
        // data README: 1,1,2,5,12,37,121,440,1651,6408 molecules with 1..10 rings
        assertEquals(6408, perRings[10]);
        assertEquals(1651, perRings[9]);
        assertEquals(37, perRings[6]);
        MoleculeRecord naphthalene = d.records().get(0);
        assertEquals("hc_c10h8_0pent_1", naphthalene.id());
        assertEquals(-1.172, naphthalene.property(0), 0);
        assertEquals(4.781, naphthalene.property(1), 0);
        assertEquals(0.524, naphthalene.property(4), 0);
        // CPU time of this thread, not wall time: the test machine is shared
        assertTrue("reading took " + cpu + " CPU s", cpu < 60);
    }
}
