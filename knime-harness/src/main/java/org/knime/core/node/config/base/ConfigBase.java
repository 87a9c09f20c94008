package org.knime.core.node.config.base;

import org.knime.core.node.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.knime.core.node.InvalidSettingsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Harness stand-in for KNIME's {@code ConfigBase}: an ordered tree of typed entries and sub-configs. Arrays are
 * stored as sub-configs with an {@code array-size} entry and entries {@code "0"}, {@code "1"}, ... and the XML form
 * follows KNIME's XMLConfig format (namespace {@value #XML_NAMESPACE}), as in a workflow's {@code settings.xml}.
 */
public abstract class ConfigBase implements ConfigBaseRO, ConfigBaseWO {

    /** Namespace of KNIME's XMLConfig documents. */
    public static final String XML_NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String ARRAY_SIZE = "array-size";

    /** Entry type tags as written in the XML {@code type} attribute. */
    enum Type {
        xstring, xint, xlong, xdouble, xboolean, xbyte
    }

    /** A typed leaf value; {@code value} is null for a null string. */
    static final class Entry {
        final Type type;
        final String value;

        Entry(Type type, String value) {
            this.type = type;
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && ((Entry) o).type == type && Objects.equals(((Entry) o).value, value);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Objects.hashCode(value);
        }
    }

    private final String key;
    private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        this.key = key;
    }

    /** Creates an empty config of this kind (NodeSettings children are NodeSettings, and so on). */
    public abstract Config getInstance(String key);

    @Override
    public String getKey() {
        return key;
    }

    // ---------------------------------------------------------------- writing

    private void put(String k, Object v) {
        if (k == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        map.put(k, v);
    }

    @Override
    public ConfigBase addConfigBase(String k) {
        ConfigBase c = getInstance(k);
        put(k, c);
        return c;
    }

    /** Adds the given config (and its content) as child under its own key. */
    protected void addConfigBase(ConfigBase child) {
        put(child.getKey(), child);
    }

    @Override
    public void addInt(String k, int value) {
        put(k, new Entry(Type.xint, Integer.toString(value)));
    }

    @Override
    public void addLong(String k, long value) {
        put(k, new Entry(Type.xlong, Long.toString(value)));
    }

    @Override
    public void addDouble(String k, double value) {
        put(k, new Entry(Type.xdouble, Double.toString(value)));
    }

    @Override
    public void addBoolean(String k, boolean value) {
        put(k, new Entry(Type.xboolean, Boolean.toString(value)));
    }

    @Override
    public void addString(String k, String value) {
        put(k, new Entry(Type.xstring, value));
    }

    private ConfigBase addArray(String k, int size) {
        ConfigBase c = addConfigBase(k);
        c.addInt(ARRAY_SIZE, size);
        return c;
    }

    @Override
    public void addIntArray(String k, int... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addInt(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addLongArray(String k, long... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addLong(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addDoubleArray(String k, double... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addDouble(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addByteArray(String k, byte... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.put(Integer.toString(i), new Entry(Type.xbyte, Byte.toString(values[i])));
        }
    }

    @Override
    public void addStringArray(String k, String... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addString(Integer.toString(i), values[i]);
        }
    }

    // ---------------------------------------------------------------- reading

    private Entry entry(String k, Type type) throws InvalidSettingsException {
        Object o = map.get(k);
        if (!(o instanceof Entry) || ((Entry) o).type != type) {
            throw new InvalidSettingsException(typeName(type) + " for key \"" + k + "\" not found.");
        }
        return (Entry) o;
    }

    private static String typeName(Type t) {
        String n = t.name().substring(1);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    @Override
    public ConfigBase getConfigBase(String k) throws InvalidSettingsException {
        Object o = map.get(k);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("Config for key \"" + k + "\" not found.");
        }
        return (ConfigBase) o;
    }

    @Override
    public int getInt(String k) throws InvalidSettingsException {
        return Integer.parseInt(entry(k, Type.xint).value);
    }

    @Override
    public int getInt(String k, int def) {
        try {
            return getInt(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(String k) throws InvalidSettingsException {
        return Long.parseLong(entry(k, Type.xlong).value);
    }

    @Override
    public long getLong(String k, long def) {
        try {
            return getLong(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double getDouble(String k) throws InvalidSettingsException {
        return Double.parseDouble(entry(k, Type.xdouble).value);
    }

    @Override
    public double getDouble(String k, double def) {
        try {
            return getDouble(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(String k) throws InvalidSettingsException {
        return Boolean.parseBoolean(entry(k, Type.xboolean).value);
    }

    @Override
    public boolean getBoolean(String k, boolean def) {
        try {
            return getBoolean(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(String k) throws InvalidSettingsException {
        return entry(k, Type.xstring).value;
    }

    @Override
    public String getString(String k, String def) {
        try {
            return getString(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    private ConfigBase array(String k) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(k);
        if (!c.containsKey(ARRAY_SIZE)) {
            throw new InvalidSettingsException("Array for key \"" + k + "\" not found.");
        }
        return c;
    }

    @Override
    public int[] getIntArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        int[] r = new int[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getInt(Integer.toString(i));
        }
        return r;
    }

    @Override
    public int[] getIntArray(String k, int... def) {
        try {
            return getIntArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long[] getLongArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        long[] r = new long[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getLong(Integer.toString(i));
        }
        return r;
    }

    @Override
    public long[] getLongArray(String k, long... def) {
        try {
            return getLongArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double[] getDoubleArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        double[] r = new double[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getDouble(Integer.toString(i));
        }
        return r;
    }

    @Override
    public double[] getDoubleArray(String k, double... def) {
        try {
            return getDoubleArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte[] getByteArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        byte[] r = new byte[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = Byte.parseByte(c.entry(Integer.toString(i), Type.xbyte).value);
        }
        return r;
    }

    @Override
    public byte[] getByteArray(String k, byte... def) {
        try {
            return getByteArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        String[] r = new String[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getString(Integer.toString(i));
        }
        return r;
    }

    @Override
    public String[] getStringArray(String k, String... def) {
        try {
            return getStringArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public boolean containsKey(String k) {
        return k != null && map.containsKey(k);
    }

    @Override
    public Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public void copyTo(ConfigBaseWO config) {
        if (!(config instanceof ConfigBase)) {
            throw new UnsupportedOperationException("harness: copyTo needs a ConfigBase target");
        }
        ConfigBase target = (ConfigBase) config;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Entry) {
                target.put(e.getKey(), e.getValue());
            } else {
                ((ConfigBase) e.getValue()).copyTo(target.addConfigBase(e.getKey()));
            }
        }
    }

    // ---------------------------------------------------------------- XML

    @Override
    public void saveToXML(OutputStream os) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(XML_NAMESPACE, "config");
            root.setAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
            root.setAttribute("xsi:schemaLocation", XML_NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd");
            doc.appendChild(root);
            writeContent(doc, root);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(os));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("Cannot write config \"" + key + "\" as XML: " + e.getMessage(), e);
        } finally {
            os.close(); // as KNIME: the stream is closed when finished
        }
    }

    private void writeContent(Document doc, Element el) {
        el.setAttribute("key", key);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Entry) {
                Entry v = (Entry) e.getValue();
                Element x = doc.createElementNS(XML_NAMESPACE, "entry");
                x.setAttribute("key", e.getKey());
                x.setAttribute("type", v.type.name());
                if (v.value == null) {
                    x.setAttribute("isnull", "true");
                    x.setAttribute("value", "");
                } else {
                    x.setAttribute("value", v.value);
                }
                el.appendChild(x);
            } else {
                Element x = doc.createElementNS(XML_NAMESPACE, "config");
                ((ConfigBase) e.getValue()).writeContent(doc, x);
                el.appendChild(x);
            }
        }
    }

    /**
     * Reads an XMLConfig document into {@code target} (whose key is replaced by nothing: the root's entries and
     * sub-configs are added to it). The stream is closed afterwards.
     */
    protected static void load(InputStream in, ConfigBase target) throws IOException {
        try (InputStream is = in) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            Element root = b.parse(is).getDocumentElement();
            if (!"config".equals(root.getLocalName())) {
                throw new IOException("Not an XMLConfig document: root element is <" + root.getLocalName() + ">");
            }
            target.readContent(root);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot parse XMLConfig: " + e.getMessage(), e);
        }
    }

    /** The key stored in the root element of an XMLConfig document. */
    protected static String rootKey(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement()
                    .getAttribute("key");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot parse XMLConfig: " + e.getMessage(), e);
        }
    }

    private void readContent(Element el) throws IOException {
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element)) {
                continue;
            }
            Element c = (Element) n;
            String k = c.getAttribute("key");
            if ("entry".equals(c.getLocalName())) {
                Type type;
                try {
                    type = Type.valueOf(c.getAttribute("type"));
                } catch (IllegalArgumentException e) {
                    throw new IOException("Unsupported entry type \"" + c.getAttribute("type") + "\" for key \"" + k
                            + "\" (harness supports " + java.util.Arrays.toString(Type.values()) + ")");
                }
                boolean isNull = "true".equals(c.getAttribute("isnull"));
                put(k, new Entry(type, isNull ? null : c.getAttribute("value")));
            } else if ("config".equals(c.getLocalName())) {
                addConfigBase(k).readContent(c);
            } else {
                throw new IOException("Unexpected element <" + c.getLocalName() + "> in XMLConfig");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof ConfigBase) || o.getClass() != getClass()) {
            return false;
        }
        ConfigBase c = (ConfigBase) o;
        return key.equals(c.key) && map.equals(c.map);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + map.hashCode();
    }

    @Override
    public String toString() {
        return key + map;
    }
}
