package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A CLI user sees every molecule whose geometry fell back to the lattice, counted per reason and listed. */
public class GeometryFallbackListingTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void missingXyzFilesArePrintedLikeRejections() throws Exception {
        Path root = tmp.getRoot().toPath();
        Path xyz = Files.createDirectories(root.resolve("xyz"));
        // naphthalene: aromatic C–C 1.40 Å, C–H 1.08 Å, in the z = 0 plane
        Files.writeString(xyz.resolve("naph.xyz"), "18\nnaphthalene\n"
                + "C 0.0000 0.7000 0\nC 0.0000 -0.7000 0\nC 1.2124 1.4000 0\nC 1.2124 -1.4000 0\n"
                + "C -1.2124 1.4000 0\nC -1.2124 -1.4000 0\nC 2.4249 0.7000 0\nC 2.4249 -0.7000 0\n"
                + "C -2.4249 0.7000 0\nC -2.4249 -0.7000 0\nH 1.2124 2.4800 0\nH 1.2124 -2.4800 0\n"
                + "H -1.2124 2.4800 0\nH -1.2124 -2.4800 0\nH 3.3602 1.2400 0\nH 3.3602 -1.2400 0\n"
                + "H -3.3602 1.2400 0\nH -3.3602 -1.2400 0\n");
        Path csv = root.resolve("m.csv");
        Files.writeString(csv, "molecule,smiles\nnaph,c1ccc2ccccc2c1\nanth,c1ccc2cc3ccccc3cc2c1\n"
                + "phen,c1ccc2c(c1)ccc1ccccc12\n");
        CliRun r = CliRun.of("train-edm", "--data", csv.toString(), "--xyz", xyz.toString(), "--max-rings", "3",
                "--epochs", "1", "--progress", "none", "-o", root.resolve("x.gaudi-edm").toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(r.toString(), lines.contains("data: " + csv + ": 3 molecules, 0 rejected"));
        assertTrue(r.toString(), lines.contains("geometry: 2 of 3 molecules use lattice coordinates instead of the"
                + " given ones"));
        assertTrue(r.toString(), lines.contains("  fallback NO_XYZ_FILE: 2"));
        assertEquals(r.toString(), List.of("  " + csv + ":3 [anth]: no <molecule>.xyz in the xyz source; lattice"
                + " geometry used", "  " + csv + ":4 [phen]: no <molecule>.xyz in the xyz source; lattice geometry"
                + " used"), lines.stream().filter(l -> l.startsWith("  " + csv)).toList());
    }
}
