package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

// Mirrors org.knime.core.node.port.PortTypeRegistry, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only
// subset.
/**
 * Harness stand-in. As in KNIME, port types and their
 * serializers are declared through the {@code org.knime.core.PortType} extension point; the harness reads those
 * declarations from every {@code plugin.xml} on the class path instead of the Eclipse extension registry.
 */
public final class PortTypeRegistry {

    private static final String EXTENSION_POINT = "org.knime.core.PortType";

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    /** One {@code portType} element of a plugin.xml. */
    private static final class Registration {
        final String name;
        final String objectClass;
        final String objectSerializer;
        final String specClass;
        final String specSerializer;

        Registration(Element e) {
            name = e.getAttribute("name");
            objectClass = e.getAttribute("objectClass");
            objectSerializer = e.getAttribute("objectSerializer");
            specClass = e.getAttribute("specClass");
            specSerializer = e.getAttribute("specSerializer");
        }
    }

    private final Map<String, PortType> types = new HashMap<>();
    private List<Registration> registrations;

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass,
            final boolean isOptional) {
        String k = objectClass.getName() + (isOptional ? "?" : "");
        return types.computeIfAbsent(k, x -> new PortType(objectClass, isOptional, nameOf(objectClass)));
    }

    private String nameOf(Class<?> objectClass) {
        if (objectClass.getName().equals("org.knime.core.node.BufferedDataTable")) {
            return "Data";
        }
        return registrations().stream().filter(r -> r.objectClass.equals(objectClass.getName()))
                .map(r -> r.name).findFirst().orElse(objectClass.getSimpleName());
    }

    /** The serializer registered for exactly this port object class, if any. */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSerializer<PortObject>> getObjectSerializer(
            final Class<? extends PortObject> objectClass) {
        for (Registration r : registrations()) {
            if (r.objectClass.equals(objectClass.getName())) {
                return Optional.of((PortObjectSerializer<PortObject>) instantiate(r.objectSerializer, objectClass));
            }
        }
        return Optional.empty();
    }

    /** The serializer registered for exactly this spec class, if any. */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpecSerializer<PortObjectSpec>> getSpecSerializer(
            final Class<? extends PortObjectSpec> specClass) {
        for (Registration r : registrations()) {
            if (r.specClass.equals(specClass.getName()) && !r.specSerializer.isEmpty()) {
                return Optional.of((PortObjectSpecSerializer<PortObjectSpec>) instantiate(r.specSerializer, specClass));
            }
        }
        return Optional.empty();
    }

    private static Object instantiate(String className, Class<?> context) {
        try {
            return Class.forName(className, true, context.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate serializer " + className + " registered for "
                    + context.getName() + ": " + e, e);
        }
    }

    private synchronized List<Registration> registrations() {
        if (registrations == null) {
            List<Registration> list = new ArrayList<>();
            try {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                if (cl == null) {
                    cl = PortTypeRegistry.class.getClassLoader();
                }
                Enumeration<URL> urls = cl.getResources("plugin.xml");
                for (URL url : Collections.list(urls)) {
                    readPluginXml(url, list);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read plugin.xml files: " + e.getMessage(), e);
            }
            registrations = list;
        }
        return registrations;
    }

    private static void readPluginXml(URL url, List<Registration> out) throws IOException {
        try (InputStream in = url.openStream()) {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            NodeList extensions = root.getElementsByTagName("extension");
            for (int i = 0; i < extensions.getLength(); i++) {
                Element ext = (Element) extensions.item(i);
                if (!EXTENSION_POINT.equals(ext.getAttribute("point"))) {
                    continue;
                }
                NodeList pts = ext.getElementsByTagName("portType");
                for (int j = 0; j < pts.getLength(); j++) {
                    out.add(new Registration((Element) pts.item(j)));
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("Malformed " + url + ": " + e.getMessage(), e);
        }
    }
}
