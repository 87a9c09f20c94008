package org.gaudi.core.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.io.StagedFile;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.DesignedMolecule;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a whole guidance-scale sweep as one set of files: {@value #CSV} (every molecule of every run: the columns of
 * {@link DesignWriters#csvHeader} preceded by {@code scale} and {@code guided}; a molecule is identified by
 * (scale, id)), {@value #SDF} (the valid molecules of every run, with {@code scale} and {@code guided} as extra SD data
 * fields) and {@value #SUMMARY} (the report's settings and seeds, the dataset reference and every run's summary).
 * Each file is written to a temporary file and moved into place when complete.
 */
public final class SweepWriters {
    public static final String CSV = "molecules.csv";
    public static final String SDF = "molecules.sdf";
    public static final String SUMMARY = "summary.json";
    /** Extra leading CSV columns and SD fields. */
    public static final String SCALE = "scale";
    public static final String GUIDED = "guided";

    private SweepWriters() {
    }

    /** Writes the three files into {@code dir}. */
    public static void writeAll(Path dir, SweepReport report) throws IOException {
        Files.createDirectories(dir);
        atomically(dir.resolve(CSV), w -> writeCsv(w, report));
        atomically(dir.resolve(SDF), w -> writeSdf(w, report));
        atomically(dir.resolve(SUMMARY), w -> writeSummary(w, report));
    }

    /**
     * The CSV of every run. The rows of one run are exactly {@link DesignWriters#writeCsv(Writer,
     * org.gaudi.core.sampling.DesignResult)}'s, so the two formats cannot drift apart.
     */
    public static void writeCsv(Writer out, SweepReport report) throws IOException {
        List<String> header = new ArrayList<>(List.of(SCALE, GUIDED));
        header.addAll(DesignWriters.csvHeader(report.runs().get(0).result().propertyNames()));
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').build());
        for (SweepRun run : report.runs()) {
            StringWriter one = new StringWriter();
            DesignWriters.writeCsv(one, run.result());
            CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            try (CSVParser parser = CSVParser.parse(new StringReader(one.toString()), read)) {
                if (!parser.getHeaderNames().equals(header.subList(2, header.size()))) {
                    throw new IllegalArgumentException("runs of a sweep must predict the same properties; scale "
                            + run.label() + " has columns " + parser.getHeaderNames());
                }
                for (CSVRecord rec : parser) {
                    List<String> row = new ArrayList<>(header.size());
                    row.add(run.label());
                    row.add(Boolean.toString(!run.unguided()));
                    rec.forEach(row::add);
                    p.printRecord(row);
                }
            }
        }
        p.flush();
    }

    /** The valid molecules of every run as SD records, with the run's scale as a data field. */
    public static void writeSdf(Writer out, SweepReport report) throws IOException {
        for (SweepRun run : report.runs()) {
            for (DesignedMolecule m : run.result().molecules()) {
                if (m.sdf() != null) {
                    out.write(withFields(m.sdf(), Map.of(SCALE, run.label(), GUIDED,
                            Boolean.toString(!run.unguided()))));
                }
            }
        }
        out.flush();
    }

    /** Inserts data fields before the record's {@code $$$$} line. */
    static String withFields(String record, Map<String, String> fields) {
        int end = record.lastIndexOf("$$$$");
        if (end < 0) {
            throw new IllegalArgumentException("not an SD record (no $$$$ line)");
        }
        StringBuilder b = new StringBuilder(record.length() + 64).append(record, 0, end);
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        for (String key : List.of(SCALE, GUIDED)) {
            if (fields.containsKey(key)) {
                b.append("> <").append(key).append(">\n").append(fields.get(key)).append("\n\n");
            }
        }
        return b.append(record, end, record.length()).toString();
    }

    /** Settings, seeds, models, the dataset reference and the summary of every run as indented JSON. */
    public static void writeSummary(Writer out, SweepReport report) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", report.title());
        m.put("created", report.created());
        m.put("objective", report.objective());
        m.put("guidedScale", report.guidedScale());
        m.put("settings", report.settings());
        m.put("seeds", report.seeds());
        m.put("models", report.models());
        if (report.command() != null) {
            m.put("command", report.command());
        }
        DatasetReference ref = report.reference();
        if (ref != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("property", ref.property());
            r.put("ringCount", ref.ringCount());
            r.put("molecules", ref.count());
            r.put("best", ref.bestValue());
            r.put("bestId", ref.bestId());
            r.put("bestSmiles", ref.bestSmiles());
            r.put("mean", ref.meanValue());
            r.put("lowest", ref.lowestValue());
            r.put("source", ref.source());
            m.put("datasetReference", r);
        }
        m.put("propertyNames", report.runs().get(0).result().propertyNames());
        m.put("propertyUnits", report.runs().get(0).result().propertyUnits());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (SweepRun run : report.runs()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scale", run.scale());
            r.put("guided", !run.unguided());
            r.put("summary", run.result().summary().toMap());
            runs.add(r);
        }
        m.put("runs", runs);
        m.put("files", report.files());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, finite(m));
        out.write('\n');
        out.flush();
    }

    /** A copy with every non-finite number replaced by null (JSON has no NaN). */
    private static Object finite(Object v) {
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

    /** Through {@link StagedFile}: no half-written file on failure, permissions from the umask. */
    private static void atomically(Path file, StagedFile.TextContent content) throws IOException {
        StagedFile.writeText(file, content);
    }
}
