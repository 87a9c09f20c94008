package org.gaudi.knime.workflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gaudi.knime.PluginXml;
import org.gaudi.knime.nodes.clmlearner.ClmLearnerNodeFactory;
import org.gaudi.knime.nodes.clmlearner.ClmLearnerNodeModel;
import org.gaudi.knime.nodes.clmsampler.ClmSamplerNodeFactory;
import org.gaudi.knime.nodes.clmsampler.ClmSamplerNodeModel;
import org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeFactory;
import org.gaudi.knime.nodes.edmlearner.EdmLearnerNodeModel;
import org.gaudi.knime.nodes.objective.ObjectiveNodeFactory;
import org.gaudi.knime.nodes.objective.ObjectiveNodeModel;
import org.gaudi.knime.nodes.predictorlearner.PropertyPredictorLearnerNodeFactory;
import org.gaudi.knime.nodes.predictorlearner.PropertyPredictorLearnerNodeModel;
import org.gaudi.knime.nodes.reader.GorDatasetReaderNodeFactory;
import org.gaudi.knime.nodes.reader.GorDatasetReaderNodeModel;
import org.gaudi.knime.nodes.sampler.GuidedSamplerNodeFactory;
import org.gaudi.knime.nodes.sampler.GuidedSamplerNodeModel;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;

/**
 * The example workflow shipped in {@code examples/}: GOR Dataset Reader → EDM Learner → Property Predictor Learner →
 * Objective → Guided Sampler, with small CPU-friendly settings, written in KNIME's workflow format (knime-api.md §5):
 * {@code workflow.knime} and one {@code <Name> (#<id>)/settings.xml} per node, whose {@code model} entries are what
 * each NodeModel's saveSettingsTo writes after loading the example settings through validate → load. Also the
 * {@code .knwf} archive (a zip with the workflow folder as its top entry).
 *
 * <p>{@link ExampleWorkflowTest} checks the committed files against this description; run it with
 * {@code -Dgaudi.writeExample=true} to (re)write them after changing a node's settings.
 */
public final class ExampleWorkflow {

    /** Folder name of the workflow (and top entry of the .knwf). */
    public static final String NAME = "GaUDI-guided-design";
    /** Where the folder and the archive live, relative to the repository root. */
    public static final String DIR = "examples";
    /** KNIME's workflow format version written (knime-api.md §5: current format string). */
    static final String FORMAT_VERSION = "5.1.0";
    static final String CREATED_BY = "5.5.0";
    static final String AUTHOR = "GaUDI for KNIME contributors";
    static final String AUTHORED_WHEN = "2026-01-01 00:00:00 +0000";
    /** Fixed zip entry time, so the archive is reproducible byte for byte. */
    static final long ZIP_TIME = 1767225600000L; // 2026-01-01T00:00:00Z

    /** One node of the workflow. */
    public record Node(int id, String name, NodeFactory<?> factory, NodeSettings model, int x, int y) {
        /** The node's folder, as KNIME names it. */
        public String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** One connection; ports count as in KNIME: 0 is the flow-variable port, data/model ports start at 1. */
    public record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /** The example: every node's settings loaded through its NodeModel. */
    public static ExampleWorkflow create() throws Exception {
        ExampleWorkflow w = new ExampleWorkflow();
        w.node(1, "GOR Dataset Reader", new GorDatasetReaderNodeFactory(), 60, 120, s -> {
            s.addString(GorDatasetReaderNodeModel.CFG_SOURCE, GorDatasetReaderNodeModel.SOURCE_EMBEDDED);
            s.addInt(GorDatasetReaderNodeModel.CFG_MIN_RINGS, 1);
            s.addInt(GorDatasetReaderNodeModel.CFG_MAX_RINGS, 9);
            s.addString(GorDatasetReaderNodeModel.CFG_PROPERTIES, "HMO_GAP_eV");
        });
        w.node(2, "EDM Learner", new EdmLearnerNodeFactory(), 260, 60, s -> {
            s.addInt(EdmLearnerNodeModel.CFG_LAYERS, 4);
            s.addInt(EdmLearnerNodeModel.CFG_HIDDEN, 64);
            s.addInt(EdmLearnerNodeModel.CFG_MAX_RINGS, 9);
            // the recipe of the shipped demo EDM (models/README.md): validity grows with optimiser steps, not
            // epochs; about 30 000 steps of batch 64 with weight averaging take about 30 min on 2 CPU cores
            s.addInt(EdmLearnerNodeModel.CFG_EPOCHS, 1000);
            s.addInt(EdmLearnerNodeModel.CFG_BATCH_SIZE, 64);
            s.addDouble(EdmLearnerNodeModel.CFG_LEARNING_RATE, 1e-3);
            s.addBoolean(EdmLearnerNodeModel.CFG_EMA, true);
            s.addInt(EdmLearnerNodeModel.CFG_SEED, 1);
            s.addDouble(EdmLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.1);
        });
        w.node(3, "Property Predictor Learner", new PropertyPredictorLearnerNodeFactory(), 460, 180, s -> {
            s.addStringArray(PropertyPredictorLearnerNodeModel.CFG_TARGET_COLUMNS, "HMO_GAP_eV");
            s.addInt(PropertyPredictorLearnerNodeModel.CFG_LAYERS, 4);
            s.addInt(PropertyPredictorLearnerNodeModel.CFG_HIDDEN, 64);
            // close to the demo predictor's recipe (models/README.md): about 6000 steps, a few minutes on 2 cores
            s.addInt(PropertyPredictorLearnerNodeModel.CFG_EPOCHS, 100);
            s.addInt(PropertyPredictorLearnerNodeModel.CFG_BATCH_SIZE, 32);
            s.addDouble(PropertyPredictorLearnerNodeModel.CFG_LEARNING_RATE, 1e-3);
            s.addInt(PropertyPredictorLearnerNodeModel.CFG_SEED, 1);
            s.addDouble(PropertyPredictorLearnerNodeModel.CFG_VALIDATION_FRACTION, 0.2);
        });
        w.node(4, "Objective", new ObjectiveNodeFactory(), 660, 180, s -> {
            s.addString(ObjectiveNodeModel.CFG_OBJECTIVE, "maximize HMO_GAP_eV");
        });
        w.connect(1, 1, 2, 1); // molecules → EDM Learner
        w.connect(1, 1, 3, 1); // molecules → Predictor Learner
        w.connect(2, 1, 3, 2); // EDM → Predictor Learner (shared vocabulary, schedule, ring capacity)
        w.node(5, "Guided Sampler", new GuidedSamplerNodeFactory(), 860, 100, s -> {
            // GaUDI units: the push the example had at 0.6 in physical units (gap std 0.42 eV, all 1000 steps)
            s.addDouble(GuidedSamplerNodeModel.CFG_SCALE, 0.25);
            s.addString(GuidedSamplerNodeModel.CFG_SAMPLER, "gaudi");
            s.addInt(GuidedSamplerNodeModel.CFG_MOLECULES, 32);
            s.addInt(GuidedSamplerNodeModel.CFG_RINGS, 0);
            s.addInt(GuidedSamplerNodeModel.CFG_STEPS, 0);
            s.addInt(GuidedSamplerNodeModel.CFG_SEED, 1);
            s.addInt(GuidedSamplerNodeModel.CFG_BATCH_SIZE, 32);
        });
        w.connect(3, 1, 4, 1); // predictor → Objective
        w.connect(2, 1, 5, 1); // EDM → Guided Sampler
        w.connect(3, 1, 5, 2); // predictor → Guided Sampler
        w.connect(4, 1, 5, 3); // objective → Guided Sampler
        // the language-model branch: the same molecules, the same predictor and objective, the same molecule count
        w.node(6, "Chemical Language Model Learner", new ClmLearnerNodeFactory(), 260, 300, s -> {
            // the shipped model's architecture (models/README.md): GPT-2 4 x 128 on canonical SMILES
            s.addInt(ClmLearnerNodeModel.CFG_LAYERS, 4);
            s.addInt(ClmLearnerNodeModel.CFG_WIDTH, 128);
            s.addInt(ClmLearnerNodeModel.CFG_EPOCHS, 80);
            s.addInt(ClmLearnerNodeModel.CFG_BATCH_SIZE, 32);
            s.addInt(ClmLearnerNodeModel.CFG_SEED, 1);
        });
        w.node(7, "Chemical Language Model Sampler", new ClmSamplerNodeFactory(), 860, 300, s -> {
            s.addInt(ClmSamplerNodeModel.CFG_MOLECULES, 32);
            s.addInt(ClmSamplerNodeModel.CFG_SEED, 1);
        });
        w.connect(1, 1, 6, 1); // molecules → Language Model Learner (SMILES column)
        w.connect(6, 1, 7, 1); // language model → Sampler
        w.connect(3, 1, 7, 2); // predictor → Sampler (scores the valid molecules)
        w.connect(4, 1, 7, 3); // objective → Sampler (sort by objective: sample-and-rank)
        return w;
    }

    /** Adds a node whose settings are the defaults changed by {@code changes}, loaded through validate → load. */
    void node(int id, String name, NodeFactory<?> factory, int x, int y, Consumer<NodeSettings> changes)
            throws Exception {
        NodeDriver<?> h = new NodeDriver<>(factory);
        NodeSettings s = h.saveModelSettings();
        changes.accept(s);
        h.loadModelSettings(s);
        nodes.add(new Node(id, name, factory, h.saveModelSettings(), x, y));
    }

    void connect(int sourceId, int sourcePort, int destId, int destPort) {
        connections.add(new Connection(sourceId, sourcePort, destId, destPort));
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Connection> connections() {
        return Collections.unmodifiableList(connections);
    }

    /** The workflow.knime document. */
    public NodeSettings workflowKnime() {
        NodeSettings w = new NodeSettings("workflow.knime");
        w.addString("created_by", CREATED_BY);
        w.addBoolean("created_by_nightly", false);
        w.addString("version", FORMAT_VERSION);
        NodeSettings author = (NodeSettings) w.addNodeSettings("authorInformation");
        author.addString("authored-by", AUTHOR);
        author.addString("authored-when", AUTHORED_WHEN);
        author.addString("lastEdited-by", null);
        author.addString("lastEdited-when", null);
        w.addString("name", null);
        w.addString("state", "IDLE");
        w.addNodeSettings("workflow_credentials");
        NodeSettings ns = (NodeSettings) w.addNodeSettings("nodes");
        for (Node n : nodes) {
            NodeSettings c = (NodeSettings) ns.addNodeSettings("node_" + n.id());
            c.addInt("id", n.id());
            c.addString("node_settings_file", n.folder() + "/settings.xml");
            c.addBoolean("node_is_meta", false);
            c.addString("node_type", "NativeNode");
            c.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            NodeSettings ui = (NodeSettings) c.addNodeSettings("ui_settings");
            ui.addIntArray("extrainfo.node.bounds", n.x(), n.y(), 122, 89);
        }
        NodeSettings cs = (NodeSettings) w.addNodeSettings("connections");
        for (int i = 0; i < connections.size(); i++) {
            Connection k = connections.get(i);
            NodeSettings c = (NodeSettings) cs.addNodeSettings("connection_" + i);
            c.addInt("sourceID", k.sourceId());
            c.addInt("destID", k.destId());
            c.addInt("sourcePort", k.sourcePort());
            c.addInt("destPort", k.destPort());
        }
        return w;
    }

    /** The settings.xml document of a node (state IDLE, no data). */
    public static NodeSettings settingsXml(Node n, Bundle bundle) {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        s.addNodeSettings(n.model());
        s.addString("customDescription", null);
        s.addString("state", "IDLE");
        s.addString("factory", n.factory().getClass().getName());
        s.addString("node-name", n.name());
        s.addString("node-bundle-name", bundle.name());
        s.addString("node-bundle-symbolic-name", bundle.symbolicName());
        s.addString("node-bundle-vendor", bundle.vendor());
        s.addString("node-bundle-version", bundle.version());
        s.addString("node-feature-name", bundle.featureName());
        s.addString("node-feature-symbolic-name", bundle.featureId());
        s.addString("node-feature-vendor", bundle.vendor());
        s.addString("node-feature-version", bundle.featureVersion());
        s.addNodeSettings("factory_settings");
        s.addString("name", n.name());
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        NodeSettings ports = (NodeSettings) s.addNodeSettings("ports");
        NodeDriver<?> h = new NodeDriver<>(n.factory());
        for (int p = 1; p <= h.getNrOutPorts(); p++) {
            NodeSettings port = (NodeSettings) ports.addNodeSettings("port_" + p);
            port.addInt("index", p);
            port.addString("port_dir_location", null);
        }
        NodeSettings fs = (NodeSettings) s.addNodeSettings("filestores");
        fs.addString("file_store_location", null);
        fs.addString("file_store_id", null);
        return s;
    }

    /** Where the nodes come from (for KNIME's "install missing extension" prompt), read from MANIFEST and feature. */
    public record Bundle(String name, String symbolicName, String vendor, String version, String featureName,
            String featureId, String featureVersion) {

        public static Bundle read(Path root) throws Exception {
            Manifest mf;
            try (var in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
                mf = new Manifest(in);
            }
            var a = mf.getMainAttributes();
            Element f = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(root.resolve("feature/feature.xml").toFile()).getDocumentElement();
            // KNIME records the feature's p2 unit id (<feature id>.feature.group) and the installed versions; the
            // base version stands for any build of this release (the qualifier is the build's timestamp).
            return new Bundle(a.getValue("Bundle-Name"), a.getValue("Bundle-SymbolicName").split(";")[0].trim(),
                    a.getValue("Bundle-Vendor"), withoutQualifier(a.getValue("Bundle-Version")),
                    f.getAttribute("label"), f.getAttribute("id") + ".feature.group",
                    withoutQualifier(f.getAttribute("version")));
        }

        private static String withoutQualifier(String version) {
            return version.replaceFirst("\\.qualifier$", "");
        }
    }

    /** Every file of the workflow folder (path relative to the folder → XML bytes), in a fixed order. */
    public Map<String, byte[]> files(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("workflow.knime", xml(workflowKnime()));
        for (Node n : nodes) {
            files.put(n.folder() + "/settings.xml", xml(settingsXml(n, bundle)));
        }
        return files;
    }

    static byte[] xml(NodeSettings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toByteArray();
    }

    /**
     * The .knwf archive of the given folder files: the folder as top entry, then each directory and file, entries
     * sorted and time-stamped {@link #ZIP_TIME} so the bytes depend only on the content.
     */
    public static byte[] knwf(Map<String, byte[]> files) throws IOException {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put(NAME + "/", null);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = NAME + "/" + e.getKey();
            for (int i = path.indexOf('/', NAME.length() + 1); i > 0; i = path.indexOf('/', i + 1)) {
                entries.put(path.substring(0, i + 1), null);
            }
            entries.put(path, e.getValue());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTime(ZIP_TIME);
                zip.putNextEntry(z);
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes the folder (replacing it) and the archive under {@code root}/{@value #DIR}. */
    public void write(Path root) throws Exception {
        Map<String, byte[]> files = files(Bundle.read(root));
        Path dir = root.resolve(DIR).resolve(NAME);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        Files.write(root.resolve(DIR).resolve(NAME + ".knwf"), knwf(files));
    }

    /** Writes the example into the repository ({@code args[0]}, default: the working directory). */
    public static void main(String[] args) throws Exception {
        create().write(args.length > 0 ? Path.of(args[0]) : PluginXml.ROOT);
    }
}
