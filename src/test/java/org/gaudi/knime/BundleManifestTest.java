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
 * The manifest templates the build turns into bundles (the node bundle's META-INF/MANIFEST.MF, bundles/*): headers a
 * valid KNIME 5.5+ extension needs, the library bundle exporting every core package, one fragment per platform. The
 * built bundles themselves are checked by org.gaudi.osgi.UpdateSiteIT and OsgiBundlesIT.
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
    public void nodeBundleCarriesNoLibrariesAndRequiresTheLibraryBundle() {
        assertEquals("the node bundle holds only its own classes; libraries live in org.gaudi.core", ".",
                headers.get("Bundle-ClassPath"));
        Map<String, String> required = requiredBundles(headers);
        assertTrue("Require-Bundle lacks org.gaudi.core: " + required.keySet(), required.containsKey("org.gaudi.core"));
        assertFalse("org.knime.workbench.repository: nothing imports it, and contributing to its extension points "
                + "needs no dependency", required.containsKey("org.knime.workbench.repository"));
        assertEquals("Require-Bundle must name exactly KNIME core, chem types and our library",
                List.of("org.knime.core", "org.knime.chem.types", "org.gaudi.core"), new ArrayList<>(required.keySet()));
    }

    @Test
    public void libraryBundleExportsEveryCorePackage() throws IOException {
        Map<String, String> core = parse(Files.readAllLines(
                PluginXml.ROOT.resolve("bundles/org.gaudi.core/META-INF/MANIFEST.MF")));
        TreeSet<String> exported = new TreeSet<>();
        for (String clause : clauses(core.get("Export-Package"))) {
            exported.add(clause.split(";")[0].trim());
        }
        TreeSet<String> packages;
        Path src = PluginXml.ROOT.resolve("src/main/java");
        try (Stream<Path> s = Files.walk(src.resolve("org/gaudi/core"))) {
            packages = s.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> src.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        TreeSet<String> missing = new TreeSet<>(packages);
        missing.removeAll(exported);
        assertTrue("bundles/org.gaudi.core/META-INF/MANIFEST.MF must export every org.gaudi.core package (the node "
                + "bundle sees only exported ones); add " + missing, missing.isEmpty());
        assertEquals("the Bundle-ClassPath is generated from the copied jars", ".,@LIB_JARS@",
                core.get("Bundle-ClassPath").replace(" ", ""));
        assertEquals("org.gaudi.core", core.get("Bundle-SymbolicName"));
        assertEquals(headers.get("Bundle-Version"), core.get("Bundle-Version"));
    }

    @Test
    public void eachNativeFragmentNamesItsPlatformAndHost() throws IOException {
        Map<String, String[]> platforms = Map.of("linux.x86_64", new String[] {"linux", "x86_64", "linux-x86_64"},
                "linux.aarch64", new String[] {"linux", "aarch64", "linux-aarch64"},
                "win32.x86_64", new String[] {"win32", "x86_64", "win-x86_64"},
                "macosx.aarch64", new String[] {"macosx", "aarch64", "osx-aarch64"});
        for (Map.Entry<String, String[]> e : platforms.entrySet()) {
            String name = "org.gaudi.core.bin." + e.getKey();
            Map<String, String> f = parse(Files.readAllLines(
                    PluginXml.ROOT.resolve("bundles/" + name + "/META-INF/MANIFEST.MF")));
            String[] p = e.getValue();
            assertEquals(name, f.get("Bundle-SymbolicName"));
            assertEquals(headers.get("Bundle-Version"), f.get("Bundle-Version"));
            assertEquals("org.gaudi.core;bundle-version=\"[0.1.0,0.2.0)\"", f.get("Fragment-Host"));
            assertEquals("(&(osgi.os=" + p[0] + ")(osgi.arch=" + p[1] + "))", f.get("Eclipse-PlatformFilter"));
            assertTrue(name + " must nest the " + p[2] + " PyTorch natives: " + f.get("Bundle-ClassPath"),
                    f.get("Bundle-ClassPath").matches("lib/pytorch-native-cpu-[0-9.]+-" + p[2] + "\\.jar"));
        }
    }

    private static Map<String, String> requiredBundles(Map<String, String> h) {
        Map<String, String> required = new LinkedHashMap<>();
        for (String clause : clauses(h.get("Require-Bundle"))) {
            String[] parts = clause.split(";", 2);
            required.put(parts[0].trim(), parts.length > 1 ? parts[1] : "");
        }
        return required;
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
