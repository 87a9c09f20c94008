package org.gaudi.core.huckel;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.data.DatasetChecks;
import org.gaudi.core.data.DatasetFormatException;
import org.gaudi.core.data.Utf8LineReader;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * How well Hückel frontier orbitals track reference (e.g. DFT) values over a CSV file with a {@code smiles} column and
 * {@code GAP_eV} (required), {@code HOMO_eV} and {@code LUMO_eV} (optional) columns, as in COMPAS-1D. Rows whose SMILES
 * cannot be parsed or computed, or whose reference value is missing, are counted and skipped, never hidden.
 */
public final class HuckelCheck {
    private static final int MAX_EXAMPLES = 5;

    private HuckelCheck() {
    }

    /** Figures of one check. Fits are of the reference value (eV) on the HMO value (|β| units). */
    public static final class Report {
        private final Path file;
        private final long rows;
        private final long skipped;
        private final List<String> skippedExamples;
        private final LinearFit gap;
        private final LinearFit homo;
        private final LinearFit lumo;
        private final double gapMaeCalibrated;
        private final double seconds;
        private final double cpuSeconds;

        Report(Path file, long rows, long skipped, List<String> skippedExamples, LinearFit gap, LinearFit homo,
                LinearFit lumo, double gapMaeCalibrated, double seconds, double cpuSeconds) {
            this.file = file;
            this.rows = rows;
            this.skipped = skipped;
            this.skippedExamples = List.copyOf(skippedExamples);
            this.gap = gap;
            this.homo = homo;
            this.lumo = lumo;
            this.gapMaeCalibrated = gapMaeCalibrated;
            this.seconds = seconds;
            this.cpuSeconds = cpuSeconds;
        }

        public Path file() {
            return file;
        }

        /** Data rows read. */
        public long rows() {
            return rows;
        }

        /** Rows left out (bad SMILES, no HMO result, missing reference value). */
        public long skipped() {
            return skipped;
        }

        /** Up to five "line N: reason" texts for skipped rows. */
        public List<String> skippedExamples() {
            return skippedExamples;
        }

        /** Pearson r of HMO gap vs GAP_eV. */
        public double gapPearsonR() {
            return gap.pearsonR();
        }

        /** Fresh least-squares fit of GAP_eV on the HMO gap. */
        public LinearFit gapFit() {
            return gap;
        }

        /** Fit of HOMO_eV on ε_HOMO, or null when the file has no HOMO_eV column. */
        public LinearFit homoFit() {
            return homo;
        }

        /** Fit of LUMO_eV on ε_LUMO, or null when the file has no LUMO_eV column. */
        public LinearFit lumoFit() {
            return lumo;
        }

        /** MAE (eV) of {@link HuckelCalibration#gapEv} (the stored constants) against GAP_eV. */
        public double gapMaeWithStoredCalibration() {
            return gapMaeCalibrated;
        }

        /** Wall-clock seconds of the check. */
        public double seconds() {
            return seconds;
        }

        /** CPU seconds of the checking thread (robust to a busy machine); NaN if the JVM cannot measure it. */
        public double cpuSeconds() {
            return cpuSeconds;
        }

        /** Lines "key: value" for the dataset check command. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "huckel-gap-r: %.4f%n", gap.pearsonR()));
            sb.append(String.format(Locale.ROOT, "huckel-gap-mae-fit-eV: %.4f%n", gap.meanAbsoluteError()));
            sb.append(String.format(Locale.ROOT, "huckel-gap-mae-calibrated-eV: %.4f%n", gapMaeCalibrated));
            if (homo != null) {
                sb.append(String.format(Locale.ROOT, "huckel-homo-r: %.4f%n", homo.pearsonR()));
            }
            if (lumo != null) {
                sb.append(String.format(Locale.ROOT, "huckel-lumo-r: %.4f%n", lumo.pearsonR()));
            }
            sb.append(String.format(Locale.ROOT, "huckel-rows: %d (skipped %d)%n", rows, skipped));
            sb.append(String.format(Locale.ROOT, "huckel-seconds: %.2f (cpu %.2f)%n", seconds, cpuSeconds));
            return sb.toString();
        }
    }

    /**
     * Runs HMO on every row of a CSV file and correlates it with the reference columns.
     *
     * @throws DatasetFormatException if the file is empty, lacks the {@code smiles} or {@code GAP_eV} column, or
     *                                has fewer than 3 usable rows
     */
    public static Report run(Path csv) throws IOException {
        long t0 = System.nanoTime();
        long cpu0 = threadCpuNanos();
        HuckelCalculator hmo = new HuckelCalculator();
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        Column gapCol = new Column();
        Column homoCol = new Column();
        Column lumoCol = new Column();
        List<String> examples = new ArrayList<>();
        long rows = 0;
        long skipped = 0;
        try (Utf8LineReader utf8 = new Utf8LineReader(Files.newInputStream(csv));
                Reader reader = new java.io.BufferedReader(utf8);
                CSVParser p = DatasetChecks.parse(csv, reader)) {
            Map<String, Integer> header = p.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new DatasetFormatException(csv + " is empty: expected a header with columns smiles, GAP_eV");
            }
            for (String required : new String[] {"smiles", "GAP_eV"}) {
                if (!header.containsKey(required)) {
                    throw new DatasetFormatException(csv + " has no column '" + required + "'; columns are "
                            + DatasetChecks.columns(p.getHeaderNames()));
                }
            }
            boolean hasHomo = header.containsKey("HOMO_eV");
            boolean hasLumo = header.containsKey("LUMO_eV");
            for (CSVRecord rec : DatasetChecks.records(csv, p)) {
                rows++;
                String why = null;
                HuckelResult r = null;
                double gapRef = Double.NaN;
                Utf8LineReader.BadByte bad = utf8.badByteIn(p.getCurrentLineNumber(), p.getCurrentLineNumber());
                try {
                    if (bad != null) {
                        throw new IllegalArgumentException(bad.describe());
                    }
                    gapRef = number(rec, "GAP_eV");
                    IAtomContainer mol = parser.parseSmiles(rec.get("smiles"));
                    r = hmo.compute(mol);
                } catch (InvalidSmilesException | HuckelException | IllegalArgumentException e) {
                    why = e.getMessage();
                }
                if (why != null) {
                    skipped++;
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add("line " + p.getCurrentLineNumber() + ": " + why);
                    }
                    continue;
                }
                gapCol.add(r.gap(), gapRef);
                if (hasHomo && rec.isSet("HOMO_eV")) {
                    homoCol.addIfFinite(r.homo(), rec.get("HOMO_eV"));
                }
                if (hasLumo && rec.isSet("LUMO_eV")) {
                    lumoCol.addIfFinite(r.lumo(), rec.get("LUMO_eV"));
                }
            }
            if (gapCol.size() < 3) {
                throw new DatasetFormatException(csv + ": only " + gapCol.size() + " of " + rows
                        + " rows usable for the Hückel check" + (examples.isEmpty() ? "" : "; e.g. " + examples));
            }
            LinearFit gap = gapCol.fit();
            double maeCal = gapCol.maeOf(HuckelCalibration.GAP_INTERCEPT_EV, HuckelCalibration.GAP_SLOPE_EV);
            return new Report(csv, rows, skipped, examples, gap, hasHomo && homoCol.size() >= 3 ? homoCol.fit() : null,
                    hasLumo && lumoCol.size() >= 3 ? lumoCol.fit() : null, maeCal, (System.nanoTime() - t0) / 1e9,
                    cpu0 < 0 ? Double.NaN : (threadCpuNanos() - cpu0) / 1e9);
        }
    }

    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    }

    private static double number(CSVRecord rec, String column) {
        String s = rec.get(column).trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + ": '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("column " + column + ": value is " + s);
        }
        return v;
    }

    /** Growable paired columns (x = HMO, y = reference). */
    private static final class Column {
        private double[] x = new double[1024];
        private double[] y = new double[1024];
        private int n;

        void add(double xv, double yv) {
            if (n == x.length) {
                x = java.util.Arrays.copyOf(x, 2 * n);
                y = java.util.Arrays.copyOf(y, 2 * n);
            }
            x[n] = xv;
            y[n] = yv;
            n++;
        }

        void addIfFinite(double xv, String text) {
            try {
                double v = Double.parseDouble(text.trim());
                if (Double.isFinite(v)) {
                    add(xv, v);
                }
            } catch (NumberFormatException e) {
                // a missing HOMO/LUMO value only shortens that column's fit
            }
        }

        int size() {
            return n;
        }

        LinearFit fit() {
            return LinearFit.of(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
        }

        double maeOf(double a, double b) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(y[i] - (a + b * x[i]));
            }
            return s / n;
        }
    }
}
