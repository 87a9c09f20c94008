package org.gaudi.knime.harness;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.Test;
import org.knime.chem.types.SmilesCell;
import org.knime.chem.types.SmilesCellFactory;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The harness behaves like KNIME where the node layer's tests rely on it: settings storage and XML, settings
 * models, table containers and type compatibility.
 */
public class HarnessBehaviourTest {

    @Test
    public void settingsSurviveXmlWithTypesArraysNullsAndNesting() throws Exception {
        NodeSettings s = new NodeSettings("model");
        s.addString("s", "a<b&\"c\"");
        s.addString("null", null);
        s.addInt("i", -3);
        s.addLong("l", 1L << 40);
        s.addDouble("d", 0.1);
        s.addBoolean("b", true);
        s.addStringArray("arr", "x", "", "y");
        s.addDoubleArray("darr", 1.5, -0.0);
        s.addNodeSettings("sub").addInt("deep", 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        String xml = out.toString("UTF-8");
        assertTrue(xml, xml.contains("xmlns=\"http://www.knime.org/2008/09/XMLConfig\""));
        assertTrue(xml, xml.contains("key=\"array-size\" type=\"xint\" value=\"3\""));
        NodeSettingsRO r = NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(s, r);
        assertEquals("a<b&\"c\"", r.getString("s"));
        assertNull(r.getString("null"));
        assertEquals(1L << 40, r.getLong("l"));
        assertArrayEquals(new String[] {"x", "", "y"}, r.getStringArray("arr"));
        assertEquals(7, r.getNodeSettings("sub").getInt("deep"));
    }

    @Test
    public void gettersCheckTypeAndPresence() {
        NodeSettings s = new NodeSettings("m");
        s.addString("k", "1");
        try {
            s.getInt("k");
            fail("string read as int");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage().contains("\"k\""));
        }
        assertEquals(5, s.getInt("missing", 5));
    }

    @Test
    public void settingsModelsWriteInternalsAndRespectBounds() throws Exception {
        SettingsModelIntegerBounded m = new SettingsModelIntegerBounded("rings", 3, 1, 5);
        NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        assertEquals(3, s.getInt("rings"));
        assertEquals("SMID_integer", s.getNodeSettings("rings_Internals").getString("SettingsModelID"));
        assertTrue(s.getNodeSettings("rings_Internals").getBoolean("EnabledStatus"));
        s.addInt("rings", 9);
        try {
            m.validateSettings(s);
            fail("out-of-range value validated");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("[1...5]"));
        }
        try {
            m.loadSettingsFrom(s);
            fail("out-of-range value loaded");
        } catch (InvalidSettingsException e) {
            assertEquals(3, m.getIntValue());
        }
        SettingsModelString str = new SettingsModelString("name", "a");
        NodeSettings empty = new NodeSettings("model");
        try {
            str.loadSettingsFrom(empty);
            fail("missing key loaded");
        } catch (InvalidSettingsException e) {
            assertEquals("a", str.getStringValue());
        }
        // a model saved while disabled is not validated
        str.setEnabled(false);
        NodeSettings disabled = new NodeSettings("model");
        str.saveSettingsTo(disabled);
        str.setEnabled(true);
        disabled.addInt("name", 1);
        str.validateSettings(disabled);
    }

    @Test
    public void containerChecksRowsAgainstTheSpec() {
        DataTableSpec spec = new DataTableSpec(new String[] {"x", "s"}, new DataType[] {DoubleCell.TYPE,
            StringCell.TYPE});
        BufferedDataContainer c = NodeDriver.newExecutionContext().createDataContainer(spec);
        c.addRowToTable(new DefaultRow("r1", new DoubleCell(1), new StringCell("a")));
        c.addRowToTable(new DefaultRow("r2", DataType.getMissingCell(), new StringCell("b")));
        expectRejected(c, new DefaultRow("r3", new StringCell("1"), new StringCell("a")), "does not comply");
        expectRejected(c, new DefaultRow("r4", new DoubleCell(1)), "Cell count");
        expectRejected(c, new DefaultRow("r1", new DoubleCell(2), new StringCell("c")), "duplicate row ID");
        try {
            c.getTable();
            fail("table of an open container");
        } catch (IllegalStateException expected) {
            // must close first
        }
        c.close();
        assertEquals(2, c.getTable().size());
        try {
            c.addRowToTable(new DefaultRow("r5", new DoubleCell(1), new StringCell("a")));
            fail("row added after close");
        } catch (IllegalStateException expected) {
            // closed
        }
    }

    private static void expectRejected(BufferedDataContainer c, DefaultRow row, String message) {
        try {
            c.addRowToTable(row);
            fail("accepted " + row);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    @Test
    public void typeCompatibilityFollowsValueInterfaces() {
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(SmilesCell.TYPE.isCompatible(StringValue.class));
        assertEquals(SmilesCell.TYPE, SmilesCellFactory.create("c1ccccc1").getType());
        assertFalse(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE));
        assertEquals("x (#1)", DataTableSpec.getUniqueColumnName(new DataTableSpec(new String[] {"x"},
                new DataType[] {IntCell.TYPE}), "x"));
        try {
            new DataTableSpec(new String[] {"x", "x"}, new DataType[] {IntCell.TYPE, IntCell.TYPE});
            fail("duplicate column names accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("Duplicate column name"));
        }
    }
}
