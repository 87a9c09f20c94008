package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GorText;
import org.gaudi.knime.ExecutionProgress;
import org.knime.chem.types.SmilesCell;
import org.knime.chem.types.SmilesCellFactory;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

/**
 * The molecule table of GaUDI: one row per molecule (row ID = molecule id) with columns {@value #COL_ID}, {@value
 * #COL_SMILES} (SMILES cell), {@value #COL_RINGS}, one double column per property, and {@value #COL_GOR}, the graph
 * of rings in the core's one-line text form ({@link GorText}), which the learners read back. Property names that collide with the fixed columns get KNIME's
 * usual " (#1)" suffix.
 */
public final class MoleculeTable {

    public static final String COL_ID = "id";
    public static final String COL_SMILES = "SMILES";
    public static final String COL_RINGS = "n_rings";
    public static final String COL_GOR = "GOR";

    private MoleculeTable() {
    }

    /** The spec for a dataset with these property names (in this order). */
    public static DataTableSpec spec(final List<String> propertyNames) {
        List<DataColumnSpec> head = List.of(new DataColumnSpecCreator(COL_ID, StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator(COL_SMILES, SmilesCell.TYPE).createSpec(),
                new DataColumnSpecCreator(COL_RINGS, IntCell.TYPE).createSpec());
        DataColumnSpec gor = new DataColumnSpecCreator(COL_GOR, StringCell.TYPE).createSpec();
        List<DataColumnSpec> cols = new ArrayList<>(head);
        for (String p : propertyNames) {
            List<DataColumnSpec> used = new ArrayList<>(cols);
            used.add(gor);
            String name = DataTableSpec.getUniqueColumnName(new DataTableSpec(used.toArray(new DataColumnSpec[0])), p);
            cols.add(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec());
        }
        cols.add(gor);
        return new DataTableSpec("GaUDI molecules", cols.toArray(new DataColumnSpec[0]));
    }

    /** The row of one molecule. */
    public static DataRow row(final MoleculeRecord r) {
        double[] props = r.properties();
        DataCell[] cells = new DataCell[4 + props.length];
        cells[0] = new StringCell(r.id());
        cells[1] = SmilesCellFactory.create(r.smiles());
        cells[2] = new IntCell(r.ringCount());
        for (int i = 0; i < props.length; i++) {
            cells[3 + i] = new DoubleCell(props[i]);
        }
        cells[3 + props.length] = new StringCell(GorText.format(r.gor()));
        return new DefaultRow(new RowKey(r.id()), cells);
    }

    /** Writes all molecules of {@code data} into a new table, reporting progress and honouring cancel. */
    public static BufferedDataTable create(final Dataset data, final ExecutionContext exec)
            throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(spec(data.propertyNames()));
        ExecutionProgress progress = new ExecutionProgress(exec);
        int n = data.size();
        try {
            for (int i = 0; i < n; i++) {
                MoleculeRecord r = data.records().get(i);
                c.addRowToTable(row(r));
                if (i % 256 == 0) {
                    exec.checkCanceled();
                    progress.progress((double) i / n, "molecule " + (i + 1) + " of " + n);
                }
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
