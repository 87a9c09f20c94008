package org.gaudi.knime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.BeforeClass;
import org.junit.Test;
import org.knime.core.node.BufferedDataTable;
import org.gaudi.knime.testsupport.DialogContents;
import org.gaudi.knime.testsupport.NodeDriver;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortType;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * plugin.xml against the code: every registered factory exists, has a v4.1 description whose ports match its
 * NodeModel and whose options cover its dialog, and a 16×16 icon; every category has an icon; every port type names
 * existing classes and serializers of the right kinds.
 */
public class PluginXmlTest {

    private static final String NS = "http://knime.org/node/v4.1";
    private static final String CATEGORY = "/community/gaudi";
    /** KNIME's icon path normalisation: drop "dir/../" pairs. */
    private static final Pattern UP = Pattern.compile("[^./]+/\\.\\./");

    private static PluginXml plugin;

    @BeforeClass
    public static void load() throws IOException {
        plugin = PluginXml.load();
    }

    @Test
    public void declaresNodesCategoriesAndPortTypes() {
        assertFalse("no node registered", plugin.nodes().isEmpty());
        assertFalse("no category registered", plugin.categories().isEmpty());
        assertFalse("no port type registered", plugin.portTypes().isEmpty());
    }

    @Test
    public void categoryHasIconAndNodesSitInIt() throws Exception {
        Set<String> paths = new HashSet<>();
        for (Element c : plugin.categories()) {
            for (String a : new String[] {"name", "path", "level-id"}) {
                assertFalse("category attribute " + a + " missing", c.getAttribute(a).isEmpty());
            }
            String path = c.getAttribute("path");
            paths.add((path.endsWith("/") ? path : path + "/") + c.getAttribute("level-id"));
            assertIcon16("category " + c.getAttribute("name"), PluginXml.ROOT.resolve(c.getAttribute("icon"))
                    .toUri().toURL());
        }
        assertTrue("category " + CATEGORY + " not declared: " + paths, paths.contains(CATEGORY));
        for (Element n : plugin.nodes()) {
            assertEquals(n.getAttribute("factory-class"), CATEGORY, n.getAttribute("category-path"));
        }
    }

    @Test
    public void everyFactoryHasAMatchingDescriptionAndIcon() throws Exception {
        for (Element n : plugin.nodes()) {
            String cls = n.getAttribute("factory-class");
            Class<?> c = Class.forName(cls);
            assertTrue(cls + " is not a NodeFactory", NodeFactory.class.isAssignableFrom(c));
            NodeFactory<?> factory = (NodeFactory<?>) c.getDeclaredConstructor().newInstance();
            checkDescription(factory);
        }
    }

    private static void checkDescription(NodeFactory<?> factory) throws Exception {
        Class<?> cls = factory.getClass();
        String resource = cls.getName().replace('.', '/') + ".xml";
        URL url = cls.getClassLoader().getResource(resource);
        assertNotNull("description " + resource + " missing (expected under nodes/)", url);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root;
        try (InputStream in = url.openStream()) {
            root = f.newDocumentBuilder().parse(in).getDocumentElement();
        }
        String what = cls.getSimpleName() + ".xml: ";
        assertEquals(what + "namespace", NS, root.getNamespaceURI());
        assertEquals(what + "root element", "knimeNode", root.getLocalName());
        NodeFactory.NodeType.valueOf(root.getAttribute("type")); // throws for an unknown node type
        List<String> order = childNames(root);
        assertTrue(what + "children out of order: " + order, order.indexOf("name") == 0
                && order.indexOf("shortDescription") == 1 && order.indexOf("fullDescription") == 2
                && order.indexOf("ports") > 2);
        assertFalse(what + "empty name", text(root, "name").isBlank());
        assertFalse(what + "empty short description", text(root, "shortDescription").isBlank());
        Element full = (Element) root.getElementsByTagNameNS(NS, "fullDescription").item(0);
        assertEquals(what + "fullDescription must start with intro", "intro", childNames(full).get(0));

        NodeDriver<?> node = new NodeDriver<>(factory);
        Element ports = (Element) root.getElementsByTagNameNS(NS, "ports").item(0);
        checkPorts(what + "in", ports, "inPort", node, true);
        checkPorts(what + "out", ports, "outPort", node, false);

        // the icon, resolved as KNIME does: relative to the factory's package
        String icon = root.getAttribute("icon");
        assertFalse(what + "no icon", icon.isEmpty());
        String path = cls.getPackageName().replace('.', '/') + "/" + icon.replaceFirst("^\\./", "");
        Matcher m = UP.matcher(path);
        while (m.find()) {
            path = m.replaceAll("");
            m = UP.matcher(path);
        }
        URL iconUrl = cls.getClassLoader().getResource(path);
        assertNotNull(what + "icon " + icon + " does not resolve (looked for " + path + ")", iconUrl);
        assertIcon16(what + "icon", iconUrl);

        // every dialog component is documented as an option named by its label
        assertEquals(what + "views", 0, node.getNrNodeViews());
        if (node.hasDialog()) {
            NodeDialogPane dialog = node.createNodeDialogPane();
            List<String> options = new ArrayList<>();
            NodeList opts = full.getElementsByTagNameNS(NS, "option");
            for (int i = 0; i < opts.getLength(); i++) {
                options.add(((Element) opts.item(i)).getAttribute("name"));
            }
            // a labelled component is described under its label, a file chooser under its group title
            List<String> shown = DialogContents.optionNames(dialog);
            assertFalse(what + "dialog shows no option", shown.isEmpty());
            for (String label : shown) {
                assertTrue(what + "dialog option \"" + label + "\" not described; options: " + options,
                        options.contains(label));
            }
        }
    }

    private static void checkPorts(String what, Element ports, String tag, NodeDriver<?> node, boolean in) {
        NodeList list = ports.getElementsByTagNameNS(NS, tag);
        int expected = in ? node.getNrInPorts() : node.getNrOutPorts();
        assertEquals(what + "ports described vs NodeModel", expected, list.getLength());
        boolean[] seen = new boolean[expected];
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            int index = Integer.parseInt(p.getAttribute("index"));
            assertTrue(what + "port index " + index + " out of range", index >= 0 && index < expected);
            assertFalse(what + "port index " + index + " twice", seen[index]);
            seen[index] = true;
            String name = p.getAttribute("name");
            assertFalse(what + "port " + index + " has no name", name.isBlank());
            assertFalse(what + "port " + index + " has no description", p.getTextContent().isBlank());
            PortType type = in ? node.getInPortType(index) : node.getOutPortType(index);
            if (type.getPortObjectClass() != BufferedDataTable.class) {
                // a model port's description names its port type (registered name without "GaUDI ")
                String typeName = type.getName().replaceFirst("^GaUDI ", "");
                assertTrue(what + "port " + index + " \"" + name + "\" should name its type " + typeName,
                        name.contains(typeName));
            }
        }
    }

    private static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        NodeList c = e.getChildNodes();
        for (int i = 0; i < c.getLength(); i++) {
            if (c.item(i) instanceof Element) {
                names.add(c.item(i).getLocalName());
            }
        }
        return names;
    }

    private static String text(Element root, String tag) {
        return root.getElementsByTagNameNS(NS, tag).item(0).getTextContent();
    }

    private static void assertIcon16(String what, URL url) throws IOException {
        BufferedImage img;
        try (InputStream in = url.openStream()) {
            img = ImageIO.read(in);
        } catch (IOException e) {
            throw new AssertionError(what + ": cannot read " + url + ": " + e.getMessage(), e);
        }
        assertNotNull(what + ": not an image: " + url, img);
        assertEquals(what + " width", 16, img.getWidth());
        assertEquals(what + " height", 16, img.getHeight());
        assertTrue(what + " must be a PNG", url.getPath().endsWith(".png"));
    }

    @Test
    public void everyPortTypeNamesExistingClassesAndSerializers() throws Exception {
        Set<String> names = new HashSet<>();
        for (Element p : plugin.portTypes()) {
            String name = p.getAttribute("name");
            assertFalse("port type without name", name.isBlank());
            assertTrue("duplicate port type name " + name, names.add(name));
            String color = p.getAttribute("color");
            assertTrue(name + ": color must be #RRGGBB, was " + color, color.isEmpty()
                    || color.matches("#[0-9A-Fa-f]{6}"));
            Class<?> obj = Class.forName(p.getAttribute("objectClass"));
            Class<?> spec = Class.forName(p.getAttribute("specClass"));
            assertTrue(name + ": object class is not a PortObject", PortObject.class.isAssignableFrom(obj));
            assertTrue(name + ": spec class is not a PortObjectSpec", PortObjectSpec.class.isAssignableFrom(spec));
            Object objSer = instantiateNested(p.getAttribute("objectSerializer"), obj);
            Object specSer = instantiateNested(p.getAttribute("specSerializer"), spec);
            assertTrue(name + ": object serializer is not a PortObjectSerializer",
                    objSer instanceof PortObjectSerializer);
            assertTrue(name + ": spec serializer is not a PortObjectSpecSerializer",
                    specSer instanceof PortObjectSpecSerializer);
            // the port type constant the nodes use resolves to this registration
            PortType type = (PortType) obj.getField("TYPE").get(null);
            assertEquals(obj, type.getPortObjectClass());
            assertEquals(name, type.getName());
            assertFalse(type.isOptional());
            // and both classes can be instantiated for loading (public no-arg constructors)
            obj.getConstructor().newInstance();
            spec.getConstructor().newInstance();
        }
    }

    private static Object instantiateNested(String name, Class<?> owner) throws Exception {
        assertTrue(name + " must be a nested class of " + owner.getName() + " written with '$'",
                name.startsWith(owner.getName() + "$"));
        Class<?> c = Class.forName(name);
        assertEquals(name + " must be nested in " + owner.getName(), owner, c.getEnclosingClass());
        return c.getDeclaredConstructor().newInstance();
    }

    @Test
    public void detectsAnUnknownNodeType() {
        try {
            NodeFactory.NodeType.valueOf("Sourcerer");
            fail("an unknown node type must be rejected");
        } catch (IllegalArgumentException expected) {
            // the description check relies on this
        }
    }
}
