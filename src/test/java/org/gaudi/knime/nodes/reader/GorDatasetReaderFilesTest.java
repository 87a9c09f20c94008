package org.gaudi.knime.nodes.reader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.gor.GorText;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.knime.table.RejectionTable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.knime.chem.types.SmilesValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.SDFWriter;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** The reader on CSV and SD files, through the core readers: good records become rows, bad ones rejections. */
public class GorDatasetReaderFilesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static NodeDriver<GorDatasetReaderNodeModel> node(String source, Path file, String properties,
            int maxRings) throws InvalidSettingsException {
        NodeDriver<GorDatasetReaderNodeModel> n = new NodeDriver<>(new GorDatasetReaderNodeFactory());
        NodeSettings s = n.saveModelSettings();
        s.addString(GorDatasetReaderNodeModel.CFG_SOURCE, source);
        s.addString(GorDatasetReaderNodeModel.CFG_FILE, file.toString());
        s.addString(GorDatasetReaderNodeModel.CFG_PROPERTIES, properties);
        s.addInt(GorDatasetReaderNodeModel.CFG_MAX_RINGS, maxRings);
        n.loadModelSettings(s);
        return n;
    }

    private static List<DataRow> rows(BufferedDataTable t) {
        List<DataRow> r = new ArrayList<>();
        t.forEach(r::add);
        return r;
    }

    @Test
    public void csvRowsBecomeMoleculesOrRejections() throws Exception {
        Path csv = tmp.newFile("mols.csv").toPath();
        Files.writeString(csv, String.join("\n",
                "molecule,smiles,GAP_eV,n_rings",
                "naph,c1ccc2ccccc2c1,4.8,2",
                "anth,c1ccc2cc3ccccc3cc2c1,3.6,3",
                "bad,c1ccc(,3.0,1",
                "nogap,c1ccccc1,,1",
                "pyr,c1ccncc1,5.0,1",
                "tet,c1ccc2cc3cc4ccccc4cc3cc2c1,2.9,4",
                "naph,c1ccc2ccccc2c1,4.8,2") + "\n", StandardCharsets.UTF_8);
        NodeDriver<GorDatasetReaderNodeModel> n = node(GorDatasetReaderNodeModel.SOURCE_CSV, csv, "GAP_eV", 3);
        PortObjectSpec[] specs = n.configure();
        PortObject[] out = n.execute(NodeDriver.newExecutionContext());
        BufferedDataTable molecules = (BufferedDataTable) out[0];
        BufferedDataTable rejected = (BufferedDataTable) out[1];
        assertTrue(molecules.getDataTableSpec().equalStructure((DataTableSpec) specs[0]));
        assertTrue(rejected.getDataTableSpec().equalStructure(RejectionTable.spec()));

        List<DataRow> mol = rows(molecules);
        assertEquals(2, mol.size());
        assertEquals("naph", mol.get(0).getKey().getString());
        assertEquals("c1ccc2ccccc2c1", ((SmilesValue) mol.get(0).getCell(1)).getSmilesValue());
        assertEquals(2, ((IntValue) mol.get(0).getCell(2)).getIntValue());
        assertEquals(4.8, ((DoubleValue) mol.get(0).getCell(3)).getDoubleValue(), 0);
        GraphOfRings anthracene = GorText.parse(((StringValue) mol.get(1).getCell(4)).getStringValue());
        assertEquals(3, anthracene.ringCount());
        assertTrue(anthracene.isBenzenoid());
        // fused rings of the lattice embedding sit ≈2.42–2.45 Å apart, the outer rings twice that
        double d01 = anthracene.distance(0, 1);
        assertTrue("fused ring distance " + d01, d01 > 2.40 && d01 < 2.47);

        List<DataRow> rej = rows(rejected);
        List<String> got = new ArrayList<>();
        for (DataRow r : rej) {
            got.add(((StringValue) r.getCell(2)).getStringValue() + "@" + ((LongValue) r.getCell(1)).getLongValue()
                    + ":" + r.getCell(3));
            assertEquals(csv.toString(), ((StringValue) r.getCell(0)).getStringValue());
        }
        assertEquals(List.of("bad@4:BAD_SMILES", "nogap@5:MISSING_PROPERTY", "pyr@6:NO_GEOMETRY",
                "tet@7:TOO_MANY_RINGS", "naph@8:DUPLICATE_ID"), got);
        assertTrue(n.getWarningMessage(), n.getWarningMessage().startsWith("5 records rejected ("));
    }

    @Test
    public void sdfRecordsBecomeMolecules() throws Exception {
        Path sdf = tmp.newFile("mols.sdf").toPath();
        SmilesParser sp = new SmilesParser(SilentChemObjectBuilder.getInstance());
        StructureDiagramGenerator sdg = new StructureDiagramGenerator();
        StringWriter text = new StringWriter();
        try (SDFWriter w = new SDFWriter(text)) {
            String[][] mols = {{"phen", "c1ccc2c(c1)ccc1ccccc12", "3.9"}, {"benz", "c1ccccc1", "6.5"},
                {"nogap", "c1ccc2ccccc2c1", "n/a"}};
            for (String[] m : mols) {
                IAtomContainer mol = sp.parseSmiles(m[1]);
                sdg.generateCoordinates(mol);
                mol.setTitle(m[0]);
                mol.setProperty("gap", m[2]);
                w.write(mol);
            }
        }
        Files.writeString(sdf, text.toString(), StandardCharsets.UTF_8);
        NodeDriver<GorDatasetReaderNodeModel> n = node(GorDatasetReaderNodeModel.SOURCE_SDF, sdf, "gap", 11);
        PortObjectSpec[] specs = n.configure();
        PortObject[] out = n.execute(NodeDriver.newExecutionContext());
        BufferedDataTable molecules = (BufferedDataTable) out[0];
        assertTrue(molecules.getDataTableSpec().equalStructure((DataTableSpec) specs[0]));
        List<DataRow> mol = rows(molecules);
        assertEquals(2, mol.size());
        assertEquals("phen", mol.get(0).getKey().getString());
        assertEquals(3, ((IntValue) mol.get(0).getCell(2)).getIntValue());
        assertEquals(6.5, ((DoubleValue) mol.get(1).getCell(3)).getDoubleValue(), 0);
        List<DataRow> rej = rows((BufferedDataTable) out[1]);
        assertEquals(1, rej.size());
        assertEquals("nogap", ((StringValue) rej.get(0).getCell(2)).getStringValue());
        assertEquals(3, ((LongValue) rej.get(0).getCell(1)).getLongValue());
        assertEquals("MISSING_PROPERTY", rej.get(0).getCell(3).toString());
    }

    @Test
    public void fileSourceWithoutPropertiesReadsNone() throws Exception {
        Path csv = tmp.newFile("p.csv").toPath();
        Files.writeString(csv, "molecule,smiles,GAP_eV\nnaph,c1ccc2ccccc2c1,4.8\n", StandardCharsets.UTF_8);
        NodeDriver<GorDatasetReaderNodeModel> n = node(GorDatasetReaderNodeModel.SOURCE_CSV, csv, "", 11);
        DataTableSpec spec = (DataTableSpec) n.configure()[0];
        assertEquals(List.of("id", "SMILES", "n_rings", "GOR"), List.of(spec.getColumnNames()));
        BufferedDataTable t = (BufferedDataTable) n.execute(NodeDriver.newExecutionContext())[0];
        assertEquals(1, t.size());
        assertNull(n.getWarningMessage());
    }

    @Test
    public void missingFilesAndColumnsAreClearErrors() throws Exception {
        Path absent = tmp.getRoot().toPath().resolve("absent.csv");
        NodeDriver<GorDatasetReaderNodeModel> n = node(GorDatasetReaderNodeModel.SOURCE_CSV, absent, "", 11);
        try {
            n.configure();
            fail("configured on a missing file");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Input file not found") && e.getMessage()
                    .contains("absent.csv"));
        }
        Path csv = tmp.newFile("cols.csv").toPath();
        Files.writeString(csv, "molecule,smiles\nnaph,c1ccc2ccccc2c1\n", StandardCharsets.UTF_8);
        NodeDriver<GorDatasetReaderNodeModel> m = node(GorDatasetReaderNodeModel.SOURCE_CSV, csv, "GAP_eV", 11);
        m.configure();
        try {
            m.execute(NodeDriver.newExecutionContext());
            fail("read a CSV without the requested property column");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("GAP_eV"));
        }
    }
}
