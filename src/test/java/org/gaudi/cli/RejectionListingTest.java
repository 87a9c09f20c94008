package org.gaudi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Rejected records are listed (file, line, id, reason), capped with "… and N more". */
public class RejectionListingTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theCliListsEachRejectedRecordUpToTheCap() throws Exception {
        StringBuilder csv = new StringBuilder("molecule,smiles\nnaph,c1ccc2ccccc2c1\nanth,c1ccc2cc3ccccc3cc2c1\n");
        csv.append("toluene,Cc1ccccc1\nbiphenyl,c1ccc(cc1)-c1ccccc1\npyrene,c1cc2ccc3cccc4ccc(c1)c2c34\n");
        for (int i = 0; i < 22; i++) {
            csv.append("bad").append(i).append(",not-a-smiles\n");
        }
        Path file = tmp.getRoot().toPath().resolve("mixed.csv");
        Files.writeString(file, csv);
        CliRun r = CliRun.of("train-edm", "--data", file.toString(), "--epochs", "1", "--progress", "none", "-o",
                tmp.getRoot().toPath().resolve("x.gaudi-edm").toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(r.toString(), lines.contains("data: " + file + ": 2 molecules, 25 rejected"));
        assertTrue(r.toString(), lines.contains("  " + file + ":4 [toluene]: structure cannot be encoded as a graph of"
                + " rings (atom 1 (C) is not in a ring; a graph of rings cannot carry substituents or linkers, with or"
                + " without coordinates)"));
        assertTrue(r.toString(), lines.stream().anyMatch(l -> l.startsWith("  " + file + ":5 [biphenyl]: structure"
                + " cannot be encoded as a graph of rings (the molecule has 2 separate ring systems")));
        // pyrene is peri-condensed: GaUDI's decoder cannot rebuild an atom shared by three rings, so no xyz file
        // would help (RingSystemRule, shared with the validity of designs)
        assertTrue(r.toString(), lines.stream().anyMatch(l -> l.startsWith("  " + file + ":6 [pyrene]: structure cannot"
                + " be encoded as a graph of rings (atom ") && l.contains("is shared by three rings (peri-condensed)")));
        assertTrue(r.toString(), lines.stream().anyMatch(l -> l.startsWith("  " + file + ":7 [bad0]: SMILES could not"
                + " be parsed")));
        assertEquals(r.toString(), 20, lines.stream().filter(l -> l.startsWith("  " + file + ":")).count());
        assertTrue(r.toString(), lines.contains("  … and 5 more (the GOR Dataset Reader node's rejection table lists"
                + " them all)"));
    }
}
