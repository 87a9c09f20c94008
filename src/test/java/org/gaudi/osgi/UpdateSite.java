package org.gaudi.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The p2 update site the build wrote (pom.xml / packaging/update-site.xml): where it is and its bundle jars. The
 * integration tests read what ships, not the templates.
 */
public final class UpdateSite {

    /** Our bundles and fragments, by symbolic name. */
    public static final String CORE = "org.gaudi.core";
    public static final String NODES = "org.gaudi.knime";
    public static final String FEATURE = "org.gaudi.knime.feature";
    public static final List<String> FRAGMENTS = List.of("org.gaudi.core.bin.linux.x86_64",
            "org.gaudi.core.bin.linux.aarch64", "org.gaudi.core.bin.win32.x86_64", "org.gaudi.core.bin.macosx.aarch64");

    private UpdateSite() {
    }

    /** target/repository (system property gaudi.site.dir set by failsafe). */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("gaudi.site.dir", "target/repository"));
        assertTrue("no update site at " + dir.toAbsolutePath() + ": run the package phase (./gaudi build)",
                Files.isDirectory(dir));
        return dir;
    }

    /** The base version of every bundle and the feature (pom.xml gaudi.base.version). */
    public static String baseVersion() {
        return System.getProperty("gaudi.base.version", "0.1.0");
    }

    /** The single plugins/&lt;name&gt;_&lt;version&gt;.jar of a bundle or fragment. */
    public static Path plugin(String symbolicName) throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.list(dir().resolve("plugins"))) {
            found = s.filter(p -> p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(symbolicName) + "_\\d+\\.\\d+\\.\\d+\\.[^_]+\\.jar"))
                    .collect(Collectors.toList());
        }
        assertEquals("plugins/ must hold exactly one " + symbolicName + "_<version>.jar: " + found, 1, found.size());
        return found.get(0);
    }

    /** The manifest of a jar. */
    public static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            assertTrue(jar + " has no manifest", m != null);
            return m;
        }
    }

    /** Reads a jar entry fully. */
    public static byte[] entry(Path jar, String name) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            var e = j.getEntry(name);
            assertTrue(jar.getFileName() + " lacks " + name, e != null);
            try (InputStream in = j.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }
}
