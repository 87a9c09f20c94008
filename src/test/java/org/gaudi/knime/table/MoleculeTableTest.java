package org.gaudi.knime.table;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Iterator;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.Rejection;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.gor.GorText;
import org.gaudi.core.huckel.HuckelProperties;
import org.junit.Test;
import org.knime.chem.types.SmilesValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.InvalidSettingsException;

/** Dataset → molecule table → dataset is lossless; bad rows become rejections with row numbers. */
public class MoleculeTableTest {

    private final ExecutionContext exec = NodeDriver.newExecutionContext();

    @Test
    public void tableHoldsEveryMoleculeAndReadsBackIdentically() throws Exception {
        Dataset data = EmbeddedDataset.generate(4);
        BufferedDataTable table = MoleculeTable.create(data, exec);
        assertEquals(data.size(), table.size());
        assertTrue(table.getDataTableSpec().equalStructure(MoleculeTable.spec(data.propertyNames())));
        Iterator<MoleculeRecord> expected = data.records().iterator();
        for (DataRow row : table) {
            MoleculeRecord r = expected.next();
            assertEquals(r.id(), row.getKey().getString());
            assertEquals(r.smiles(), ((SmilesValue) row.getCell(1)).getSmilesValue());
            assertEquals(r.ringCount(), Integer.parseInt(row.getCell(2).toString()));
        }
        List<String> targets = List.of(HuckelProperties.GAP_EV, HuckelProperties.HOMO_BETA);
        MoleculeTableReader reader = MoleculeTableReader.forSpec(table.getDataTableSpec(), MoleculeTable.COL_GOR,
                targets);
        Dataset back = reader.read(table, exec);
        assertEquals(targets, back.propertyNames());
        assertTrue(back.rejections().isEmpty());
        assertEquals(data.size(), back.size());
        for (int i = 0; i < data.size(); i++) {
            MoleculeRecord a = data.records().get(i);
            MoleculeRecord b = back.records().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.smiles(), b.smiles());
            assertEquals(a.gor(), b.gor());
            assertArrayEquals(new double[] {a.property(data.propertyIndex(targets.get(0))),
                a.property(data.propertyIndex(targets.get(1)))}, b.properties(), 0);
        }
    }

    @Test
    public void propertyNamesCollidingWithFixedColumnsAreMadeUnique() {
        DataTableSpec spec = MoleculeTable.spec(List.of("GOR", "id", "gap"));
        assertArrayEquals(new String[] {"id", "SMILES", "n_rings", "GOR (#1)", "id (#1)", "gap", "GOR"},
                spec.getColumnNames());
    }

    @Test
    public void badRowsBecomeRejections() throws Exception {
        DataTableSpec spec = new DataTableSpec(new String[] {"GOR", "y"},
                new DataType[] {StringCell.TYPE, DoubleCell.TYPE});
        String good = GorText.format(EmbeddedDataset.generate(2).records().get(1).gor());
        BufferedDataContainer c = exec.createDataContainer(spec);
        c.addRowToTable(new DefaultRow("ok", new StringCell(good), new DoubleCell(1.5)));
        c.addRowToTable(new DefaultRow("noGor", DataType.getMissingCell(), new DoubleCell(1)));
        c.addRowToTable(new DefaultRow("badGor", new StringCell("{oops"), new DoubleCell(1)));
        c.addRowToTable(new DefaultRow("noY", new StringCell(good), DataType.getMissingCell()));
        c.addRowToTable(new DefaultRow("nanY", new StringCell(good), new DoubleCell(Double.NaN)));
        c.addRowToTable(new DefaultRow("emptyGor", new StringCell(""), new DoubleCell(1)));
        c.close();
        Dataset d = MoleculeTableReader.forSpec(spec, "GOR", List.of("y")).read(c.getTable(), exec);
        assertEquals(1, d.size());
        assertEquals("", d.records().get(0).smiles());
        List<Rejection> rej = d.rejections();
        assertEquals(5, rej.size());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rej.stream().map(Rejection::line).toList());
        assertEquals(List.of("noGor", "badGor", "noY", "nanY", "emptyGor"),
                rej.stream().map(Rejection::id).toList());
        assertEquals(List.of(RejectionReason.NO_GEOMETRY, RejectionReason.UNSUPPORTED_STRUCTURE,
                RejectionReason.MISSING_PROPERTY, RejectionReason.MISSING_PROPERTY, RejectionReason.NO_GEOMETRY),
                rej.stream().map(Rejection::reason).toList());
        assertTrue(rej.get(1).detail(), rej.get(1).detail().contains("GOR text, position 0"));
        assertTrue(rej.get(3).detail(), rej.get(3).detail().contains("NaN"));
        // and the rejection table shows them
        BufferedDataTable t = RejectionTable.create(rej, exec);
        assertEquals(5, t.size());
        DataRow first = t.iterator().next();
        assertEquals("Row0", first.getKey().getString());
        assertEquals("NO_GEOMETRY", first.getCell(3).toString());
        assertEquals("2", first.getCell(1).toString());
    }

    @Test
    public void configureTimeChecksNameTheColumn() {
        DataTableSpec spec = new DataTableSpec(new String[] {"GOR", "y", "label"},
                new DataType[] {StringCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});
        expect(spec, "GORX", List.of("y"), "\"GORX\" is not in the input table");
        expect(spec, "y", List.of("y"), "holds Double values; expected a string");
        expect(spec, "GOR", List.of("label"), "\"label\" holds String values; expected a number");
        expect(spec, "GOR", List.of("y", "y"), "selected twice");
        expect(spec, "", List.of("y"), "No graph-of-rings column selected");
    }

    private static void expect(DataTableSpec spec, String gor, List<String> targets, String message) {
        try {
            MoleculeTableReader.forSpec(spec, gor, targets);
            fail("accepted " + gor + " " + targets);
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage() + " should contain " + message, e.getMessage().contains(message));
        }
    }

    @Test
    public void selectPropertiesReordersAndChecks() {
        Dataset data = EmbeddedDataset.generate(3);
        Dataset sel = Datasets.selectProperties(data, List.of(HuckelProperties.LUMO_EV, HuckelProperties.GAP_BETA));
        assertEquals(data.size(), sel.size());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(data.records().get(i).property(data.propertyIndex(HuckelProperties.LUMO_EV)),
                    sel.records().get(i).property(0), 0);
            assertEquals(data.records().get(i).property(data.propertyIndex(HuckelProperties.GAP_BETA)),
                    sel.records().get(i).property(1), 0);
        }
        try {
            Datasets.selectProperties(data, List.of("nope"));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("\"nope\""));
        }
    }
}
