package org.gaudi.core.data;

import org.gaudi.core.chem.XyzFormatException;
import org.gaudi.core.chem.XyzParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.gor.GorEncoder;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Reads a COMPAS-style CSV file (header row; columns {@code molecule} and {@code smiles} plus the chosen property
 * columns) into a {@link Dataset}. Geometry per row: the row's {@code <molecule>.xyz} from the optional xyz source
 * (folder or .tar.gz) encoded from its 3D coordinates, otherwise the lattice embedding of a benzenoid SMILES;
 * a non-benzenoid without xyz is rejected with NO_GEOMETRY. A benzenoid whose xyz file is missing from a given source
 * is kept with its lattice geometry and listed as a {@link GeometryFallback}; a source that has a file for none of the
 * molecules is an error. Every rejected row becomes a {@link Rejection} with the
 * file and line. Ids must be unique in the file: a repeated id is rejected (DUPLICATE_ID) even if its first row was
 * itself rejected.
 */
public final class CompasCsvReader {
    static final String ID_COLUMN = "molecule";
    static final String SMILES_COLUMN = "smiles";
    private static final int PROGRESS_EVERY = 256;

    private final GorStrategy fromCoordinates;
    private final GorStrategy fromGraph;

    /** Uses {@link GorEncoder#encode} for xyz geometries and {@link BenzenoidEmbedder#embed} for SMILES only. */
    public CompasCsvReader() {
        this(GorEncoder::encode, BenzenoidEmbedder::embed);
    }

    public CompasCsvReader(GorStrategy fromCoordinates, GorStrategy fromGraph) {
        this.fromCoordinates = Objects.requireNonNull(fromCoordinates, "fromCoordinates");
        this.fromGraph = Objects.requireNonNull(fromGraph, "fromGraph");
    }

    /** What to read. Immutable; build with {@link #of(List)} and the {@code with…} methods. */
    public static final class Options {
        private final List<String> properties;
        private final Path xyzSource;
        private final int maxRings;
        private final long rowLimit;
        private final ReadProgress progress;

        private Options(List<String> properties, Path xyzSource, int maxRings, long rowLimit, ReadProgress progress) {
            this.properties = properties;
            this.xyzSource = xyzSource;
            this.maxRings = maxRings;
            this.rowLimit = rowLimit;
            this.progress = progress;
        }

        /** The property columns to load, in this order (may be empty); no xyz source, max 11 rings, no limit. */
        public static Options of(List<String> properties) {
            return new Options(RecordAssembler.checkedPropertyNames(properties), null, 11, Long.MAX_VALUE,
                    ReadProgress.NONE);
        }

        public static Options of(String... properties) {
            return of(List.of(properties));
        }

        /** Folder of {@code <molecule>.xyz} files or a .tar.gz/.tgz of them; null for none. */
        public Options withXyzSource(Path source) {
            return new Options(properties, source, maxRings, rowLimit, progress);
        }

        /** Rows with more rings are rejected (TOO_MANY_RINGS). GaUDI uses 11 for cc-PBHs, 10 for PASs. */
        public Options withMaxRings(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max ring count must be at least 1, got " + max);
            }
            return new Options(properties, xyzSource, max, rowLimit, progress);
        }

        /** Read only the first {@code limit} data rows (rows read, not rows accepted). */
        public Options withRowLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("row limit must be at least 1, got " + limit);
            }
            return new Options(properties, xyzSource, maxRings, limit, progress);
        }

        public Options withProgress(ReadProgress p) {
            return new Options(properties, xyzSource, maxRings, rowLimit, Objects.requireNonNull(p));
        }

        public List<String> properties() {
            return properties;
        }

        public Path xyzSource() {
            return xyzSource;
        }

        public int maxRings() {
            return maxRings;
        }

        public long rowLimit() {
            return rowLimit;
        }
    }

    /** One data row as text, with its line. */
    private static final class Row {
        final long line;
        final String id;
        final String smiles;
        final String[] values;
        final String malformed;
        final Utf8LineReader.BadByte badByte;

        Row(long line, String id, String smiles, String[] values, String malformed, Utf8LineReader.BadByte badByte) {
            this.line = line;
            this.id = id;
            this.smiles = smiles;
            this.values = values;
            this.malformed = malformed;
            this.badByte = badByte;
        }
    }

    /**
     * Reads the file.
     *
     * @throws DatasetFormatException when the file is empty, has only a header, lacks a required column (the message
     *                                lists the available ones) or has no usable row (the message summarises the
     *                                rejections); {@link NoSuchFileException} when it does not exist
     * @throws java.util.concurrent.CancellationException when the progress callback cancels
     */
    public Dataset read(Path csv, Options options) throws IOException {
        List<Row> rows = readRows(csv, options);
        List<String> ids = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ids.add(r.id);
        }
        XyzSource xyz = options.xyzSource() == null ? null : XyzSource.open(options.xyzSource(), ids);
        RecordAssembler assembler = new RecordAssembler(fromCoordinates, fromGraph, options.maxRings());
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        List<MoleculeRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<GeometryFallback> fallbacks = new ArrayList<>();
        XyzLookups lookups = new XyzLookups();
        Map<String, Long> firstLine = new HashMap<>();
        String source = csv.toString();
        long done = 0;
        for (Row row : rows) {
            try {
                MoleculeRecord rec = assemble(row, options, xyz, assembler, parser, firstLine, lookups);
                records.add(rec);
                if (xyz != null && lookups.missedLast) {
                    fallbacks.add(new GeometryFallback(source, row.line, row.id, FallbackReason.NO_XYZ_FILE));
                }
            } catch (RecordRejectedException e) {
                rejections.add(new Rejection(source, row.line, row.id, e.reason(), e.getMessage()));
            }
            if (++done % PROGRESS_EVERY == 0) {
                options.progress.update(done, rows.size());
            }
        }
        options.progress.update(done, rows.size());
        if (xyz != null && lookups.looked > 0 && lookups.found == 0) {
            // the user pointed to geometries: using none of them is a mistake (wrong folder or ids), not a fallback
            throw new DatasetFormatException("xyz source " + options.xyzSource() + " has no <molecule>.xyz file for"
                    + " any of the " + lookups.looked + " molecules looked up (the first wanted was "
                    + lookups.firstMissing + ".xyz); the files must be named after the '" + ID_COLUMN
                    + "' column of " + csv);
        }
        if (records.isEmpty()) {
            throw new DatasetFormatException(csv + ": none of the " + rows.size() + " data rows is usable; "
                    + summary(rejections));
        }
        return new Dataset(source, options.properties(), records, rejections, fallbacks);
    }

    /** How many rows looked for an xyz file and found one; whether the last row missed. */
    private static final class XyzLookups {
        long looked;
        long found;
        boolean missedLast;
        String firstMissing;

        void record(String id, boolean hit) {
            looked++;
            missedLast = !hit;
            if (hit) {
                found++;
            } else if (firstMissing == null) {
                firstMissing = id;
            }
        }
    }

    private MoleculeRecord assemble(Row row, Options options, XyzSource xyz, RecordAssembler assembler,
            SmilesParser parser, Map<String, Long> firstLine, XyzLookups lookups)
            throws RecordRejectedException, IOException {
        lookups.missedLast = false;
        if (row.badByte != null) {
            throw new RecordRejectedException(RejectionReason.BAD_ENCODING, row.badByte.describe() + "; "
                    + Utf8LineReader.ADVICE);
        }
        if (row.malformed != null) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, row.malformed);
        }
        if (row.id.isEmpty()) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "empty '" + ID_COLUMN + "' value");
        }
        Long seen = firstLine.putIfAbsent(row.id, row.line);
        if (seen != null) {
            throw new RecordRejectedException(RejectionReason.DUPLICATE_ID, "id first seen on line " + seen);
        }
        double[] props = new double[options.properties().size()];
        for (int i = 0; i < props.length; i++) {
            props[i] = RecordAssembler.property(options.properties().get(i), row.values[i]);
        }
        IAtomContainer graph = parseSmiles(parser, row.smiles);
        int rings = assembler.checkRingCount(graph);
        RecordAssembler.checkRule(graph);
        GraphOfRings gor;
        XyzSource.XyzFile file = xyz == null ? null : xyz.find(row.id);
        if (xyz != null) {
            lookups.record(row.id, file != null);
        }
        if (file != null) {
            if (file.badByte() != null) {
                throw new RecordRejectedException(RejectionReason.BAD_ENCODING, file.name() + ": "
                        + file.badByte().message());
            }
            IAtomContainer mol3d;
            try {
                mol3d = XyzParser.parse(file.text(), file.name());
            } catch (XyzFormatException e) {
                throw new RecordRejectedException(RejectionReason.MALFORMED_XYZ, e.getMessage());
            }
            RecordAssembler.checkComposition(graph, mol3d, file.name());
            gor = assembler.fromCoordinates(mol3d, rings, RejectionReason.MALFORMED_XYZ, file.name());
        } else if (xyz != null) {
            try {
                gor = assembler.fromGraph(graph, rings);
            } catch (RecordRejectedException e) {
                throw e.reason() != RejectionReason.NO_GEOMETRY ? e : new RecordRejectedException(e.reason(),
                        "no " + row.id + ".xyz in " + options.xyzSource() + "; " + e.getMessage());
            }
        } else {
            gor = assembler.fromGraph(graph, rings);
        }
        return new MoleculeRecord(row.id, row.smiles, gor, props);
    }

    private static IAtomContainer parseSmiles(SmilesParser parser, String smiles) throws RecordRejectedException {
        if (smiles.isEmpty()) {
            throw new RecordRejectedException(RejectionReason.BAD_SMILES, "empty '" + SMILES_COLUMN + "' value");
        }
        try {
            return parser.parseSmiles(smiles);
        } catch (InvalidSmilesException e) {
            throw new RecordRejectedException(RejectionReason.BAD_SMILES, "'" + smiles + "': " + firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Pass 1: header checks and the rows as text (up to the row limit). */
    private static List<Row> readRows(Path csv, Options options) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new NoSuchFileException(csv.toString(), null, "dataset CSV not found");
        }
        List<Row> rows = new ArrayList<>();
        try (Utf8LineReader utf8 = new Utf8LineReader(Files.newInputStream(csv));
                BufferedReader reader = new BufferedReader(utf8)) {
            skipByteOrderMark(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).build();
            CSVParser parser;
            try {
                parser = format.parse(reader);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new DatasetFormatException(csv + ": unreadable header: " + e.getMessage());
            }
            try (CSVParser p = parser) {
                List<String> header = p.getHeaderNames();
                if (header == null || header.isEmpty()) {
                    throw new DatasetFormatException(csv + " is empty: expected a header row with columns "
                            + required(options));
                }
                Utf8LineReader.BadByte inHeader = utf8.badByteIn(1, 1);
                if (inHeader != null) {
                    throw new DatasetFormatException(csv + ": header " + inHeader.message());
                }
                for (String column : required(options)) {
                    if (!header.contains(column)) {
                        throw new DatasetFormatException(csv + " has no column '" + column + "'; available columns: "
                                + DatasetChecks.columns(header));
                    }
                }
                int width = header.size();
                long previousLine = 1;
                List<String> props = options.properties();
                try {
                    for (CSVRecord rec : p) {
                        long line = p.getCurrentLineNumber();
                        String id = rec.isSet(ID_COLUMN) ? rec.get(ID_COLUMN) : "";
                        Utf8LineReader.BadByte bad = utf8.badByteIn(previousLine + 1, Math.max(line,
                                previousLine + 1));
                        previousLine = line;
                        if (bad != null || !rec.isConsistent()) {
                            rows.add(new Row(line, id, "", null, rec.size() + " fields, the header has " + width,
                                    bad));
                        } else {
                            String[] values = new String[props.size()];
                            for (int i = 0; i < values.length; i++) {
                                values[i] = rec.get(props.get(i));
                            }
                            rows.add(new Row(line, id, rec.get(SMILES_COLUMN), values, null, null));
                        }
                        if (rows.size() >= options.rowLimit()) {
                            break;
                        }
                    }
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    // commons-csv reports e.g. an unterminated quote this way; the rest of the file is unreadable
                    throw new DatasetFormatException(csv + " near line " + p.getCurrentLineNumber()
                            + ": malformed CSV: " + e.getMessage());
                }
            }
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(csv + " has a header but no data rows");
        }
        return rows;
    }

    private static List<String> required(Options options) {
        List<String> r = new ArrayList<>();
        r.add(ID_COLUMN);
        r.add(SMILES_COLUMN);
        r.addAll(options.properties());
        return r;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** "n rejected: REASON=count, …; first: …" for exception messages. */
    static String summary(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return "no rejections";
        }
        Map<RejectionReason, Integer> counts = new java.util.TreeMap<>();
        for (Rejection r : rejections) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return rejections.size() + " rejected " + counts + "; first: " + rejections.get(0);
    }
}
