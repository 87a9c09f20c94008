package org.gaudi.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds the bundles the OSGi test installs next to ours: stand-ins for KNIME 5.5's bundles with their real symbolic
 * names and versions (org.knime.core, org.knime.chem.types, slf4j.api, org.apache.logging.log4j.api) exporting the
 * harness and API packages, the probe fragment, and edited copies of our bundles for the negative controls.
 */
public final class StandInBundles {

    /** KNIME 5.5.0's bundle version as its update site publishes it. */
    public static final String KNIME_VERSION = "5.5.0.v202506180925";

    private StandInBundles() {
    }

    /** The jar (or class folder) a class was loaded from. */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bundle holding the entries of {@code source} (a jar) under {@code packagePrefix}, exporting every package
     * that holds a class.
     */
    public static Path fromJarPackages(Path source, String packagePrefix, Path out, Map<String, String> headers)
            throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile in = new JarFile(source.toFile());
                JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), manifest(headers))) {
            String prefix = packagePrefix.replace('.', '/') + "/";
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.startsWith(prefix) || entry.isDirectory()) {
                    continue;
                }
                if (name.endsWith(".class")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
                jar.putNextEntry(new JarEntry(name));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        Manifest m = manifest(headers);
        m.getMainAttributes().putValue("Export-Package", String.join(",", packages));
        rewriteManifest(out, m);
        return out;
    }

    /** A bundle that nests {@code library} on its Bundle-ClassPath and exports the given packages. */
    public static Path wrapping(Path library, Path out, Map<String, String> headers) throws IOException {
        Manifest m = manifest(headers);
        m.getMainAttributes().putValue("Bundle-ClassPath", "lib/" + library.getFileName());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), m)) {
            jar.putNextEntry(new JarEntry("lib/" + library.getFileName()));
            Files.copy(library, jar);
            jar.closeEntry();
        }
        return out;
    }

    /** A bundle made of compiled classes from a class folder (relative paths such as org/x/Y.class). */
    public static Path fromClasses(Path classes, Iterable<String> classFiles, Path out, Map<String, String> headers)
            throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), manifest(headers))) {
            for (String file : classFiles) {
                jar.putNextEntry(new JarEntry(file));
                Files.copy(classes.resolve(file), jar);
                jar.closeEntry();
            }
        }
        return out;
    }

    /** A copy of {@code bundle} whose main manifest attribute {@code header} is replaced (null removes it). */
    public static Path withHeader(Path bundle, Path out, String header, String value) throws IOException {
        Files.copy(bundle, out);
        Manifest m = UpdateSite.manifest(bundle);
        if (value == null) {
            m.getMainAttributes().remove(new Attributes.Name(header));
        } else {
            m.getMainAttributes().putValue(header, value);
        }
        rewriteManifest(out, m);
        return out;
    }

    /** Replaces the manifest of a jar in place (all other entries are kept byte for byte). */
    static void rewriteManifest(Path jarFile, Manifest manifest) throws IOException {
        Path tmp = jarFile.resolveSibling(jarFile.getFileName() + ".tmp");
        try (JarFile in = new JarFile(jarFile.toFile());
                OutputStream os = Files.newOutputStream(tmp);
                JarOutputStream jar = new JarOutputStream(os, manifest)) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                    continue;
                }
                JarEntry copy = new JarEntry(entry.getName());
                if (entry.getMethod() == JarEntry.STORED) {
                    copy.setMethod(JarEntry.STORED);
                    copy.setSize(entry.getSize());
                    copy.setCompressedSize(entry.getCompressedSize());
                    copy.setCrc(entry.getCrc());
                }
                jar.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        Files.move(tmp, jarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(a::putValue);
        return m;
    }
}
