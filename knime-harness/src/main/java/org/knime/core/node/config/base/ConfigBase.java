package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.swing.tree.TreeNode;
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

// Mirrors org.knime.core.node.config.base.ConfigBase, KNIME 5.5.0 (knime-shared analytics-platform/5.5.0, bundle
// org.knime.core.util): compile-only subset.
/**
 * Harness stand-in: an ordered tree of typed entries and sub-configs. Arrays are
 * stored as sub-configs with an {@code array-size} entry and entries {@code "0"}, {@code "1"}, ... and the XML form
 * follows KNIME's XMLConfig format, as in a workflow's {@code settings.xml}. Passwords are kept as given (the
 * harness does not encrypt them); transient strings are not written to XML. Only sub-configs are tree children.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final long serialVersionUID = 1L;

    /** Namespace of KNIME's XMLConfig documents. */
    private static final String XML_NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String ARRAY_SIZE = "array-size";

    /** Entry type tags as written in the XML {@code type} attribute. */
    private enum Type {
        xstring, xint, xlong, xdouble, xboolean, xbyte, xshort, xchar, xfloat, xpassword, xtransientstring
    }

    /** A typed leaf value; {@code value} is null for a null string. */
    private static final class Entry implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
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

    private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key);
    }

    /** Creates an empty config of this kind (NodeSettings children are NodeSettings, and so on). */
    public abstract ConfigBase getInstance(String key);

    // ---------------------------------------------------------------- writing

    private void put(String k, Object v) {
        if (k == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        map.put(k, v);
    }

    @Override
    public final ConfigBase addConfigBase(String k) {
        ConfigBase c = getInstance(k);
        put(k, c);
        c.setParent(this);
        return c;
    }

    /** Adds the given config (and its content) as child under its own key. */
    protected final void addConfigBase(ConfigBase child) {
        put(child.getKey(), child);
        child.setParent(this);
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

    @Override
    public void addFloat(String k, float value) {
        put(k, new Entry(Type.xfloat, Float.toString(value)));
    }

    @Override
    public void addChar(String k, char value) {
        put(k, new Entry(Type.xchar, Character.toString(value)));
    }

    @Override
    public void addShort(String k, short value) {
        put(k, new Entry(Type.xshort, Short.toString(value)));
    }

    @Override
    public void addByte(String k, byte value) {
        put(k, new Entry(Type.xbyte, Byte.toString(value)));
    }

    @Override
    public void addPassword(String k, String encryptionKey, String value) {
        put(k, new Entry(Type.xpassword, value));
    }

    @Override
    public void addTransientString(String k, String value) {
        put(k, new Entry(Type.xtransientstring, value));
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
            c.addByte(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addFloatArray(String k, float... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addFloat(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addShortArray(String k, short... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addShort(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addCharArray(String k, char... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addChar(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addBooleanArray(String k, boolean... values) {
        ConfigBase c = addArray(k, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addBoolean(Integer.toString(i), values[i]);
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
    public final ConfigBase getConfigBase(String k) throws InvalidSettingsException {
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

    @Override
    public float getFloat(String k) throws InvalidSettingsException {
        return Float.parseFloat(entry(k, Type.xfloat).value);
    }

    @Override
    public float getFloat(String k, float def) {
        try {
            return getFloat(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char getChar(String k) throws InvalidSettingsException {
        return entry(k, Type.xchar).value.charAt(0);
    }

    @Override
    public char getChar(String k, char def) {
        try {
            return getChar(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short getShort(String k) throws InvalidSettingsException {
        return Short.parseShort(entry(k, Type.xshort).value);
    }

    @Override
    public short getShort(String k, short def) {
        try {
            return getShort(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte getByte(String k) throws InvalidSettingsException {
        return Byte.parseByte(entry(k, Type.xbyte).value);
    }

    @Override
    public byte getByte(String k, byte def) {
        try {
            return getByte(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getPassword(String k, String encryptionKey) throws InvalidSettingsException {
        return entry(k, Type.xpassword).value;
    }

    @Override
    public String getPassword(String k, String encryptionKey, String def) {
        try {
            return getPassword(k, encryptionKey);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getTransientString(String k) {
        Object o = map.get(k);
        return o instanceof Entry && ((Entry) o).type == Type.xtransientstring ? ((Entry) o).value : null;
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
            r[i] = c.getByte(Integer.toString(i));
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
    public float[] getFloatArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        float[] r = new float[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getFloat(Integer.toString(i));
        }
        return r;
    }

    @Override
    public float[] getFloatArray(String k, float... def) {
        try {
            return getFloatArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short[] getShortArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        short[] r = new short[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getShort(Integer.toString(i));
        }
        return r;
    }

    @Override
    public short[] getShortArray(String k, short... def) {
        try {
            return getShortArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char[] getCharArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        char[] r = new char[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getChar(Integer.toString(i));
        }
        return r;
    }

    @Override
    public char[] getCharArray(String k, char... def) {
        try {
            return getCharArray(k);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean[] getBooleanArray(String k) throws InvalidSettingsException {
        ConfigBase c = array(k);
        boolean[] r = new boolean[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getBoolean(Integer.toString(i));
        }
        return r;
    }

    @Override
    public boolean[] getBooleanArray(String k, boolean... def) {
        try {
            return getBooleanArray(k);
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
    public final Iterator<String> iterator() {
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
    public final void saveToXML(OutputStream os) throws IOException {
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
            throw new IOException("Cannot write config \"" + getKey() + "\" as XML: " + e.getMessage(), e);
        } finally {
            os.close(); // as KNIME: the stream is closed when finished
        }
    }

    private void writeContent(Document doc, Element el) {
        el.setAttribute("key", getKey());
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Entry) {
                Entry v = (Entry) e.getValue();
                if (v.type == Type.xtransientstring) {
                    continue; // transient: never saved
                }
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

    /** Reads an XMLConfig document into this (empty) config, taking the root's key; closes the stream. */
    public void load(InputStream is) throws IOException {
        try (InputStream in = is) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            Element root = b.parse(in).getDocumentElement();
            if (!"config".equals(root.getLocalName())) {
                throw new IOException("Not an XMLConfig document: root element is <" + root.getLocalName() + ">");
            }
            setKey(root.getAttribute("key"));
            readContent(root);
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
    public boolean hasIdenticalValue(AbstractConfigEntry otherConfig) {
        return otherConfig != null && otherConfig.getClass() == getClass()
                && map.equals(((ConfigBase) otherConfig).map);
    }

    @Override
    public final String toStringValue() {
        return map.toString();
    }

    @Override
    public String toString() {
        return getKey() + map;
    }

    // ---------------------------------------------------------------- tree (sub-configs are the children)

    private List<TreeNode> childConfigs() {
        List<TreeNode> children = new ArrayList<>();
        for (Object o : map.values()) {
            if (o instanceof ConfigBase) {
                children.add((ConfigBase) o);
            }
        }
        return children;
    }

    @Override
    public TreeNode getChildAt(int childIndex) {
        return childConfigs().get(childIndex);
    }

    @Override
    public int getChildCount() {
        return childConfigs().size();
    }

    @Override
    public int getIndex(TreeNode node) {
        return childConfigs().indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return getChildCount() == 0;
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(childConfigs());
    }
}
