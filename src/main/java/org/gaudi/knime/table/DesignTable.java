package org.gaudi.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.gor.GorText;
import org.gaudi.core.oracle.OracleScore;
import org.gaudi.core.sampling.DesignedMolecule;
import org.gaudi.core.xtb.XtbColumn;
import org.knime.chem.types.SdfCell;
import org.knime.chem.types.SdfCellFactory;
import org.knime.chem.types.SmilesCell;
import org.knime.chem.types.SmilesCellFactory;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * The molecules of a design run ({@link DesignedMolecule}), one row each in generation order (row ID = molecule id):
 * {@value #COL_ID}, {@value #COL_SMILES} (SMILES cell), {@value #COL_SDF} (SDF cell with 3D coordinates),
 * {@value #COL_INCHIKEY}, {@value #COL_VALID}, {@value #COL_REASON}, {@value #COL_STABLE}, {@value #COL_RINGS}, one
 * {@value #PREDICTED_PREFIX}&lt;target&gt; column per predictor target, {@value #COL_OBJECTIVE},
 * {@value #COL_HUCKEL_EV}, {@value #COL_HUCKEL_BETA}, {@value #COL_NOVEL}, {@value #COL_DUPLICATE}, the exact oracle's
 * {@value #COL_EXACT_OBJECTIVE} (the objective on exact Hückel properties), {@value #COL_EXACT_RANK} (1 = best) among
 * the {@value #COL_EXACT_RANK_OF} molecules of the design's ring count and {@value #COL_EXACT_PERCENTILE} (missing
 * where the embedded space does not cover the design or the objective), {@value #COL_BATCH}, {@value #COL_SEED} and {@value #COL_GOR} (the sampled graph of rings as text, readable by the
 * learners). Values that do not apply (an invalid molecule's SMILES, an undefined objective) are missing cells,
 * never NaN.
 */
public final class DesignTable {

    public static final String COL_ID = "id";
    public static final String COL_SMILES = "SMILES";
    public static final String COL_SDF = "SDF";
    public static final String COL_INCHIKEY = "InChIKey";
    public static final String COL_VALID = "valid";
    public static final String COL_REASON = "invalid reason";
    public static final String COL_STABLE = "stable";
    public static final String COL_RINGS = "n_rings";
    public static final String PREDICTED_PREFIX = "predicted ";
    public static final String COL_OBJECTIVE = "objective";
    public static final String COL_HUCKEL_EV = "Huckel gap (eV)";
    public static final String COL_HUCKEL_BETA = "Huckel gap (|beta|)";
    public static final String COL_NOVEL = "novel";
    public static final String COL_DUPLICATE = "duplicate";
    public static final String COL_EXACT_OBJECTIVE = "exact objective";
    public static final String COL_EXACT_RANK = "exact rank";
    public static final String COL_EXACT_RANK_OF = "exact rank of";
    public static final String COL_EXACT_PERCENTILE = "exact percentile";
    public static final String COL_BATCH = "batch";
    public static final String COL_SEED = "seed";
    public static final String COL_GOR = MoleculeTable.COL_GOR;
    /** Optional (the Guided Sampler's xTB setting): GFN2-xTB HOMO-LUMO gap of a valid design, and why it has none. */
    public static final String COL_XTB_GAP = "xtb gap (eV)";
    public static final String COL_XTB_ERROR = "xtb error";

    private DesignTable() {
    }

    /** The spec for a predictor with these target names (in output order). */
    public static DataTableSpec spec(final List<String> targetNames) {
        return spec(targetNames, false);
    }

    /** As {@link #spec(List)}, with {@value #COL_XTB_GAP} and {@value #COL_XTB_ERROR} last when {@code xtb}. */
    public static DataTableSpec spec(final List<String> targetNames, final boolean xtb) {
        List<DataColumnSpec> c = new ArrayList<>();
        c.add(col(COL_ID, StringCell.TYPE));
        c.add(col(COL_SMILES, SmilesCell.TYPE));
        c.add(col(COL_SDF, SdfCell.TYPE));
        c.add(col(COL_INCHIKEY, StringCell.TYPE));
        c.add(col(COL_VALID, BooleanCell.TYPE));
        c.add(col(COL_REASON, StringCell.TYPE));
        c.add(col(COL_STABLE, BooleanCell.TYPE));
        c.add(col(COL_RINGS, IntCell.TYPE));
        for (String t : targetNames) {
            c.add(col(PREDICTED_PREFIX + t, DoubleCell.TYPE));
        }
        c.add(col(COL_OBJECTIVE, DoubleCell.TYPE));
        c.add(col(COL_HUCKEL_EV, DoubleCell.TYPE));
        c.add(col(COL_HUCKEL_BETA, DoubleCell.TYPE));
        c.add(col(COL_NOVEL, BooleanCell.TYPE));
        c.add(col(COL_DUPLICATE, BooleanCell.TYPE));
        c.add(col(COL_EXACT_OBJECTIVE, DoubleCell.TYPE));
        c.add(col(COL_EXACT_RANK, IntCell.TYPE));
        c.add(col(COL_EXACT_RANK_OF, IntCell.TYPE));
        c.add(col(COL_EXACT_PERCENTILE, DoubleCell.TYPE));
        c.add(col(COL_BATCH, IntCell.TYPE));
        c.add(col(COL_SEED, LongCell.TYPE));
        c.add(col(COL_GOR, StringCell.TYPE));
        if (xtb) {
            c.add(col(COL_XTB_GAP, DoubleCell.TYPE));
            c.add(col(COL_XTB_ERROR, StringCell.TYPE));
        }
        return new DataTableSpec("GaUDI designed molecules", c.toArray(new DataColumnSpec[0]));
    }

    private static DataColumnSpec col(String name, DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    /** The row of one molecule; {@code targets} is the number of predictor targets of the table. */
    public static DataRow row(final DesignedMolecule m, final int targets) {
        return new DefaultRow(new RowKey(m.id()), cells(m, targets));
    }

    /**
     * The row of one molecule with the two xTB cells last; {@code xtb} null (xtb missing) leaves them empty, and the
     * SDF cell then carries the same fields as {@code sample --xtb} writes.
     */
    public static DataRow row(final DesignedMolecule m, final int targets, final XtbColumn xtb) {
        List<DataCell> cells = cells(m, targets);
        if (xtb != null && m.sdf() != null) {
            cells.set(2, SdfCellFactory.create(xtb.withField(m.id(), m.sdf())));
        }
        cells.add(number(xtb == null ? null : xtb.gapEv(m.id())));
        cells.add(string(xtb == null ? null : xtb.error(m.id())));
        return new DefaultRow(new RowKey(m.id()), cells);
    }

    private static List<DataCell> cells(final DesignedMolecule m, final int targets) {
        if (!m.predicted().isEmpty() && m.predicted().size() != targets) {
            throw new IllegalArgumentException("molecule " + m.id() + " has " + m.predicted().size()
                    + " predictions for a table with " + targets + " targets");
        }
        List<DataCell> cells = new ArrayList<>();
        cells.add(new StringCell(m.id()));
        cells.add(m.smiles() == null ? DataType.getMissingCell() : SmilesCellFactory.create(m.smiles()));
        cells.add(m.sdf() == null ? DataType.getMissingCell() : SdfCellFactory.create(m.sdf()));
        cells.add(string(m.inchiKey()));
        cells.add(bool(m.valid()));
        cells.add(string(m.invalidReason()));
        cells.add(bool(m.stable()));
        cells.add(new IntCell(m.ringCount()));
        for (int k = 0; k < targets; k++) {
            cells.add(number(m.predicted().isEmpty() ? null : m.predicted().get(k)));
        }
        cells.add(number(m.objective()));
        cells.add(number(m.huckelGapEv()));
        cells.add(number(m.huckelGapBeta()));
        cells.add(m.novel() == null ? DataType.getMissingCell() : bool(m.novel()));
        cells.add(bool(m.duplicate()));
        OracleScore exact = m.exact();
        cells.add(exact == null ? DataType.getMissingCell() : number(exact.value()));
        cells.add(exact == null ? DataType.getMissingCell() : new IntCell(exact.rank()));
        cells.add(exact == null ? DataType.getMissingCell() : new IntCell(exact.of()));
        cells.add(exact == null ? DataType.getMissingCell() : new DoubleCell(exact.percentile()));
        cells.add(new IntCell(m.batch()));
        cells.add(new LongCell(m.seed()));
        cells.add(m.gor() == null ? DataType.getMissingCell() : new StringCell(GorText.format(m.gor())));
        return cells;
    }

    static DataCell string(final String s) {
        return s == null ? DataType.getMissingCell() : new StringCell(s);
    }

    static DataCell bool(final boolean b) {
        return b ? BooleanCell.TRUE : BooleanCell.FALSE;
    }

    static DataCell number(final Double v) {
        return v == null || !Double.isFinite(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    /** Writes the molecules into a new table, honouring cancel. */
    public static BufferedDataTable create(final List<DesignedMolecule> molecules, final List<String> targetNames,
            final ExecutionContext exec) throws CanceledExecutionException {
        return create(molecules, targetNames, false, null, exec);
    }

    /**
     * As {@link #create(List, List, ExecutionContext)}; with {@code xtbColumns} the two xTB columns are added,
     * filled from {@code xtb} (null: left empty, xtb was missing).
     */
    public static BufferedDataTable create(final List<DesignedMolecule> molecules, final List<String> targetNames,
            final boolean xtbColumns, final XtbColumn xtb, final ExecutionContext exec)
            throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(spec(targetNames, xtbColumns));
        try {
            for (DesignedMolecule m : molecules) {
                c.addRowToTable(xtbColumns ? row(m, targetNames.size(), xtb) : row(m, targetNames.size()));
                exec.checkCanceled();
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
