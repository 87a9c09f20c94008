package org.gaudi.core.clm;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.sampling.DesignedMolecule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a language-model design run as the guided sampler's files ({@value DesignWriters#CSV},
 * {@value DesignWriters#SDF}, {@value DesignWriters#SUMMARY}), all or nothing; the CSV has the same columns plus
 * {@value #SAMPLED}, {@value #LOG_LIKELIHOOD} and {@value #TOKENS}.
 */
public final class ClmWriters {
    public static final String SAMPLED = "sampled_smiles";
    public static final String LOG_LIKELIHOOD = "log_likelihood";
    public static final String TOKENS = "tokens";

    private ClmWriters() {
    }

    public static void writeAll(Path dir, ClmDesign.Result result) throws IOException {
        Map<String, DesignWriters.Content> files = new LinkedHashMap<>();
        files.put(DesignWriters.CSV, w -> writeCsv(w, result));
        files.put(DesignWriters.SDF, w -> {
            for (DesignedMolecule m : result.molecules()) {
                if (m.sdf() != null) {
                    w.write(m.sdf());
                }
            }
        });
        files.put(DesignWriters.SUMMARY, w -> writeSummary(w, result));
        DesignWriters.writeFiles(dir, files);
    }

    static void writeCsv(Writer out, ClmDesign.Result result) throws IOException {
        List<String> header = new ArrayList<>(DesignWriters.csvHeader(result.propertyNames()));
        header.addAll(List.of(SAMPLED, LOG_LIKELIHOOD, TOKENS));
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').build());
        for (int i = 0; i < result.molecules().size(); i++) {
            List<Object> row = DesignWriters.csvRow(result.molecules().get(i), result.propertyNames().size());
            GeneratedSmiles g = result.generated().get(i);
            row.add(g.text());
            row.add(g.logLikelihood());
            row.add(g.tokens());
            p.printRecord(row);
        }
        p.flush();
    }

    static void writeSummary(Writer out, ClmDesign.Result result) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(result.summary().toMap());
        m.put("propertyNames", result.propertyNames());
        m.put("propertyUnits", result.propertyUnits());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, DesignWriters.finite(m));
        out.write('\n');
        out.flush();
    }
}
