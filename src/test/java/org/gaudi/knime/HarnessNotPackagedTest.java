package org.gaudi.knime;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The KNIME API harness is a compile-time stand-in: it must never end up in the plugin, where the real
 * org.knime.core bundle provides these classes.
 */
public class HarnessNotPackagedTest {

    @Test
    public void noKnimeClassesInTheBuildOutput() throws IOException {
        Path classes = PluginXml.ROOT.resolve("target/classes");
        assertTrue("target/classes missing", Files.isDirectory(classes.resolve("org/gaudi")));
        assertFalse("KNIME (harness) classes were copied into the plugin: " + classes.resolve("org/knime"),
                Files.exists(classes.resolve("org/knime")));
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> p.getFileName().toString().contains("harness")).collect(Collectors.toList());
            assertTrue("harness jar inside the plugin: " + jars, jars.isEmpty());
        }
    }

    @Test
    public void harnessIsAProvidedDependency() throws IOException {
        String pom = Files.readString(PluginXml.ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>knime-api-harness</artifactId>.*?</dependency>", Pattern.DOTALL)
                .matcher(pom);
        assertTrue("pom.xml does not use the harness", m.find());
        assertTrue("the harness must have scope provided (compile and test only, never packaged)",
                m.group().contains("<scope>provided</scope>"));
    }

    @Test
    public void builtBundleHasNoKnimeClasses() throws IOException {
        Path target = PluginXml.ROOT.resolve("target");
        List<Path> bundles;
        try (Stream<Path> s = Files.list(target)) {
            bundles = s.filter(p -> p.getFileName().toString().matches("org\\.gaudi\\.knime-.*\\.jar"))
                    .collect(Collectors.toList());
        }
        // before the first package there is no bundle; target/classes is checked above
        for (Path bundle : bundles) {
            try (JarFile jar = new JarFile(bundle.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    assertFalse(bundle.getFileName() + " contains KNIME class " + name, name.startsWith("org/knime/"));
                    assertFalse(bundle.getFileName() + " contains the harness " + name, name.contains("harness"));
                }
            }
        }
    }
}
