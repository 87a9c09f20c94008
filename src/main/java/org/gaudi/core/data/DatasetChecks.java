package org.gaudi.core.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.gaudi.core.pah.CataBenzenoid;
import org.gaudi.core.pah.CataBenzenoidEnumerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * The data layer's acceptance checks, shared by tests and {@code ./gaudi dataset --check}: the enumerator covers
 * COMPAS-1D, and every COMPAS-1D molecule survives SMILES → lattice graph of rings → decoded molecule with an
 * identical InChI.
 */
public final class DatasetChecks {
    private static final int MAX_FAILURES_LISTED = 10;

    private DatasetChecks() {
    }

    /** Result of checking a COMPAS-style CSV. */
    public static final class CompasReport {
        private final int rows;
        private final int members;
        private final int roundTrips;
        private final List<String> failures;

        CompasReport(int rows, int members, int roundTrips, List<String> failures) {
            this.rows = rows;
            this.members = members;
            this.roundTrips = roundTrips;
            this.failures = List.copyOf(failures);
        }

        public int rows() {
            return rows;
        }

        /** Rows whose molecule is among the enumerated cc-PBHs. */
        public int members() {
            return members;
        }

        /** Rows whose lattice GOR decodes to a valid molecule with the InChI of the row's SMILES. */
        public int roundTrips() {
            return roundTrips;
        }

        /** The first failures, "line N (id): why". */
        public List<String> failures() {
            return failures;
        }
    }

    /** Number of geometrically planar cc-PBHs with 1..maxRings rings (OEIS A038142 totals). */
    public static long planarCount(int maxRings) {
        long n = 0;
        for (List<CataBenzenoid> level : CataBenzenoidEnumerator.enumerateUpTo(maxRings)) {
            for (CataBenzenoid b : level) {
                n += b.planar() ? 1 : 0;
            }
        }
        return n;
    }

    /** Checks every row of a COMPAS-style CSV (columns {@code molecule}, {@code smiles}). */
    public static CompasReport compas(Path csv) throws IOException {
        Set<String> enumerated = new HashSet<>();
        for (List<CataBenzenoid> level : CataBenzenoidEnumerator.enumerateUpTo(10)) {
            for (CataBenzenoid b : level) {
                enumerated.add(b.id());
            }
        }
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        int rows = 0;
        int members = 0;
        int roundTrips = 0;
        List<String> failures = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            if (!p.getHeaderMap().containsKey("smiles")) {
                throw new DatasetFormatException(csv + ": no column 'smiles'; columns are " + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                rows++;
                String where = "line " + p.getCurrentLineNumber() + " ("
                        + (rec.isMapped("molecule") ? rec.get("molecule") : "?") + ")";
                try {
                    IAtomContainer mol = parser.parseSmiles(rec.get("smiles"));
                    if (enumerated.contains(BenzenoidEmbedder.canonicalId(mol))) {
                        members++;
                    } else {
                        note(failures, where + ": not among the enumerated cc-PBHs");
                    }
                    GraphOfRings gor = BenzenoidEmbedder.embed(mol);
                    DecodedMolecule decoded = GorDecoder.decode(gor);
                    String expected = MoleculeIdentity.ofSmiles(rec.get("smiles")).inchi();
                    if (!decoded.valid()) {
                        note(failures, where + ": decoded molecule invalid: " + decoded.failureMessage());
                    } else if (!expected.equals(decoded.inchi())) {
                        note(failures, where + ": InChI differs: " + decoded.inchi());
                    } else {
                        roundTrips++;
                    }
                } catch (CDKException | GorEncodingException e) {
                    note(failures, where + ": " + e.getMessage());
                }
            }
        }
        return new CompasReport(rows, members, roundTrips, failures);
    }

    private static void note(List<String> failures, String what) {
        if (failures.size() < MAX_FAILURES_LISTED) {
            failures.add(what);
        }
    }
}
