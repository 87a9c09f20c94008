package org.gaudi.knime;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The extensions declared in the repository's plugin.xml, for tests. */
public final class PluginXml {

    /** Repository root (Maven runs tests there). */
    public static final Path ROOT = Paths.get("").toAbsolutePath();

    private final Element root;

    private PluginXml(Element root) {
        this.root = root;
    }

    public static PluginXml load() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            return new PluginXml(f.newDocumentBuilder().parse(ROOT.resolve("plugin.xml").toFile())
                    .getDocumentElement());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("plugin.xml is not well-formed: " + e.getMessage(), e);
        }
    }

    /** All elements {@code element} inside extensions of the given point. */
    public List<Element> elements(final String point, final String element) {
        List<Element> out = new ArrayList<>();
        NodeList ext = root.getElementsByTagName("extension");
        for (int i = 0; i < ext.getLength(); i++) {
            Element e = (Element) ext.item(i);
            if (point.equals(e.getAttribute("point"))) {
                NodeList els = e.getElementsByTagName(element);
                for (int j = 0; j < els.getLength(); j++) {
                    out.add((Element) els.item(j));
                }
            }
        }
        return out;
    }

    public List<Element> nodes() {
        return elements("org.knime.workbench.repository.nodes", "node");
    }

    public List<Element> categories() {
        return elements("org.knime.workbench.repository.categories", "category");
    }

    public List<Element> portTypes() {
        return elements("org.knime.core.PortType", "portType");
    }
}
