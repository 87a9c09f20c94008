package org.gaudi.knime.nodes.reader;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gaudi.core.data.CompasCsvReader;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.FallbackReason;
import org.gaudi.core.data.GeometryFallback;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.data.SdfDatasetReader;
import org.gaudi.knime.CoreCalls;
import org.gaudi.knime.ExecutionProgress;
import org.gaudi.knime.table.Datasets;
import org.gaudi.knime.table.MoleculeTable;
import org.gaudi.knime.table.RejectionTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * GOR Dataset Reader: molecules with properties and their graphs of rings as a KNIME table (output 0, see
 * {@link MoleculeTable}) plus every rejected record with its reason (output 1, see {@link RejectionTable}).
 * Sources: an embedded space with Hückel properties (the enumerated cata-condensed benzenoids, or the hetero PASs
 * built from GaUDI's ring types), a COMPAS-style CSV (with an optional folder or .tar.gz of xyz geometries) or an
 * SD file; reading is done by the core readers.
 */
public final class GorDatasetReaderNodeModel extends NodeModel {

    /** Which dataset to read: {@link #SOURCE_EMBEDDED}, {@link #SOURCE_CSV} or {@link #SOURCE_SDF}. */
    public static final String CFG_SOURCE = "source";
    /** Source value: the embedded enumerated cc-PBHs with Hückel properties. */
    public static final String SOURCE_EMBEDDED = "embedded";
    /** Source value: a COMPAS-style CSV file. */
    public static final String SOURCE_CSV = "csv";
    /** Source value: an SD file. */
    public static final String SOURCE_SDF = "sdf";
    /** Sources this build can read. */
    public static final List<String> SOURCES = List.of(SOURCE_EMBEDDED, SOURCE_CSV, SOURCE_SDF);

    /**
     * Embedded only: which space, {@link #SPACE_BENZENOID} or {@link #SPACE_HETERO}. Settings saved before it existed
     * load as benzenoid, the only space there was.
     */
    public static final String CFG_SPACE = "embedded_space";
    /** Space value: every cata-condensed benzenoid. */
    public static final String SPACE_BENZENOID = EmbeddedDataset.Space.BENZENOID.key();
    /** Space value: cata-condensed hetero-polycyclic aromatic systems. */
    public static final String SPACE_HETERO = EmbeddedDataset.Space.HETERO.key();
    /** Spaces this build can generate. */
    public static final List<String> SPACES = List.of(SPACE_BENZENOID, SPACE_HETERO);

    /** Local path of the CSV or SD file. */
    public static final String CFG_FILE = "file";
    /** CSV only: optional folder or .tar.gz/.tgz of {@code <molecule>.xyz} geometries. */
    public static final String CFG_XYZ_SOURCE = "xyz_source";
    /** SDF only: data field with the molecule id; empty for the title line. */
    public static final String CFG_SDF_ID_FIELD = "sdf_id_field";
    /** Embedded only: smallest ring count. */
    public static final String CFG_MIN_RINGS = "min_rings";
    /** Largest ring count (embedded: generated up to it; files: molecules with more rings are rejected). */
    public static final String CFG_MAX_RINGS = "max_rings";
    /** Property columns to output, comma-separated (embedded: empty for all; files: empty for none). */
    public static final String CFG_PROPERTIES = "properties";

    static final int DEFAULT_MAX_RINGS = 8;

    private final SettingsModelString source = createSourceModel();
    private final SettingsModelString space = createSpaceModel();
    private final SettingsModelString file = createFileModel();
    private final SettingsModelString xyzSource = createXyzSourceModel();
    private final SettingsModelString sdfIdField = createSdfIdFieldModel();
    private final SettingsModelIntegerBounded minRings = createMinRingsModel();
    private final SettingsModelIntegerBounded maxRings = createMaxRingsModel();
    private final SettingsModelString properties = createPropertiesModel();

    public GorDatasetReaderNodeModel() {
        super(0, 2);
        updateEnabled(source, file, xyzSource, sdfIdField, minRings, space);
    }

    static SettingsModelString createSourceModel() {
        return new SettingsModelString(CFG_SOURCE, SOURCE_EMBEDDED);
    }

    static SettingsModelString createSpaceModel() {
        return new SettingsModelString(CFG_SPACE, SPACE_BENZENOID);
    }

    static SettingsModelString createFileModel() {
        return new SettingsModelString(CFG_FILE, "");
    }

    static SettingsModelString createXyzSourceModel() {
        return new SettingsModelString(CFG_XYZ_SOURCE, "");
    }

    static SettingsModelString createSdfIdFieldModel() {
        return new SettingsModelString(CFG_SDF_ID_FIELD, "");
    }

    static SettingsModelIntegerBounded createMinRingsModel() {
        return new SettingsModelIntegerBounded(CFG_MIN_RINGS, 1, 1, EmbeddedDataset.MAX_RINGS);
    }

    static SettingsModelIntegerBounded createMaxRingsModel() {
        return new SettingsModelIntegerBounded(CFG_MAX_RINGS, DEFAULT_MAX_RINGS, 1, EmbeddedDataset.MAX_RINGS);
    }

    static SettingsModelString createPropertiesModel() {
        return new SettingsModelString(CFG_PROPERTIES, "");
    }

    /** Enables exactly the settings the chosen source uses (shared by model and dialog, so both save alike). */
    static void updateEnabled(final SettingsModelString sourceModel, final SettingsModelString fileModel,
            final SettingsModelString xyzModel, final SettingsModelString idFieldModel,
            final SettingsModelIntegerBounded minRingsModel, final SettingsModelString spaceModel) {
        String s = sourceModel.getStringValue();
        spaceModel.setEnabled(SOURCE_EMBEDDED.equals(s));
        fileModel.setEnabled(SOURCE_CSV.equals(s) || SOURCE_SDF.equals(s));
        xyzModel.setEnabled(SOURCE_CSV.equals(s));
        idFieldModel.setEnabled(SOURCE_SDF.equals(s));
        minRingsModel.setEnabled(SOURCE_EMBEDDED.equals(s));
    }

    /** The settings of one run, checked. */
    static final class Config {
        final String source;
        final EmbeddedDataset.Space space;
        final Path file;
        final Path xyz;
        final String idField;
        final int minRings;
        final int maxRings;
        final List<String> properties;

        Config(String source, String space, String file, String xyz, String idField, int minRings, int maxRings,
                String properties) throws InvalidSettingsException {
            if (!SOURCES.contains(source)) {
                throw new InvalidSettingsException("Unknown source \"" + source + "\" in setting '" + CFG_SOURCE
                        + "'; expected one of: " + String.join(", ", SOURCES) + ".");
            }
            if (!SPACES.contains(space)) {
                throw new InvalidSettingsException("Unknown embedded space \"" + space + "\" in setting '"
                        + CFG_SPACE + "'; expected one of: " + String.join(", ", SPACES) + ".");
            }
            this.source = source;
            this.space = EmbeddedDataset.Space.of(space);
            boolean embedded = SOURCE_EMBEDDED.equals(source);
            if (embedded && maxRings > this.space.maxRings()) {
                throw new InvalidSettingsException("The embedded " + space + " space has at most "
                        + this.space.maxRings() + " rings; maximum rings is " + maxRings + ".");
            }
            this.file = embedded ? null : localPath(file, CFG_FILE, "input file");
            this.xyz = SOURCE_CSV.equals(source) && !xyz.isBlank() ? localPath(xyz, CFG_XYZ_SOURCE,
                    "xyz geometries") : null;
            this.idField = SOURCE_SDF.equals(source) && !idField.isBlank() ? idField.trim() : null;
            if (embedded && minRings > maxRings) {
                throw new InvalidSettingsException("Minimum rings (" + minRings + ") must not exceed maximum rings ("
                        + maxRings + ").");
            }
            this.minRings = minRings;
            this.maxRings = maxRings;
            this.properties = parseProperties(properties, embedded ? EmbeddedDataset.PROPERTIES : null);
        }

        /** Checks the input files exist (configure and execute time, not when settings are applied). */
        void checkFilesExist() throws InvalidSettingsException {
            if (file != null && !Files.isRegularFile(file)) {
                throw new InvalidSettingsException("Input file not found: " + file.toAbsolutePath());
            }
            if (xyz != null && !Files.exists(xyz)) {
                throw new InvalidSettingsException("xyz geometries not found (folder or .tar.gz expected): "
                        + xyz.toAbsolutePath());
            }
        }
    }

    /**
     * The local path a setting names (a path or a {@code file:} URL).
     *
     * @throws InvalidSettingsException if it is empty, not local or not a valid path
     */
    static Path localPath(final String text, final String key, final String what) throws InvalidSettingsException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InvalidSettingsException("No " + what + " selected (setting '" + key + "').");
        }
        try {
            if (t.regionMatches(true, 0, "file:", 0, 5)) {
                return Paths.get(URI.create(t));
            }
            if (t.matches("(?i)[a-z][a-z0-9+.-]+://.*")) {
                throw new InvalidSettingsException("Only local files are supported for the " + what + " (setting '"
                        + key + "'), got " + t);
            }
            return Paths.get(t);
        } catch (IllegalArgumentException e) { // includes InvalidPathException
            throw new InvalidSettingsException("Invalid path for the " + what + " (setting '" + key + "'): " + t
                    + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Parses the comma-separated property selection.
     *
     * @param available the source's properties (empty selection = all of them), or null for a file source whose
     *            columns are not known before reading (empty selection = none)
     * @throws InvalidSettingsException naming an unknown or repeated property
     */
    static List<String> parseProperties(final String selection, final List<String> available)
            throws InvalidSettingsException {
        List<String> out = new ArrayList<>();
        for (String part : selection.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (available != null && !available.contains(p)) {
                throw new InvalidSettingsException("Unknown property \"" + p + "\" in setting '" + CFG_PROPERTIES
                        + "'; available: " + String.join(", ", available) + ".");
            }
            if (out.contains(p)) {
                throw new InvalidSettingsException("Property \"" + p + "\" is listed twice in setting '"
                        + CFG_PROPERTIES + "'.");
            }
            out.add(p);
        }
        return out.isEmpty() && available != null ? available : out;
    }

    private Config config() throws InvalidSettingsException {
        return new Config(source.getStringValue(), space.getStringValue(), file.getStringValue(), xyzSource.getStringValue(),
                sdfIdField.getStringValue(), minRings.getIntValue(), maxRings.getIntValue(),
                properties.getStringValue());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        c.checkFilesExist();
        return new DataTableSpec[] {MoleculeTable.spec(c.properties), RejectionTable.spec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
        Config c = config();
        c.checkFilesExist();
        ExecutionProgress progress = new ExecutionProgress(exec.createSubExecutionContext(0.8));
        Dataset data;
        switch (c.source) {
            case SOURCE_CSV: {
                CompasCsvReader.Options o = CompasCsvReader.Options.of(c.properties).withMaxRings(c.maxRings)
                        .withProgress((done, total) -> progress.count(done, total, "rows"));
                CompasCsvReader.Options options = c.xyz == null ? o : o.withXyzSource(c.xyz);
                data = CoreCalls.call(exec, () -> new CompasCsvReader().read(c.file, options));
                break;
            }
            case SOURCE_SDF: {
                SdfDatasetReader.Options o = SdfDatasetReader.Options.of(c.properties).withMaxRings(c.maxRings)
                        .withProgress((done, total) -> progress.count(done, total, "records"));
                SdfDatasetReader.Options options = c.idField == null ? o : o.withIdField(c.idField);
                data = CoreCalls.call(exec, () -> new SdfDatasetReader().read(c.file, options));
                break;
            }
            default: {
                // the hetero space's size is known only once built: its progress counts without a total
                long total = c.space == EmbeddedDataset.Space.BENZENOID ? EmbeddedDataset.size(c.minRings, c.maxRings)
                        : -1;
                data = CoreCalls.call(exec, () -> EmbeddedDataset.generate(c.space, c.minRings, c.maxRings,
                        progress.countSink(total, "molecules")));
                data = Datasets.selectProperties(data, c.properties);
            }
        }
        BufferedDataTable molecules = MoleculeTable.create(data, exec.createSubExecutionContext(0.2));
        BufferedDataTable rejected = RejectionTable.create(data.rejections(), exec);
        String warning = warning(data);
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new BufferedDataTable[] {molecules, rejected};
    }

    /** The rejections and geometry fallbacks in words, or null when there are none. */
    static String warning(final Dataset data) {
        String rejected = data.rejections().isEmpty() ? null
                : rejectionSummary(data.rejections().size(), data.rejectionCounts());
        String fallback = data.geometryFallbacks().isEmpty() ? null
                : fallbackSummary(data.geometryFallbacks(), data.fallbackCounts());
        if (rejected == null || fallback == null) {
            return rejected != null ? rejected : fallback;
        }
        return rejected + "\n" + fallback;
    }

    /** Fallbacks listed in the warning before "… and N more". */
    static final int FALLBACKS_NAMED = 5;

    /**
     * "n molecules use lattice coordinates (…reasons…): id1, id2, … and k more." The molecules are kept (they are in
     * the first table) but the user asked for given coordinates, so each is named where room allows.
     */
    static String fallbackSummary(final List<GeometryFallback> fallbacks, final Map<FallbackReason, Integer> counts) {
        int n = fallbacks.size();
        StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " molecule uses" : " molecules use")
                .append(" lattice coordinates instead of the given ones (");
        String sep = "";
        for (Map.Entry<FallbackReason, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().name());
            sep = "; ";
        }
        sb.append("): ");
        for (int i = 0; i < Math.min(FALLBACKS_NAMED, n); i++) {
            GeometryFallback f = fallbacks.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.id()).append(" (line ").append(f.line()).append(')');
        }
        if (n > FALLBACKS_NAMED) {
            sb.append(" … and ").append(n - FALLBACKS_NAMED).append(" more");
        }
        return sb.append('.').toString();
    }

    static String rejectionSummary(final int n, final Map<RejectionReason, Integer> counts) {
        StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " record" : " records")
                .append(" rejected (");
        String sep = "";
        for (Map.Entry<RejectionReason, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().description());
            sep = "; ";
        }
        return sb.append("); see the second output table.").toString();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        source.saveSettingsTo(settings);
        space.saveSettingsTo(settings);
        file.saveSettingsTo(settings);
        xyzSource.saveSettingsTo(settings);
        sdfIdField.saveSettingsTo(settings);
        minRings.saveSettingsTo(settings);
        maxRings.saveSettingsTo(settings);
        properties.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        source.validateSettings(settings);
        file.validateSettings(settings);
        xyzSource.validateSettings(settings);
        sdfIdField.validateSettings(settings);
        minRings.validateSettings(settings);
        maxRings.validateSettings(settings);
        properties.validateSettings(settings);
        if (settings.containsKey(CFG_SPACE)) {
            space.validateSettings(settings);
        }
        String s = source.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue();
        String sp = settings.containsKey(CFG_SPACE)
                ? space.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue() : SPACE_BENZENOID;
        new Config(s, sp, valueOrEmpty(file, settings), valueOrEmpty(xyzSource, settings),
                valueOrEmpty(sdfIdField, settings),
                minRings.<SettingsModelIntegerBounded>createCloneWithValidatedValue(settings).getIntValue(),
                maxRings.<SettingsModelIntegerBounded>createCloneWithValidatedValue(settings).getIntValue(),
                properties.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue());
    }

    /** The value of a string setting, or "" when it is absent from settings saved while it was disabled. */
    private static String valueOrEmpty(final SettingsModelString model, final NodeSettingsRO settings) {
        try {
            String v = model.<SettingsModelString>createCloneWithValidatedValue(settings).getStringValue();
            return v == null ? "" : v;
        } catch (InvalidSettingsException e) {
            return "";
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        source.loadSettingsFrom(settings);
        if (settings.containsKey(CFG_SPACE)) {
            space.loadSettingsFrom(settings);
        } else {
            space.setStringValue(SPACE_BENZENOID); // saved before the hetero space existed
        }
        file.loadSettingsFrom(settings);
        xyzSource.loadSettingsFrom(settings);
        sdfIdField.loadSettingsFrom(settings);
        minRings.loadSettingsFrom(settings);
        maxRings.loadSettingsFrom(settings);
        properties.loadSettingsFrom(settings);
        updateEnabled(source, file, xyzSource, sdfIdField, minRings, space);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals: the output tables are all there is
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        // no internals
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
