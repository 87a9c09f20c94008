package org.gaudi.knime.nodes.reader;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.RejectionReason;
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
 * Source: the embedded dataset of enumerated cata-condensed benzenoids with Hückel properties.
 */
public final class GorDatasetReaderNodeModel extends NodeModel {

    /** Which dataset to read. */
    public static final String CFG_SOURCE = "source";
    /** Source value: the embedded enumerated cc-PBHs with Hückel properties. */
    public static final String SOURCE_EMBEDDED = "embedded";
    /** Sources this build can read. */
    public static final List<String> SOURCES = List.of(SOURCE_EMBEDDED);

    /** Smallest ring count of the embedded molecules. */
    public static final String CFG_MIN_RINGS = "min_rings";
    /** Largest ring count of the embedded molecules. */
    public static final String CFG_MAX_RINGS = "max_rings";
    /** Property columns to output, comma-separated; empty for all. */
    public static final String CFG_PROPERTIES = "properties";

    static final int DEFAULT_MAX_RINGS = 8;

    private final SettingsModelString source = createSourceModel();
    private final SettingsModelIntegerBounded minRings = createMinRingsModel();
    private final SettingsModelIntegerBounded maxRings = createMaxRingsModel();
    private final SettingsModelString properties = createPropertiesModel();

    public GorDatasetReaderNodeModel() {
        super(0, 2);
    }

    static SettingsModelString createSourceModel() {
        return new SettingsModelString(CFG_SOURCE, SOURCE_EMBEDDED);
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

    /** Properties the chosen source provides, in source order. */
    static List<String> availableProperties(final String sourceName) {
        return EmbeddedDataset.PROPERTIES;
    }

    /**
     * Parses the comma-separated property selection against what the source offers.
     *
     * @throws InvalidSettingsException naming an unknown or repeated property
     */
    static List<String> selectedProperties(final String selection, final List<String> available)
            throws InvalidSettingsException {
        List<String> out = new ArrayList<>();
        for (String part : selection.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!available.contains(p)) {
                throw new InvalidSettingsException("Unknown property \"" + p + "\" in setting '" + CFG_PROPERTIES
                        + "'; available: " + String.join(", ", available) + ".");
            }
            if (out.contains(p)) {
                throw new InvalidSettingsException("Property \"" + p + "\" is listed twice in setting '"
                        + CFG_PROPERTIES + "'.");
            }
            out.add(p);
        }
        return out.isEmpty() ? available : out;
    }

    private static void checkCombination(final String sourceName, final int min, final int max,
            final String propertySelection) throws InvalidSettingsException {
        if (!SOURCES.contains(sourceName)) {
            throw new InvalidSettingsException("Unknown source \"" + sourceName + "\" in setting '" + CFG_SOURCE
                    + "'; expected one of: " + String.join(", ", SOURCES) + ".");
        }
        if (min > max) {
            throw new InvalidSettingsException("Minimum rings (" + min + ") must not exceed maximum rings (" + max
                    + ").");
        }
        selectedProperties(propertySelection, availableProperties(sourceName));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        checkCombination(source.getStringValue(), minRings.getIntValue(), maxRings.getIntValue(),
                properties.getStringValue());
        List<String> props = selectedProperties(properties.getStringValue(),
                availableProperties(source.getStringValue()));
        return new DataTableSpec[] {MoleculeTable.spec(props), RejectionTable.spec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
        int min = minRings.getIntValue();
        int max = maxRings.getIntValue();
        List<String> props = selectedProperties(properties.getStringValue(),
                availableProperties(source.getStringValue()));
        ExecutionContext generateExec = exec.createSubExecutionContext(0.8);
        ExecutionProgress progress = new ExecutionProgress(generateExec);
        long total = EmbeddedDataset.size(min, max);
        Dataset data = CoreCalls.call(exec,
                () -> EmbeddedDataset.generate(min, max, progress.countSink(total, "molecules")));
        data = Datasets.selectProperties(data, props);
        BufferedDataTable molecules = MoleculeTable.create(data, exec.createSubExecutionContext(0.2));
        BufferedDataTable rejected = RejectionTable.create(data.rejections(), exec);
        if (!data.rejections().isEmpty()) {
            setWarningMessage(rejectionSummary(data.rejections().size(), data.rejectionCounts()));
        }
        return new BufferedDataTable[] {molecules, rejected};
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
        minRings.saveSettingsTo(settings);
        maxRings.saveSettingsTo(settings);
        properties.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        SettingsModelString s = source.createCloneWithValidatedValue(settings);
        SettingsModelIntegerBounded lo = minRings.createCloneWithValidatedValue(settings);
        SettingsModelIntegerBounded hi = maxRings.createCloneWithValidatedValue(settings);
        SettingsModelString p = properties.createCloneWithValidatedValue(settings);
        source.validateSettings(settings);
        minRings.validateSettings(settings);
        maxRings.validateSettings(settings);
        properties.validateSettings(settings);
        checkCombination(s.getStringValue(), lo.getIntValue(), hi.getIntValue(), p.getStringValue());
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        source.loadSettingsFrom(settings);
        minRings.loadSettingsFrom(settings);
        maxRings.loadSettingsFrom(settings);
        properties.loadSettingsFrom(settings);
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
