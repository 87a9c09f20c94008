package org.gaudi.core.data;

import java.io.IOException;
import java.io.Reader;
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
        if (!Files.isRegularFile(csv)) {
            throw new java.nio.file.NoSuchFileException(csv.toString(), null, "COMPAS CSV not found");
        }
        try (Utf8LineReader utf8 = new Utf8LineReader(Files.newInputStream(csv));
                Reader reader = new java.io.BufferedReader(utf8);
                CSVParser p = parse(csv, reader)) {
            if (p.getHeaderMap() == null || !p.getHeaderMap().containsKey("smiles")) {
                throw new DatasetFormatException(csv + ": no column 'smiles'; columns are " + columns(p.getHeaderNames()));
            }
            for (CSVRecord rec : records(csv, p)) {
                rows++;
                long line = p.getCurrentLineNumber();
                String where = "line " + line + " ("
                        + (rec.isMapped("molecule") && rec.isSet("molecule") ? rec.get("molecule") : "?") + ")";
                Utf8LineReader.BadByte bad = utf8.badByteIn(line, line);
                if (bad != null || !rec.isSet("smiles")) {
                    note(failures, where + ": " + (bad != null ? bad.describe() : "no 'smiles' value"));
                    continue;
                }
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

    /**
     * Header names for a message: at most 20, each cut to 40 characters, unprintable characters as '?' (a binary
     * file read as CSV must not flood the console).
     */
    public static String columns(List<String> header) {
        List<String> shown = new ArrayList<>();
        for (String h : header.subList(0, Math.min(20, header.size()))) {
            String clean = h.codePoints().map(c -> Character.isISOControl(c) || c == 0xFFFD ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            shown.add(clean.length() > 40 ? clean.substring(0, 40) + "..." : clean);
        }
        return shown + (header.size() > 20 ? " and " + (header.size() - 20) + " more" : "");
    }

    /** Opens a CSV with a header, turning commons-csv's unchecked failures into a message with the file. */
    public static CSVParser parse(Path csv, Reader reader) throws IOException {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new DatasetFormatException(csv + ": unreadable header: " + e.getMessage());
        }
    }

    /** The records; a malformed one (e.g. an unterminated quote) fails naming the file and line. */
    public static Iterable<CSVRecord> records(Path csv, CSVParser p) {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<CSVRecord> it = p.iterator();

            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new IllegalArgumentException(csv + " near line " + p.getCurrentLineNumber()
                            + ": malformed CSV: " + e.getMessage());
                }
            }

            @Override
            public CSVRecord next() {
                return it.next();
            }
        };
    }

    private static void note(List<String> failures, String what) {
        if (failures.size() < MAX_FAILURES_LISTED) {
            int nl = what.indexOf('\n');
            failures.add(nl < 0 ? what : what.substring(0, nl)); // CDK adds a caret drawing on further lines
        }
    }
}
