package org.gaudi.knime.workflow;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gaudi.knime.PluginXml;
import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.core.node.BufferedDataTable;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortType;

/**
 * The example workflow in {@code examples/} against the code: it is what {@link ExampleWorkflow} describes, every
 * factory is registered in plugin.xml, every node's {@code model} settings load through its NodeModel and are exactly
 * what it saves, connections fit the nodes' ports (0 = flow variables, data and model ports from 1) and types, and the
 * .knwf archive holds exactly the folder. Run with {@code -Dgaudi.writeExample=true} to rewrite the files first.
 */
public class ExampleWorkflowTest {

    private static final Path ROOT = PluginXml.ROOT;
    private static final Path DIR = ROOT.resolve(ExampleWorkflow.DIR).resolve(ExampleWorkflow.NAME);
    private static final Path KNWF = ROOT.resolve(ExampleWorkflow.DIR).resolve(ExampleWorkflow.NAME + ".knwf");

    @BeforeClass
    public static void writeIfAsked() throws Exception {
        if (Boolean.getBoolean("gaudi.writeExample")) {
            ExampleWorkflow.create().write(ROOT);
        }
    }

    private static NodeSettingsRO read(Path p) throws Exception {
        return NodeSettings.loadFromXML(Files.newInputStream(p));
    }

    private static Map<String, byte[]> folderFiles() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(DIR)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.put(DIR.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    public void committedFilesAreWhatTheNodeModelsWrite() throws Exception {
        assertTrue("example workflow missing: " + DIR + " (run this test with -Dgaudi.writeExample=true)",
                Files.isDirectory(DIR));
        ExampleWorkflow w = ExampleWorkflow.create();
        Map<String, byte[]> expected = w.files(ExampleWorkflow.Bundle.read(ROOT));
        Map<String, byte[]> actual = folderFiles();
        assertEquals("files of " + DIR + " (rewrite with -Dgaudi.writeExample=true)", new TreeSet<>(expected
                .keySet()), actual.keySet());
        for (String f : expected.keySet()) {
            NodeSettingsRO e = NodeSettings.loadFromXML(new ByteArrayInputStream(expected.get(f)));
            NodeSettingsRO a = NodeSettings.loadFromXML(new ByteArrayInputStream(actual.get(f)));
            assertEquals(f + " differs from what the code writes (rewrite with -Dgaudi.writeExample=true)", e, a);
        }
    }

    /** The nodes of the committed workflow.knime: id → factory driven by the harness. */
    private static Map<Integer, NodeDriver<?>> loadNodes(NodeSettingsRO wf) throws Exception {
        Set<String> registered = new HashSet<>();
        PluginXml.load().nodes().forEach(n -> registered.add(n.getAttribute("factory-class")));
        String symbolicName = ExampleWorkflow.Bundle.read(ROOT).symbolicName();
        Map<Integer, NodeDriver<?>> byId = new HashMap<>();
        NodeSettingsRO nodes = wf.getNodeSettings("nodes");
        for (String key : nodes.keySet()) {
            NodeSettingsRO n = nodes.getNodeSettings(key);
            int id = n.getInt("id");
            assertEquals(key, "node_" + id);
            assertFalse("metanodes are not expected", n.getBoolean("node_is_meta"));
            assertEquals("NativeNode", n.getString("node_type"));
            String file = n.getString("node_settings_file");
            assertTrue(file, file.endsWith(" (#" + id + ")/settings.xml"));
            Path settingsFile = DIR.resolve(file);
            assertTrue("missing " + settingsFile, Files.isRegularFile(settingsFile));
            NodeSettingsRO s = read(settingsFile);
            assertEquals("settings.xml", s.getString("node_file"));
            String factoryClass = s.getString("factory");
            assertTrue(factoryClass + " is not registered in plugin.xml", registered.contains(factoryClass));
            assertEquals(symbolicName, s.getString("node-bundle-symbolic-name"));
            assertEquals("KNIME records the feature's p2 unit id", "org.gaudi.knime.feature.feature.group",
                    s.getString("node-feature-symbolic-name"));
            String name = s.getString("node-name");
            assertEquals("folder is named after the node", name + " (#" + id + ")/settings.xml", file);
            NodeFactory<?> factory = (NodeFactory<?>) Class.forName(factoryClass).getDeclaredConstructor()
                    .newInstance();
            NodeDriver<?> node = new NodeDriver<>(factory);
            NodeSettingsRO model = s.getNodeSettings("model");
            node.validateModelSettings(model);
            node.loadModelSettings(model);
            assertEquals(name + ": the model settings are exactly what the NodeModel saves", model,
                    node.saveModelSettings());
            assertEquals(name + ": one port entry per output", node.getNrOutPorts(),
                    s.getNodeSettings("ports").keySet().size());
            byId.put(id, node);
        }
        return byId;
    }

    @Test
    public void workflowIsConsistentWithTheCode() throws Exception {
        NodeSettingsRO wf = read(DIR.resolve("workflow.knime"));
        assertEquals(ExampleWorkflow.FORMAT_VERSION, wf.getString("version"));
        Map<Integer, NodeDriver<?>> nodes = loadNodes(wf);
        assertEquals(ExampleWorkflow.create().nodes().size(), nodes.size());

        Map<String, Integer> inputs = new HashMap<>();
        List<String> edges = new ArrayList<>();
        NodeSettingsRO cons = wf.getNodeSettings("connections");
        for (String key : cons.keySet()) {
            NodeSettingsRO c = cons.getNodeSettings(key);
            int src = c.getInt("sourceID");
            int dst = c.getInt("destID");
            int sp = c.getInt("sourcePort");
            int dp = c.getInt("destPort");
            NodeDriver<?> from = nodes.get(src);
            NodeDriver<?> to = nodes.get(dst);
            assertNotNull(key + ": no node " + src, from);
            assertNotNull(key + ": no node " + dst, to);
            assertTrue(key + ": source port " + sp + " of node " + src + " (ports 1.." + from.getNrOutPorts() + ")",
                    sp >= 1 && sp <= from.getNrOutPorts());
            assertTrue(key + ": dest port " + dp + " of node " + dst + " (ports 1.." + to.getNrInPorts() + ")",
                    dp >= 1 && dp <= to.getNrInPorts());
            PortType out = from.getOutPortType(sp - 1);
            PortType in = to.getInPortType(dp - 1);
            assertTrue(key + ": " + out + " cannot feed " + in, in.acceptsPortObjectClass(out
                    .getPortObjectClass()));
            assertEquals(key + ": input " + dp + " of node " + dst + " connected twice", null,
                    inputs.put(dst + ":" + dp, src));
            edges.add(src + ":" + sp + "->" + dst + ":" + dp);
        }
        for (Map.Entry<Integer, NodeDriver<?>> e : nodes.entrySet()) {
            NodeDriver<?> n = e.getValue();
            for (int p = 1; p <= n.getNrInPorts(); p++) {
                if (!n.getInPortType(p - 1).isOptional()) {
                    assertTrue("required input " + p + " of node " + e.getKey() + " is not connected",
                            inputs.containsKey(e.getKey() + ":" + p));
                }
            }
        }
        // the intended pipeline: table into both learners, EDM into predictor learner, predictor into objective,
        // EDM, predictor and objective into the sampler; the language-model branch fed by the same table and scored by
        // the same predictor and objective
        assertTrue(edges.toString(), edges.containsAll(List.of("1:1->2:1", "1:1->3:1", "2:1->3:2", "3:1->4:1",
                "2:1->5:1", "3:1->5:2", "4:1->5:3", "1:1->6:1", "6:1->7:1", "3:1->7:2", "4:1->7:3")));
        assertEquals(BufferedDataTable.class, nodes.get(1).getOutPortType(0).getPortObjectClass());
    }

    @Test
    public void knwfHoldsExactlyTheFolder() throws Exception {
        assertTrue("missing " + KNWF, Files.isRegularFile(KNWF));
        Map<String, byte[]> folder = folderFiles();
        Map<String, byte[]> zipped = new TreeMap<>();
        String first = null;
        try (InputStream in = Files.newInputStream(KNWF); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (first == null) {
                    first = e.getName();
                }
                assertTrue(e.getName() + " is outside the workflow folder", e.getName().startsWith(
                        ExampleWorkflow.NAME + "/"));
                if (!e.isDirectory()) {
                    zipped.put(e.getName().substring(ExampleWorkflow.NAME.length() + 1), zip.readAllBytes());
                }
            }
        }
        assertEquals("the workflow folder is the top entry", ExampleWorkflow.NAME + "/", first);
        assertEquals(folder.keySet(), zipped.keySet());
        for (String f : folder.keySet()) {
            assertArrayEquals(f, folder.get(f), zipped.get(f));
        }
        assertArrayEquals("the archive is the zip of the folder (rewrite with -Dgaudi.writeExample=true)",
                ExampleWorkflow.knwf(folder), Files.readAllBytes(KNWF));
    }

    /**
     * The hetero switch documented in the README: the batch executor's {@code -option=1,embedded_space,hetero,String
     * -option=1,max_rings,N,int} on the committed Reader settings gives a Reader of the embedded hetero space (run here
     * with 2 rings to stay fast: 9 + 151 PASs); leaving max_rings at the benzenoid example's 9 is refused at configure
     * with the hetero space's limit.
     */
    @Test
    public void readerSwitchesToTheHeteroSpaceWithBatchOptions() throws Exception {
        NodeSettingsRO committed = read(DIR.resolve("GOR Dataset Reader (#1)/settings.xml")).getNodeSettings("model");
        NodeDriver<?> reader = new NodeDriver<>(new org.gaudi.knime.nodes.reader.GorDatasetReaderNodeFactory());
        NodeSettings hetero = new NodeSettings("model");
        committed.copyTo(hetero);
        hetero.addString(org.gaudi.knime.nodes.reader.GorDatasetReaderNodeModel.CFG_SPACE, "hetero");
        hetero.addInt(org.gaudi.knime.nodes.reader.GorDatasetReaderNodeModel.CFG_MAX_RINGS, 2);
        reader.validateModelSettings(hetero);
        reader.loadModelSettings(hetero);
        reader.configure();
        BufferedDataTable table = (BufferedDataTable) reader.execute(NodeDriver.newExecutionContext())[0];
        assertEquals(9 + 151, table.size());

        NodeSettings tooMany = new NodeSettings("model");
        committed.copyTo(tooMany);
        tooMany.addString(org.gaudi.knime.nodes.reader.GorDatasetReaderNodeModel.CFG_SPACE, "hetero");
        NodeDriver<?> second = new NodeDriver<>(new org.gaudi.knime.nodes.reader.GorDatasetReaderNodeFactory());
        try {
            second.validateModelSettings(tooMany);
            second.loadModelSettings(tooMany);
            second.configure();
            org.junit.Assert.fail("max_rings 9 in the hetero space must be refused");
        } catch (org.knime.core.node.InvalidSettingsException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("8"));
        }
    }
}
