package org.gaudi.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the p2 metadata of the built update site (content.jar, artifacts.jar) and its zip, and checks what KNIME's
 * installer will see: every bundle and fragment with its version, the fragments' platform filters and host, the
 * KNIME bundles required and their ranges, the category, and that no command-line library got into a bundle.
 */
public class UpdateSiteIT {

    /** KNIME 5.5 up to (excluding) 6: the range every KNIME requirement must carry. */
    private static final String KNIME_RANGE = "[5.5.0,6.0.0)";

    private static Map<String, Element> units;
    private static Element artifacts;
    private static String version;

    @BeforeClass
    public static void read() throws Exception {
        Path site = UpdateSite.dir();
        Element content = xml(UpdateSite.entry(site.resolve("content.jar"), "content.xml"));
        artifacts = xml(UpdateSite.entry(site.resolve("artifacts.jar"), "artifacts.xml"));
        units = new LinkedHashMap<>();
        NodeList list = content.getElementsByTagName("unit");
        for (int i = 0; i < list.getLength(); i++) {
            Element u = (Element) list.item(i);
            assertNull("unit " + u.getAttribute("id") + " published twice", units.put(u.getAttribute("id"), u));
        }
        version = units.get(UpdateSite.CORE).getAttribute("version");
    }

    private static Element xml(byte[] bytes) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes))
                .getDocumentElement();
    }

    private static Element unit(String id) {
        Element u = units.get(id);
        assertNotNull("the site lacks unit " + id + "; it has " + units.keySet(), u);
        return u;
    }

    /** namespace/name → range of a unit's requirements. */
    private static Map<String, String> required(Element unit) {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList list = unit.getElementsByTagName("required");
        for (int i = 0; i < list.getLength(); i++) {
            Element r = (Element) list.item(i);
            out.put(r.getAttribute("namespace") + "/" + r.getAttribute("name"), r.getAttribute("range"));
        }
        return out;
    }

    /** The unit's own (not a requirement's) filter, whitespace removed; null when unfiltered. */
    private static String filter(Element unit) {
        for (org.w3c.dom.Node n = unit.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals("filter")) {
                return n.getTextContent().replaceAll("\\s", "");
            }
        }
        return null;
    }

    private static List<String> provided(Element unit, String namespace) {
        List<String> out = new ArrayList<>();
        NodeList list = unit.getElementsByTagName("provided");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            if (p.getAttribute("namespace").equals(namespace)) {
                out.add(p.getAttribute("name"));
            }
        }
        return out;
    }

    @Test
    public void everyBundleFragmentAndTheFeatureIsPublishedWithOneQualifiedVersion() {
        assertTrue("version " + version + " must be " + UpdateSite.baseVersion() + ".v<yyyyMMddHHmm>",
                version.matches(Pattern.quote(UpdateSite.baseVersion()) + "\\.v\\d{12}"));
        List<String> ids = new ArrayList<>(List.of(UpdateSite.CORE, UpdateSite.NODES,
                UpdateSite.FEATURE + ".feature.group", UpdateSite.FEATURE + ".feature.jar"));
        ids.addAll(UpdateSite.FRAGMENTS);
        for (String id : ids) {
            assertEquals(id, version, unit(id).getAttribute("version"));
        }
        Map<String, String> group = required(unit(UpdateSite.FEATURE + ".feature.group"));
        for (String id : ids.subList(3, ids.size())) {
            assertEquals("the feature must pin " + id, "[" + version + "," + version + "]",
                    group.get("org.eclipse.equinox.p2.iu/" + id));
        }
        assertEquals("[" + version + "," + version + "]", group.get("org.eclipse.equinox.p2.iu/" + UpdateSite.CORE));
        assertEquals("[" + version + "," + version + "]", group.get("org.eclipse.equinox.p2.iu/" + UpdateSite.NODES));
    }

    @Test
    public void fragmentsCarryTheirPlatformFilterAndAttachToTheLibraryBundle() {
        Map<String, String> expected = Map.of(
                "org.gaudi.core.bin.linux.x86_64", "(&(osgi.arch=x86_64)(osgi.os=linux))",
                "org.gaudi.core.bin.linux.aarch64", "(&(osgi.arch=aarch64)(osgi.os=linux))",
                "org.gaudi.core.bin.win32.x86_64", "(&(osgi.arch=x86_64)(osgi.os=win32))",
                "org.gaudi.core.bin.macosx.aarch64", "(&(osgi.arch=aarch64)(osgi.os=macosx))");
        assertEquals(new TreeSet<>(UpdateSite.FRAGMENTS), new TreeSet<>(expected.keySet()));
        for (String fragment : UpdateSite.FRAGMENTS) {
            Element u = unit(fragment);
            assertEquals(fragment + " platform filter", expected.get(fragment), filter(u));
            assertEquals(fragment + " must be a fragment of " + UpdateSite.CORE, List.of(UpdateSite.CORE),
                    provided(u, "osgi.fragment"));
            assertEquals(fragment + " host requirement", "[0.1.0,0.2.0)",
                    required(u).get("osgi.bundle/" + UpdateSite.CORE));
        }
        assertNull("the library bundle must install on every platform", filter(unit(UpdateSite.CORE)));
        assertNull("the node bundle must install on every platform", filter(unit(UpdateSite.NODES)));
    }

    @Test
    public void requiresKnime55BundlesAndNothingElseFromKnime() {
        Map<String, String> nodes = required(unit(UpdateSite.NODES));
        assertEquals(KNIME_RANGE, nodes.get("osgi.bundle/org.knime.core"));
        assertEquals(KNIME_RANGE, nodes.get("osgi.bundle/org.knime.chem.types"));
        assertEquals("[0.1.0,0.2.0)", nodes.get("osgi.bundle/" + UpdateSite.CORE));
        Map<String, String> group = required(unit(UpdateSite.FEATURE + ".feature.group"));
        assertEquals(KNIME_RANGE, group.get("org.eclipse.equinox.p2.iu/org.knime.core"));
        assertEquals(KNIME_RANGE, group.get("org.eclipse.equinox.p2.iu/org.knime.chem.types"));
        for (Element u : units.values()) {
            for (String req : required(u).keySet()) {
                assertFalse(u.getAttribute("id") + " requires " + req + " (contributing to an extension point needs "
                        + "no dependency)", req.contains("org.knime.workbench"));
                if (req.contains("org.knime.")) {
                    assertTrue(u.getAttribute("id") + ": " + req, List.of("osgi.bundle/org.knime.core",
                            "osgi.bundle/org.knime.chem.types", "org.eclipse.equinox.p2.iu/org.knime.core",
                            "org.eclipse.equinox.p2.iu/org.knime.chem.types").contains(req));
                }
            }
        }
        // Logging goes to KNIME's own slf4j and log4j-2 API bundles (imported packages, not embedded jars).
        Map<String, String> core = required(unit(UpdateSite.CORE));
        assertEquals("[1.7.0,3.0.0)", core.get("java.package/org.slf4j"));
        assertEquals("[2.17.0,3.0.0)", core.get("java.package/org.apache.logging.log4j"));
    }

    @Test
    public void theFeatureIsListedInACategory() {
        Element category = units.values().stream()
                .filter(u -> u.getElementsByTagName("property").getLength() > 0
                        && hasProperty(u, "org.eclipse.equinox.p2.type.category", "true"))
                .findFirst().orElse(null);
        assertNotNull("no category unit: KNIME's installer hides uncategorised features by default", category);
        assertTrue(hasProperty(category, "org.eclipse.equinox.p2.name", "GaUDI for KNIME"));
        assertEquals("[" + version + "," + version + "]",
                required(category).get("org.eclipse.equinox.p2.iu/" + UpdateSite.FEATURE + ".feature.group"));
    }

    private static boolean hasProperty(Element unit, String name, String value) {
        NodeList list = unit.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            if (p.getAttribute("name").equals(name) && p.getAttribute("value").equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void artifactsListEveryJarWithItsSizeAndTheZipHoldsTheSameSite() throws IOException {
        Path site = UpdateSite.dir();
        Map<String, Long> listed = new LinkedHashMap<>();
        NodeList list = artifacts.getElementsByTagName("artifact");
        for (int i = 0; i < list.getLength(); i++) {
            Element a = (Element) list.item(i);
            String dir = a.getAttribute("classifier").equals("osgi.bundle") ? "plugins/" : "features/";
            String file = dir + a.getAttribute("id") + "_" + a.getAttribute("version") + ".jar";
            long size = -1;
            NodeList props = a.getElementsByTagName("property");
            for (int k = 0; k < props.getLength(); k++) {
                Element p = (Element) props.item(k);
                // Features carry only download.size (the published jar as is).
                if (p.getAttribute("name").equals("artifact.size")
                        || size < 0 && p.getAttribute("name").equals("download.size")) {
                    size = Long.parseLong(p.getAttribute("value"));
                }
            }
            listed.put(file, size);
        }
        assertEquals("artifacts: 2 bundles, 4 fragments, 1 feature: " + listed.keySet(), 7, listed.size());
        for (Map.Entry<String, Long> e : listed.entrySet()) {
            assertEquals(e.getKey() + " size", (long) e.getValue(), Files.size(site.resolve(e.getKey())));
        }
        Path zip;
        try (Stream<Path> s = Files.list(site.getParent())) {
            List<Path> zips = s.filter(p -> p.getFileName().toString()
                    .equals("org.gaudi.knime.update-" + version + ".zip")).collect(Collectors.toList());
            assertEquals("update-site zip for " + version, 1, zips.size());
            zip = zips.get(0);
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            TreeSet<String> entries = z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> expected = new TreeSet<>(listed.keySet());
            expected.add("content.jar");
            expected.add("artifacts.jar");
            assertEquals("zip content (KNIME's Install New Software > Archive reads it as a repository)", expected,
                    entries);
        }
    }

    @Test
    public void noCommandLineLibraryEntersAKnimeBundle() throws IOException {
        Pattern cli = Pattern.compile("picocli|jline|progressbar|slf4j-simple|slf4j-api|-tests");
        List<String> names = new ArrayList<>(List.of(UpdateSite.CORE, UpdateSite.NODES));
        names.addAll(UpdateSite.FRAGMENTS);
        for (String name : names) {
            Path jar = UpdateSite.plugin(name);
            String manifest = new String(UpdateSite.entry(jar, "META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
            assertFalse(name + " manifest names a command-line library:\n" + manifest,
                    cli.matcher(manifest.replace("\r\n ", "").replace("\n ", "")).find());
            assertFalse(name + " still has a literal .qualifier", manifest.contains(".qualifier"));
            try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
                for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    assertFalse(name + " holds " + e.getName(), cli.matcher(e.getName()).find());
                    assertFalse(name + " holds a KNIME class " + e.getName(), e.getName().startsWith("org/knime/"));
                    if (!name.equals(UpdateSite.CORE)) {
                        assertFalse(name + " holds core class " + e.getName(), e.getName().startsWith("org/gaudi/core"));
                    }
                    assertFalse(name + " holds a command-line class " + e.getName(),
                            e.getName().startsWith("org/gaudi/cli"));
                }
            }
        }
    }

    @Test
    public void everyBundleClassPathEntryIsInItsJar() throws IOException {
        List<String> names = new ArrayList<>(List.of(UpdateSite.CORE, UpdateSite.NODES));
        names.addAll(UpdateSite.FRAGMENTS);
        for (String name : names) {
            Path jar = UpdateSite.plugin(name);
            Attributes a = UpdateSite.manifest(jar).getMainAttributes();
            String classPath = a.getValue("Bundle-ClassPath");
            assertNotNull(name + " has no Bundle-ClassPath", classPath);
            TreeSet<String> entries = new TreeSet<>();
            try (ZipFile z = new ZipFile(jar.toFile())) {
                z.stream().forEach(e -> entries.add(e.getName()));
            }
            for (String entry : classPath.split(",")) {
                entry = entry.trim();
                assertTrue(name + ": Bundle-ClassPath entry " + entry + " is not in the jar",
                        entry.equals(".") || entries.contains(entry));
            }
            if (name.equals(UpdateSite.CORE)) {
                TreeSet<String> libs = entries.stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar"))
                        .collect(Collectors.toCollection(TreeSet::new));
                TreeSet<String> listed = Stream.of(classPath.split(",")).map(String::trim)
                        .filter(e -> !e.equals(".")).collect(Collectors.toCollection(TreeSet::new));
                assertEquals("every jar in lib/ is on the Bundle-ClassPath", libs, listed);
            }
            if (UpdateSite.FRAGMENTS.contains(name)) {
                // The nested jar is what DJL's native discovery reads (native/lib/pytorch.properties).
                byte[] nested = UpdateSite.entry(jar, classPath.trim());
                boolean found = false;
                try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(nested))) {
                    for (var e = in.getNextJarEntry(); e != null && !found; e = in.getNextJarEntry()) {
                        found = e.getName().equals("native/lib/pytorch.properties");
                    }
                }
                assertTrue(name + ": " + classPath + " lacks native/lib/pytorch.properties", found);
            }
        }
    }
}
