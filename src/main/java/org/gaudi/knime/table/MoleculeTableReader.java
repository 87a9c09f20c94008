package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.Rejection;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.gor.GorText;
import org.gaudi.core.gor.GraphOfRings;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Reads a molecule table (any table with a graph-of-rings text column ({@link GorText}) and numeric target columns, typically the
 * Dataset Reader's output after filtering) back into a core {@link Dataset} for the learners. Rows with a missing or
 * unreadable graph of rings or a missing/non-finite target become {@link Rejection}s (source "input table", line =
 * 1-based row number, id = row ID), never silently dropped.
 */
public final class MoleculeTableReader {

    /** Where rejections of this reader say they came from. */
    public static final String SOURCE = "input table";

    private final int gorIndex;
    private final int smilesIndex;
    private final int[] targetIndices;
    private final List<String> targetNames;

    private MoleculeTableReader(int gorIndex, int smilesIndex, int[] targetIndices, List<String> targetNames) {
        this.gorIndex = gorIndex;
        this.smilesIndex = smilesIndex;
        this.targetIndices = targetIndices;
        this.targetNames = targetNames;
    }

    /**
     * Checks the input spec at configure time: the GOR column must exist and hold strings, each target column must
     * exist and be numeric, targets must be distinct. The SMILES column ({@value MoleculeTable#COL_SMILES}) is used
     * when present.
     *
     * @throws InvalidSettingsException naming the missing or mistyped column
     */
    public static MoleculeTableReader forSpec(final DataTableSpec spec, final String gorColumn,
            final List<String> targetColumns) throws InvalidSettingsException {
        int gor = requireColumn(spec, gorColumn, StringValue.class, "graph-of-rings column", "a string");
        int[] targets = new int[targetColumns.size()];
        for (int i = 0; i < targets.length; i++) {
            String t = targetColumns.get(i);
            if (targetColumns.subList(0, i).contains(t)) {
                throw new InvalidSettingsException("Target column \"" + t + "\" is selected twice.");
            }
            targets[i] = requireColumn(spec, t, DoubleValue.class, "target column", "a number");
        }
        int smiles = spec.findColumnIndex(MoleculeTable.COL_SMILES);
        if (smiles >= 0 && !spec.getColumnSpec(smiles).getType().isCompatible(StringValue.class)) {
            smiles = -1;
        }
        return new MoleculeTableReader(gor, smiles, targets, List.copyOf(targetColumns));
    }

    /**
     * Index of a column that must exist with values of the given kind.
     *
     * @param role what the column is for, e.g. "target column"
     * @param kind the expected values in words, e.g. "a number"
     */
    public static int requireColumn(final DataTableSpec spec, final String column,
            final Class<? extends DataValue> valueClass, final String role, final String kind)
            throws InvalidSettingsException {
        if (column == null || column.isEmpty()) {
            throw new InvalidSettingsException("No " + role + " selected.");
        }
        int idx = spec.findColumnIndex(column);
        if (idx < 0) {
            throw new InvalidSettingsException("The " + role + " \"" + column
                    + "\" is not in the input table (columns: " + String.join(", ", spec.getColumnNames()) + ").");
        }
        DataColumnSpec c = spec.getColumnSpec(idx);
        if (!c.getType().isCompatible(valueClass)) {
            throw new InvalidSettingsException("The " + role + " \"" + column + "\" holds " + c.getType()
                    + " values; expected " + kind + ".");
        }
        return idx;
    }

    /** Reads all rows; progress and cancel through {@code exec}. */
    public Dataset read(final BufferedDataTable table, final ExecutionMonitor exec)
            throws CanceledExecutionException {
        List<MoleculeRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        long size = table.size();
        long line = 0;
        for (DataRow row : table) {
            line++;
            if (line % 256 == 0) {
                exec.checkCanceled();
                exec.setProgress((double) line / Math.max(1, size), "reading row " + line + " of " + size);
            }
            String id = row.getKey().getString();
            DataCell gorCell = row.getCell(gorIndex);
            if (gorCell.isMissing()) {
                rejections.add(new Rejection(SOURCE, line, id, RejectionReason.NO_GEOMETRY,
                        "graph of rings is missing"));
                continue;
            }
            GraphOfRings gor;
            try {
                gor = GorText.parse(((StringValue) gorCell).getStringValue());
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(SOURCE, line, id, RejectionReason.UNSUPPORTED_STRUCTURE,
                        "graph of rings unreadable: " + e.getMessage()));
                continue;
            }
            if (gor.ringCount() == 0) {
                rejections.add(new Rejection(SOURCE, line, id, RejectionReason.NO_GEOMETRY,
                        "graph of rings is empty"));
                continue;
            }
            double[] y = new double[targetIndices.length];
            String bad = null;
            for (int t = 0; t < y.length && bad == null; t++) {
                DataCell c = row.getCell(targetIndices[t]);
                if (c.isMissing()) {
                    bad = targetNames.get(t) + " is missing";
                } else {
                    y[t] = ((DoubleValue) c).getDoubleValue();
                    if (!Double.isFinite(y[t])) {
                        bad = targetNames.get(t) + " is " + y[t];
                    }
                }
            }
            if (bad != null) {
                rejections.add(new Rejection(SOURCE, line, id, RejectionReason.MISSING_PROPERTY, bad));
                continue;
            }
            String smiles = "";
            if (smilesIndex >= 0 && !row.getCell(smilesIndex).isMissing()) {
                smiles = ((StringValue) row.getCell(smilesIndex)).getStringValue();
            }
            records.add(new MoleculeRecord(id, smiles, gor, y));
        }
        return new Dataset(SOURCE, targetNames, records, rejections);
    }

    /**
     * A warning naming how many input rows were skipped and why (counts per reason, then the first one with its row
     * number and detail), or null when every row was read.
     */
    public static String rejectionWarning(final Dataset data) {
        List<Rejection> r = data.rejections();
        if (r.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder().append(r.size()).append(r.size() == 1 ? " input row" : " input rows")
                .append(" skipped (");
        String sep = "";
        for (java.util.Map.Entry<RejectionReason, Integer> e : data.rejectionCounts().entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().description());
            sep = "; ";
        }
        Rejection first = r.get(0);
        return sb.append("), e.g. row ").append(first.line()).append(" \"").append(first.id()).append("\": ")
                .append(first.detail()).toString();
    }

    /** Names of the target columns in output order. */
    public List<String> targetNames() {
        return targetNames;
    }
}
