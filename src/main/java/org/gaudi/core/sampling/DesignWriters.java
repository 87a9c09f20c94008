package org.gaudi.core.sampling;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.gaudi.core.io.StagedFile;
import org.gaudi.core.xtb.XtbColumn;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link DesignResult}: {@value #CSV} (every molecule, one row each, commons-csv, RFC 4180), {@value #SDF}
 * (the valid molecules, explicit H, decoded coordinates, the row's fields as SDF data fields) and {@value #SUMMARY}
 * (the {@link DesignSummary} with seed and settings, Jackson). Each file is written to a temporary file in the
 * target directory and moved into place only when complete, so a failed or interrupted write leaves no half-written
 * file. Empty cells and absent SDF fields mean "not applicable" (e.g. no SMILES for an invalid molecule); NaN is
 * never written.
 */
public final class DesignWriters {
    public static final String CSV = "molecules.csv";
    public static final String SDF = "molecules.sdf";
    public static final String SUMMARY = "summary.json";

    private DesignWriters() {
    }

    /** The CSV header for a result's property names. */
    public static List<String> csvHeader(List<String> propertyNames) {
        List<String> h = new ArrayList<>(List.of(MoleculeTableBuilder.ID, MoleculeTableBuilder.INDEX,
                MoleculeTableBuilder.BATCH, MoleculeTableBuilder.SEED, MoleculeTableBuilder.RINGS,
                MoleculeTableBuilder.VALID, MoleculeTableBuilder.INVALID_REASON, MoleculeTableBuilder.STABLE,
                MoleculeTableBuilder.STABILITY_FAILURE, MoleculeTableBuilder.SMILES, MoleculeTableBuilder.INCHI,
                MoleculeTableBuilder.INCHIKEY));
        for (String p : propertyNames) {
            h.add(MoleculeTableBuilder.PREDICTED_PREFIX + p);
        }
        h.addAll(List.of(MoleculeTableBuilder.OBJECTIVE, MoleculeTableBuilder.HUCKEL_GAP_BETA,
                MoleculeTableBuilder.HUCKEL_GAP_EV, MoleculeTableBuilder.NOVEL, MoleculeTableBuilder.DUPLICATE,
                MoleculeTableBuilder.EXACT_OBJECTIVE, MoleculeTableBuilder.EXACT_RANK,
                MoleculeTableBuilder.EXACT_RANK_OF, MoleculeTableBuilder.EXACT_PERCENTILE));
        return h;
    }

    /** Writes the three files into {@code dir} (created if needed); all or nothing. */
    public static void writeAll(Path dir, DesignResult result) throws IOException {
        writeAll(dir, result, null);
    }

    /**
     * As {@link #writeAll(Path, DesignResult)} with xtb gaps: the CSV gains {@value XtbColumn#GAP} and
     * {@value XtbColumn#ERROR}, the SD records the same fields, the summary the xtb tally.
     *
     * @param xtb null for none
     */
    public static void writeAll(Path dir, DesignResult result, XtbColumn xtb) throws IOException {
        Map<String, Content> files = new LinkedHashMap<>();
        files.put(CSV, w -> writeCsv(w, result, xtb));
        files.put(SDF, w -> writeSdf(w, result, xtb));
        files.put(SUMMARY, w -> writeSummary(w, result, xtb));
        writeFiles(dir, files);
    }

    /**
     * Writes several files into {@code dir} (created if needed), all or nothing: each is staged in a temporary file
     * and moved into place only when all were written.
     */
    public static void writeFiles(Path dir, Map<String, Content> files) throws IOException {
        Files.createDirectories(dir);
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, Content> f : files.entrySet()) {
                staged.add(new Path[] {stage(dir, f.getKey(), f.getValue()), dir.resolve(f.getKey())});
            }
            for (Path[] p : staged) {
                move(p[0], p[1]);
            }
        } finally {
            for (Path[] p : staged) {
                Files.deleteIfExists(p[0]);
            }
        }
    }

    /** Writes {@value #CSV}-style content to a file (atomically). */
    public static void writeCsv(Path file, DesignResult result) throws IOException {
        writeAtomically(file, w -> writeCsv(w, result));
    }

    /** Writes the valid molecules as SD records to a file (atomically). */
    public static void writeSdf(Path file, DesignResult result) throws IOException {
        writeAtomically(file, w -> writeSdf(w, result));
    }

    /** Writes the summary JSON to a file (atomically). */
    public static void writeSummary(Path file, DesignResult result) throws IOException {
        writeAtomically(file, w -> writeSummary(w, result));
    }

    /** One CSV row per molecule, header {@link #csvHeader}. */
    public static void writeCsv(Writer out, DesignResult result) throws IOException {
        writeCsv(out, result, null);
    }

    /** As {@link #writeCsv(Writer, DesignResult)}, with the two xtb columns last when {@code xtb} is not null. */
    public static void writeCsv(Writer out, DesignResult result, XtbColumn xtb) throws IOException {
        List<String> header = csvHeader(result.propertyNames());
        if (xtb != null) {
            header.add(XtbColumn.GAP);
            header.add(XtbColumn.ERROR);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').build();
        CSVPrinter p = new CSVPrinter(out, format);
        for (DesignedMolecule m : result.molecules()) {
            List<Object> row = csvRow(m, result.propertyNames().size());
            if (xtb != null) {
                row.add(xtb.gapEv(m.id()));
                row.add(xtb.error(m.id()));
            }
            p.printRecord(row);
        }
        p.flush();
    }

    /** One molecule's values in the order of {@link #csvHeader} for {@code propertyCount} predicted properties. */
    public static List<Object> csvRow(DesignedMolecule m, int propertyCount) {
        List<Object> row = new ArrayList<>();
        row.add(m.id());
        row.add(m.index());
        row.add(m.batch());
        row.add(m.seed());
        row.add(m.ringCount());
        row.add(m.valid());
        row.add(m.invalidReason());
        row.add(m.stable());
        row.add(m.stabilityFailure());
        row.add(m.smiles());
        row.add(m.inchi());
        row.add(m.inchiKey());
        for (int k = 0; k < propertyCount; k++) {
            row.add(k < m.predicted().size() ? m.predicted().get(k) : null);
        }
        row.add(m.objective());
        row.add(m.huckelGapBeta());
        row.add(m.huckelGapEv());
        row.add(m.novel());
        row.add(m.duplicate());
        row.add(m.exact() == null ? null : m.exact().value());
        row.add(m.exact() == null ? null : m.exact().rank());
        row.add(m.exact() == null ? null : m.exact().of());
        row.add(m.exact() == null ? null : m.exact().percentile());
        return row;
    }

    /** The SD records of the valid molecules, in generation order. */
    public static void writeSdf(Writer out, DesignResult result) throws IOException {
        writeSdf(out, result, null);
    }

    /** As {@link #writeSdf(Writer, DesignResult)}, each record with its xtb field when {@code xtb} is not null. */
    public static void writeSdf(Writer out, DesignResult result, XtbColumn xtb) throws IOException {
        for (DesignedMolecule m : result.molecules()) {
            if (m.sdf() != null) {
                out.write(xtb == null ? m.sdf() : xtb.withField(m.id(), m.sdf()));
            }
        }
        out.flush();
    }

    /** The summary (and the property names and units) as indented JSON. */
    public static void writeSummary(Writer out, DesignResult result) throws IOException {
        writeSummary(out, result, null);
    }

    /** As {@link #writeSummary(Writer, DesignResult)}, with the xtb tally under "xtb" when {@code xtb} is not null. */
    public static void writeSummary(Writer out, DesignResult result, XtbColumn xtb) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(result.summary().toMap());
        m.put("propertyNames", result.propertyNames());
        m.put("propertyUnits", result.propertyUnits());
        if (xtb != null) {
            m.put("xtb", xtb.tally().toMap());
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, finite(m));
        out.write('\n');
        out.flush();
    }

    /** A copy with every non-finite double replaced by null (JSON has no NaN). */
    public static Object finite(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> c = new LinkedHashMap<>();
            map.forEach((k, x) -> c.put(k, finite(x)));
            return c;
        }
        if (v instanceof List<?> list) {
            List<Object> c = new ArrayList<>();
            for (Object x : list) {
                c.add(finite(x));
            }
            return c;
        }
        return v;
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path file, Content content) throws IOException {
        StagedFile.write(file, utf8(content));
    }

    private static Path stage(Path dir, String name, Content content) throws IOException {
        return StagedFile.stage(dir, name, utf8(content));
    }

    private static void move(Path from, Path to) throws IOException {
        StagedFile.commit(from, to);
    }

    private static StagedFile.Content utf8(Content content) {
        return StagedFile.utf8(content::write);
    }
}
