package org.gaudi.knime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * META-INF/MANIFEST.MF is what KNIME's OSGi runtime reads: the bundle class path must list exactly the jars the build
 * put into lib/ (regenerate with dev/update-manifest-classpath.sh after dependency changes), and the headers must
 * make a valid KNIME 5.5+ extension bundle.
 */
public class BundleManifestTest {

    private static Map<String, String> headers;

    @BeforeClass
    public static void read() throws IOException {
        headers = parse(Files.readAllLines(PluginXml.ROOT.resolve("META-INF/MANIFEST.MF")));
    }

    /** Manifest headers with continuation lines (leading space) joined. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> h = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith(" ")) {
                value.append(line.substring(1));
                continue;
            }
            if (key != null) {
                h.put(key, value.toString().trim());
            }
            key = null;
            value.setLength(0);
            int colon = line.indexOf(':');
            if (colon > 0) {
                key = line.substring(0, colon);
                value.append(line.substring(colon + 1));
            }
        }
        if (key != null) {
            h.put(key, value.toString().trim());
        }
        return h;
    }

    /** Splits a header at commas that are not inside double quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    @Test
    public void bundleClassPathListsExactlyTheJarsInLib() throws IOException {
        Path lib = PluginXml.ROOT.resolve("lib");
        assertTrue("lib/ missing: the Maven build copies the dependencies there", Files.isDirectory(lib));
        TreeSet<String> jars;
        try (Stream<Path> s = Files.list(lib)) {
            jars = s.map(p -> "lib/" + p.getFileName()).filter(n -> n.endsWith(".jar"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse("lib/ holds no jars", jars.isEmpty());
        List<String> cp = clauses(headers.get("Bundle-ClassPath"));
        assertEquals("Bundle-ClassPath must start with '.' (the plugin's own classes)", ".", cp.get(0));
        TreeSet<String> listed = new TreeSet<>(cp.subList(1, cp.size()));
        assertEquals("Bundle-ClassPath has duplicates", cp.size() - 1, listed.size());
        TreeSet<String> missing = new TreeSet<>(jars);
        missing.removeAll(listed);
        TreeSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(jars);
        assertTrue("Bundle-ClassPath differs from lib/ (run dev/update-manifest-classpath.sh on a fresh lib/): "
                + "not listed " + missing + ", listed but absent " + stale, missing.isEmpty() && stale.isEmpty());
    }

    @Test
    public void requiresKnimeCoreAndChemTypesFrom55Below6() {
        Map<String, String> required = new LinkedHashMap<>();
        for (String clause : clauses(headers.get("Require-Bundle"))) {
            String[] parts = clause.split(";", 2);
            required.put(parts[0].trim(), parts.length > 1 ? parts[1] : "");
        }
        for (String bundle : new String[] {"org.knime.core", "org.knime.chem.types"}) {
            assertNotNull("Require-Bundle lacks " + bundle + ": " + required.keySet(), required.get(bundle));
            assertTrue(bundle + " must require bundle-version=\"[5.5.0,6.0.0)\", was " + required.get(bundle),
                    required.get(bundle).replace(" ", "").contains("bundle-version=\"[5.5.0,6.0.0)\""));
        }
    }

    @Test
    public void isASingletonLazyJava17Bundle() {
        assertEquals("2", headers.get("Bundle-ManifestVersion"));
        String name = headers.get("Bundle-SymbolicName");
        assertTrue("Bundle-SymbolicName must be org.gaudi.knime;singleton:=true (plugins contributing extensions "
                + "must be singletons), was " + name, name.replace(" ", "").equals("org.gaudi.knime;singleton:=true"));
        assertEquals("JavaSE-17", headers.get("Bundle-RequiredExecutionEnvironment"));
        assertEquals("lazy", headers.get("Bundle-ActivationPolicy"));
        assertTrue("Bundle-Version must be an OSGi version with .qualifier, was " + headers.get("Bundle-Version"),
                headers.get("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+\\.qualifier"));
    }

    @Test
    public void parserJoinsContinuationLinesAndKeepsQuotedCommas() {
        Map<String, String> h = parse(List.of("A: x,", " y", "B: a;v=\"[1,2)\", b"));
        assertEquals("x,y", h.get("A"));
        assertEquals(List.of("a;v=\"[1,2)\"", "b"), clauses(h.get("B")));
    }
}
