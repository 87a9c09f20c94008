package org.gaudi.knime.nodes.reader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.gor.GorText;
import org.gaudi.knime.table.MoleculeTable;
import org.gaudi.knime.table.RejectionTable;
import org.junit.Test;
import org.knime.chem.types.SmilesValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** The GOR Dataset Reader through KNIME's node life cycle (settings, configure, execute, cancel, dialog). */
public class GorDatasetReaderNodeModelTest {

    private static NodeDriver<GorDatasetReaderNodeModel> node() {
        return new NodeDriver<>(new GorDatasetReaderNodeFactory());
    }

    private static NodeSettings settings(int min, int max, String properties) {
        NodeSettings s = node().saveModelSettings();
        s.addInt(GorDatasetReaderNodeModel.CFG_MIN_RINGS, min);
        s.addInt(GorDatasetReaderNodeModel.CFG_MAX_RINGS, max);
        s.addString(GorDatasetReaderNodeModel.CFG_PROPERTIES, properties);
        return s;
    }

    @Test
    public void settingsRoundTripThroughValidateAndLoad() throws Exception {
        NodeSettings defaults = node().saveModelSettings();
        assertEquals("embedded", defaults.getString(GorDatasetReaderNodeModel.CFG_SOURCE));
        assertEquals(GorDatasetReaderNodeModel.DEFAULT_MAX_RINGS,
                defaults.getInt(GorDatasetReaderNodeModel.CFG_MAX_RINGS));
        NodeSettings changed = settings(2, 6, "HMO_GAP_eV, HMO_LUMO_beta");
        changed.addString(GorDatasetReaderNodeModel.CFG_FILE, "/data/some.csv");
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(changed);
        NodeSettings saved = n.saveModelSettings();
        assertEquals(changed, saved);
        NodeDriver<GorDatasetReaderNodeModel> fresh = node();
        fresh.validateModelSettings(saved);
        fresh.loadModelSettings(saved);
        assertEquals(saved, fresh.saveModelSettings());
    }

    @Test
    public void invalidSettingsAreRejectedWithTheReason() {
        expectInvalid(settings(1, 12, ""), "[1...11]");
        expectInvalid(settings(6, 4, ""), "Minimum rings (6) must not exceed maximum rings (4)");
        expectInvalid(settings(1, 4, "HMO_GAP_eV, gap"), "Unknown property \"gap\"");
        expectInvalid(settings(1, 4, "HMO_GAP_eV,HMO_GAP_eV"), "listed twice");
        NodeSettings badSource = settings(1, 4, "");
        badSource.addString(GorDatasetReaderNodeModel.CFG_SOURCE, "zinc");
        expectInvalid(badSource, "Unknown source \"zinc\"");
        NodeSettings missing = new NodeSettings("model");
        expectInvalid(missing, "\"source\"");
        NodeSettings noFile = settings(1, 4, "");
        noFile.addString(GorDatasetReaderNodeModel.CFG_SOURCE, GorDatasetReaderNodeModel.SOURCE_CSV);
        expectInvalid(noFile, "No input file selected (setting 'file')");
        NodeSettings remote = settings(1, 4, "");
        remote.addString(GorDatasetReaderNodeModel.CFG_SOURCE, GorDatasetReaderNodeModel.SOURCE_SDF);
        remote.addString(GorDatasetReaderNodeModel.CFG_FILE, "knime://LOCAL/data.sdf");
        expectInvalid(remote, "Only local files are supported");
    }

    @Test
    public void settingsSavedBeforeTheSpaceChoiceLoadAsBenzenoid() throws Exception {
        // what the node saved before the space setting existed: every other settings model, no space key
        NodeSettings legacy = new NodeSettings("model");
        GorDatasetReaderNodeModel.createSourceModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createFileModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createXyzSourceModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createSdfIdFieldModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createMinRingsModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createMaxRingsModel().saveSettingsTo(legacy);
        GorDatasetReaderNodeModel.createPropertiesModel().saveSettingsTo(legacy);
        assertFalse(legacy.containsKey(GorDatasetReaderNodeModel.CFG_SPACE));
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        NodeSettings hetero = settings(1, 3, "");
        hetero.addString(GorDatasetReaderNodeModel.CFG_SPACE, GorDatasetReaderNodeModel.SPACE_HETERO);
        n.loadModelSettings(hetero);
        n.validateModelSettings(legacy);
        n.loadModelSettings(legacy);
        assertEquals(GorDatasetReaderNodeModel.SPACE_BENZENOID,
                n.saveModelSettings().getString(GorDatasetReaderNodeModel.CFG_SPACE));
        NodeSettings bad = settings(1, 3, "");
        bad.addString(GorDatasetReaderNodeModel.CFG_SPACE, "zeolite");
        expectInvalid(bad, "Unknown embedded space \"zeolite\"");
        NodeSettings tooMany = settings(1, 9, "");
        tooMany.addString(GorDatasetReaderNodeModel.CFG_SPACE, GorDatasetReaderNodeModel.SPACE_HETERO);
        expectInvalid(tooMany, "at most 8 rings");
    }

    @Test
    public void heteroSpaceGivesHeteroatomsWithOrientationNodes() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        NodeSettings s = settings(1, 2, "HMO_GAP_eV");
        s.addString(GorDatasetReaderNodeModel.CFG_SPACE, GorDatasetReaderNodeModel.SPACE_HETERO);
        n.loadModelSettings(s);
        PortObject[] out = n.execute(NodeDriver.newExecutionContext());
        BufferedDataTable molecules = (BufferedDataTable) out[0];
        Dataset core = EmbeddedDataset.generate(EmbeddedDataset.Space.HETERO, 1, 2, i -> { });
        assertEquals(core.size(), molecules.size());
        boolean pyrrole = false;
        for (DataRow row : molecules) {
            String smiles = ((SmilesValue) row.getCell(1)).getSmilesValue();
            pyrrole |= smiles.equals("c1cc[nH]c1");
            assertTrue(GorText.parse(((StringValue) row.getCell(4)).getStringValue()).hasOrientationNodes());
        }
        assertTrue("pyrrole (N-H) among the single rings", pyrrole);
    }

    private static void expectInvalid(NodeSettings s, String message) {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        NodeSettings before = n.saveModelSettings();
        try {
            n.loadModelSettings(s);
            fail("accepted invalid settings (" + message + ")");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage() + " should contain " + message, e.getMessage().contains(message));
        }
        assertEquals("rejected settings must not be applied", before, n.saveModelSettings());
    }

    @Test
    public void executeProducesWhatConfigurePromised() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(settings(1, 5, "HMO_LUMO_eV,HMO_GAP_beta"));
        PortObjectSpec[] specs = n.configure();
        PortObject[] out = n.execute(NodeDriver.newExecutionContext());
        BufferedDataTable molecules = (BufferedDataTable) out[0];
        BufferedDataTable rejected = (BufferedDataTable) out[1];
        assertTrue(molecules.getDataTableSpec().equalStructure((DataTableSpec) specs[0]));
        assertTrue(rejected.getDataTableSpec().equalStructure((DataTableSpec) specs[1]));
        assertTrue(rejected.getDataTableSpec().equalStructure(RejectionTable.spec()));
        assertEquals(List.of("id", "SMILES", "n_rings", "HMO_LUMO_eV", "HMO_GAP_beta", "GOR"),
                List.of(molecules.getDataTableSpec().getColumnNames()));
        assertEquals(0, rejected.size());
        assertNull(n.getWarningMessage());

        // every cata-condensed benzenoid with 1..5 rings: 1 + 1 + 2 + 5 + 12
        assertEquals(21, molecules.size());
        Map<Integer, Integer> perRingCount = new TreeMap<>();
        Dataset core = EmbeddedDataset.generate(5);
        Iterator<MoleculeRecord> expected = core.records().iterator();
        for (DataRow row : molecules) {
            MoleculeRecord r = expected.next();
            int rings = ((IntValue) row.getCell(2)).getIntValue();
            perRingCount.merge(rings, 1, Integer::sum);
            assertEquals(r.id(), row.getKey().getString());
            assertEquals(r.id(), ((StringValue) row.getCell(0)).getStringValue());
            assertEquals(r.smiles(), ((SmilesValue) row.getCell(1)).getSmilesValue());
            assertEquals(r.property(core.propertyIndex(HuckelProperties.LUMO_EV)),
                    ((DoubleValue) row.getCell(3)).getDoubleValue(), 0);
            assertEquals(r.property(core.propertyIndex(HuckelProperties.GAP_BETA)),
                    ((DoubleValue) row.getCell(4)).getDoubleValue(), 0);
            assertEquals(r.gor(), GorText.parse(((StringValue) row.getCell(5)).getStringValue()));
            assertEquals(r.ringCount(), rings);
        }
        assertEquals(Map.of(1, 1, 2, 1, 3, 2, 4, 5, 5, 12), perRingCount);
        // benzene's Hückel gap is 2|beta|
        DataRow benzene = molecules.iterator().next();
        assertEquals(2.0, ((DoubleValue) benzene.getCell(4)).getDoubleValue(), 1e-9);
    }

    @Test
    public void emptyPropertySelectionMeansAllInSourceOrder() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(settings(3, 3, " "));
        DataTableSpec spec = (DataTableSpec) n.configure()[0];
        List<String> props = new ArrayList<>(List.of(spec.getColumnNames()).subList(3, spec.getNumColumns() - 1));
        assertEquals(EmbeddedDataset.PROPERTIES, props);
        BufferedDataTable t = (BufferedDataTable) n.execute(NodeDriver.newExecutionContext())[0];
        assertEquals(2, t.size());
        assertTrue(t.getDataTableSpec().equalStructure(spec));
    }

    @Test
    public void cancelStopsTheRun() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(settings(1, 7, ""));
        n.configure();
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        try {
            n.execute(NodeDriver.newExecutionContext(mon));
            fail("cancelled node produced output");
        } catch (CanceledExecutionException expected) {
            // KNIME's cancellation, not an error
        }
    }

    @Test
    public void progressReachesTheEnd() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(settings(1, 6, ""));
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        n.execute(NodeDriver.newExecutionContext(mon));
        assertTrue("progress " + mon.getProgress(), mon.getProgress() > 0.79);
        assertTrue(mon.getMessage(), mon.getMessage().contains("molecule"));
    }

    @Test
    public void dialogReadsAndWritesTheModelsSettings() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        NodeSettings custom = settings(2, 7, "HMO_GAP_eV");
        n.loadModelSettings(custom);
        NodeDialogPane dialog = n.createNodeDialogPane();
        NodeDriver.loadDialogSettings(dialog, n.saveModelSettings(), new PortObjectSpec[0]);
        NodeSettings fromDialog = NodeDriver.saveDialogSettings(dialog);
        assertEquals("the dialog writes exactly what the model saves", custom, fromDialog);
        NodeDriver<GorDatasetReaderNodeModel> other = node();
        other.loadModelSettings(fromDialog);
        // a file source: its file setting is enabled on both sides, the embedded-only one disabled
        NodeSettings csv = settings(1, 10, "GAP_eV");
        csv.addString(GorDatasetReaderNodeModel.CFG_SOURCE, GorDatasetReaderNodeModel.SOURCE_CSV);
        csv.addString(GorDatasetReaderNodeModel.CFG_FILE, "/data/compas.csv");
        NodeDriver<GorDatasetReaderNodeModel> m = node();
        m.loadModelSettings(csv);
        NodeSettings modelSaved = m.saveModelSettings();
        assertTrue(modelSaved.getNodeSettings(GorDatasetReaderNodeModel.CFG_FILE + "_Internals")
                .getBoolean("EnabledStatus"));
        assertTrue(!modelSaved.getNodeSettings(GorDatasetReaderNodeModel.CFG_MIN_RINGS + "_Internals")
                .getBoolean("EnabledStatus"));
        NodeDialogPane csvDialog = m.createNodeDialogPane();
        NodeDriver.loadDialogSettings(csvDialog, modelSaved, new PortObjectSpec[0]);
        assertEquals(modelSaved, NodeDriver.saveDialogSettings(csvDialog));
        // a dialog opened on empty settings (new node) shows and writes the defaults
        NodeDialogPane fresh = n.createNodeDialogPane();
        NodeDriver.loadDialogSettings(fresh, new NodeSettings("model"), new PortObjectSpec[0]);
        assertEquals(node().saveModelSettings(), NodeDriver.saveDialogSettings(fresh));
    }

    @Test
    public void rejectionWarningCountsEachReason() {
        String w = GorDatasetReaderNodeModel.rejectionSummary(3, new TreeMap<>(Map.of(
                RejectionReason.BAD_SMILES, 2, RejectionReason.TOO_MANY_RINGS, 1)));
        assertEquals("3 records rejected (2 SMILES could not be parsed; 1 more rings than the model's limit); see "
                + "the second output table.", w);
    }

    @Test
    public void descriptionListsEveryEmbeddedProperty() throws Exception {
        String xml;
        try (java.io.InputStream in = GorDatasetReaderNodeFactory.class.getResourceAsStream(
                "GorDatasetReaderNodeFactory.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String p : EmbeddedDataset.PROPERTIES) {
            assertTrue("description does not mention property " + p, xml.contains(p));
        }
        assertTrue(xml.contains("<tt>" + GorDatasetReaderNodeModel.SOURCE_EMBEDDED + "</tt>"));
    }

    @Test
    public void moleculeTableSpecIsTheSharedOne() throws Exception {
        NodeDriver<GorDatasetReaderNodeModel> n = node();
        n.loadModelSettings(settings(1, 2, "HMO_GAP_eV"));
        assertTrue(((DataTableSpec) n.configure()[0]).equalStructure(MoleculeTable.spec(List.of("HMO_GAP_eV"))));
    }
}
