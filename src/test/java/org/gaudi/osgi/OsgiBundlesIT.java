package org.gaudi.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gaudi.osgi.probe.SamplingProbe;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Boots Equinox with the bundles of the built update site next to stand-ins for KNIME 5.5's bundles, then samples a
 * tiny EDM through the node bundle's class loader: proves the manifests resolve, the platform filters select this
 * machine's native fragment, DJL finds its engine and the PyTorch natives inside OSGi offline, and CDK/JNA work there.
 * The negative controls show that a broken Bundle-ClassPath or a wrong requirement makes it fail.
 */
public class OsgiBundlesIT {

    @ClassRule
    public static final TemporaryFolder TMP = new TemporaryFolder(new java.io.File("target"));

    private static Path standIns;
    private static String previousCacheDir;

    @BeforeClass
    public static void buildStandIns() throws IOException {
        standIns = TMP.newFolder("stand-ins").toPath();
        Path harness = StandInBundles.codeSource(org.knime.core.node.NodeModel.class);
        StandInBundles.fromJarPackages(harness, "org.knime.core", standIns.resolve("org.knime.core.jar"),
                Map.of("Bundle-SymbolicName", "org.knime.core;singleton:=true",
                        "Bundle-Version", StandInBundles.KNIME_VERSION));
        StandInBundles.fromJarPackages(harness, "org.knime.chem.types", standIns.resolve("org.knime.chem.types.jar"),
                Map.of("Bundle-SymbolicName", "org.knime.chem.types;singleton:=true",
                        "Bundle-Version", StandInBundles.KNIME_VERSION,
                        "Require-Bundle", "org.knime.core;bundle-version=\"[5.5.0,6.0.0)\""));
        StandInBundles.wrapping(StandInBundles.codeSource(org.slf4j.LoggerFactory.class),
                standIns.resolve("slf4j.api.jar"), Map.of("Bundle-SymbolicName", "slf4j.api",
                        "Bundle-Version", "2.0.17",
                        "Export-Package", "org.slf4j;version=\"2.0.17\",org.slf4j.spi;version=\"2.0.17\","
                                + "org.slf4j.helpers;version=\"2.0.17\",org.slf4j.event;version=\"2.0.17\""));
        StandInBundles.wrapping(StandInBundles.codeSource(org.apache.logging.log4j.LogManager.class),
                standIns.resolve("org.apache.logging.log4j.api.jar"),
                Map.of("Bundle-SymbolicName", "org.apache.logging.log4j.api", "Bundle-Version", "2.25.4",
                        "Export-Package", "org.apache.logging.log4j;version=\"2.25.4\","
                                + "org.apache.logging.log4j.spi;version=\"2.25.4\","
                                + "org.apache.logging.log4j.util;version=\"2.25.4\","
                                + "org.apache.logging.log4j.message;version=\"2.25.4\""));
        // The probe: a fragment of the node bundle, so its class is defined by the node bundle's class loader.
        Path testClasses = StandInBundles.codeSource(SamplingProbe.class);
        StandInBundles.fromClasses(testClasses, List.of("org/gaudi/osgi/probe/SamplingProbe.class"),
                standIns.resolve("org.gaudi.osgi.probe.jar"),
                Map.of("Bundle-SymbolicName", "org.gaudi.osgi.probe", "Bundle-Version", "1.0.0",
                        "Fragment-Host", UpdateSite.NODES));
        previousCacheDir = System.getProperty("DJL_CACHE_DIR");
        // A fresh DJL cache: the natives must come out of the fragment, not from an earlier run's extraction.
        System.setProperty("DJL_CACHE_DIR", TMP.newFolder("djl-cache").getAbsolutePath());
        System.setProperty(SamplingProbe.EDM_PROPERTY,
                Path.of("models/demo-edm.gaudi-edm").toAbsolutePath().toString());
    }

    @AfterClass
    public static void restore() {
        if (previousCacheDir == null) {
            System.clearProperty("DJL_CACHE_DIR");
        } else {
            System.setProperty("DJL_CACHE_DIR", previousCacheDir);
        }
    }

    /** One Equinox instance with the stand-ins, our bundles (some possibly replaced by edited copies) and the probe. */
    static final class Runtime implements AutoCloseable {
        final Framework framework;
        final Map<String, Bundle> bundles = new LinkedHashMap<>();

        Runtime(Path storage, Map<String, Path> replacements) throws Exception {
            Map<String, String> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            // What the Eclipse launcher sets for KNIME: JRE packages (javax.swing, ...) reach bundles without imports.
            config.put("osgi.compatibility.bootdelegation", "true");
            framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
            framework.start();
            BundleContext context = framework.getBundleContext();
            List<Path> jars = new ArrayList<>();
            try (Stream<Path> s = Files.list(standIns)) {
                jars.addAll(s.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList()));
            }
            List<String> ours = new ArrayList<>(List.of(UpdateSite.CORE, UpdateSite.NODES));
            ours.addAll(UpdateSite.FRAGMENTS);
            for (String name : ours) {
                jars.add(replacements.getOrDefault(name, UpdateSite.plugin(name)));
            }
            for (Path jar : jars) {
                Bundle b = context.installBundle(jar.toUri().toString());
                bundles.put(b.getSymbolicName(), b);
            }
        }

        Bundle bundle(String symbolicName) {
            Bundle b = bundles.get(symbolicName);
            assertNotNull(symbolicName + " not installed", b);
            return b;
        }

        /** Resolves everything but the other platforms' fragments; returns the bundles left unresolved. */
        List<String> resolve() {
            List<Bundle> wanted = bundles.values().stream()
                    .filter(b -> !UpdateSite.FRAGMENTS.contains(b.getSymbolicName())
                            || b.getSymbolicName().equals(currentFragment()))
                    .collect(Collectors.toList());
            framework.adapt(FrameworkWiring.class).resolveBundles(wanted);
            return wanted.stream().filter(b -> b.getState() == Bundle.INSTALLED).map(Bundle::getSymbolicName)
                    .collect(Collectors.toList());
        }

        /** Starts the non-fragment bundles as KNIME would (lazy activation policy honoured). */
        void start() throws Exception {
            for (Bundle b : bundles.values()) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                }
            }
        }

        /** Runs the probe through the node bundle's class loader on a thread whose context loader sees nothing. */
        @SuppressWarnings("unchecked")
        Map<String, String> sample() throws Exception {
            Class<?> probe = bundle(UpdateSite.NODES).loadClass(SamplingProbe.class.getName());
            Callable<Map<String, String>> call =
                    (Callable<Map<String, String>>) probe.getDeclaredConstructor().newInstance();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // KNIME's worker threads carry a loader that cannot see DJL; the node code must set its own.
            try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
                thread.setContextClassLoader(blind);
                return call.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void close() throws Exception {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    /** The fragment whose Eclipse-PlatformFilter matches this JVM (osgi.os / osgi.arch as Equinox names them). */
    static String currentFragment() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osgiOs = os.startsWith("windows") ? "win32" : os.startsWith("mac") ? "macosx" : "linux";
        String osgiArch = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : "aarch64";
        return "org.gaudi.core.bin." + osgiOs + "." + osgiArch;
    }

    @Test
    public void bundlesResolveAndOnlyThisPlatformsFragmentAttaches() throws Exception {
        try (Runtime rt = new Runtime(TMP.newFolder().toPath(), Map.of())) {
            assertEquals("bundles left unresolved", List.of(), rt.resolve());
            rt.start();
            // All fragments were offered; the platform filters must keep the foreign ones out.
            rt.framework.adapt(FrameworkWiring.class).resolveBundles(rt.bundles.values());
            for (String fragment : UpdateSite.FRAGMENTS) {
                Bundle f = rt.bundle(fragment);
                boolean mine = fragment.equals(currentFragment());
                assertEquals(fragment + (mine ? " must resolve here" : " must not resolve on this platform"), mine,
                        f.getState() == Bundle.RESOLVED);
            }
            List<BundleWire> hosted = rt.bundle(UpdateSite.CORE).adapt(BundleWiring.class)
                    .getProvidedWires(HostNamespace.HOST_NAMESPACE);
            assertEquals("fragments attached to " + UpdateSite.CORE,
                    List.of(currentFragment()),
                    hosted.stream().map(w -> w.getRequirer().getSymbolicName()).collect(Collectors.toList()));
            assertEquals(Bundle.ACTIVE, rt.bundle(UpdateSite.CORE).getState());
            assertEquals(Bundle.STARTING, rt.bundle(UpdateSite.NODES).getState()); // lazy until a class is loaded
        }
    }

    @Test
    public void everyClassOfOurBundlesLinksInsideOsgi() throws Exception {
        try (Runtime rt = new Runtime(TMP.newFolder().toPath(), Map.of())) {
            assertEquals(List.of(), rt.resolve());
            int checked = 0;
            for (String name : List.of(UpdateSite.CORE, UpdateSite.NODES)) {
                Bundle bundle = rt.bundle(name);
                try (JarFile jar = new JarFile(UpdateSite.plugin(name).toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String entry = e.nextElement().getName();
                        if (!entry.endsWith(".class") || !entry.startsWith("org/gaudi/")) {
                            continue;
                        }
                        String className = entry.substring(0, entry.length() - 6).replace('/', '.');
                        try {
                            Class<?> c = bundle.loadClass(className);
                            // Linking every signature type finds a package the bundle cannot see.
                            c.getDeclaredMethods();
                            c.getDeclaredFields();
                            c.getDeclaredConstructors();
                            checked++;
                        } catch (ClassNotFoundException | LinkageError ex) {
                            fail(className + " does not link inside " + name + ": " + ex);
                        }
                    }
                }
            }
            assertTrue("too few classes checked: " + checked, checked > 100);
        }
    }

    @Test
    public void nodeBundleSamplesATinyEdmWithDjlAndCdkInsideOsgi() throws Exception {
        Path cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        try (Runtime rt = new Runtime(TMP.newFolder().toPath(), Map.of())) {
            assertEquals(List.of(), rt.resolve());
            rt.start();
            Map<String, String> out = rt.sample();
            assertEquals("2", out.get("graphs"));
            assertEquals("true", out.get("coordinates-finite"));
            assertEquals("PyTorch 2.7.1", out.get("engine"));
            assertTrue("DJL's engine must come from the library bundle: " + out.get("engine-loader"),
                    out.get("engine-loader").contains("[" + UpdateSite.CORE + ":"));
            assertTrue("the probe must run in the node bundle's class loader: " + out.get("probe-loader"),
                    out.get("probe-loader").contains("[" + UpdateSite.NODES + ":"));
            assertEquals("UFWIBTONFRDIAS-UHFFFAOYSA-N", out.get("naphthalene-inchikey"));
        }
        // DJL extracted libtorch from the fragment's nested jar into the fresh cache (nothing was downloaded).
        try (Stream<Path> s = Files.walk(cache)) {
            List<String> libs = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("torch_cpu"))
                    .collect(Collectors.toList());
            assertFalse("no libtorch_cpu extracted under " + cache, libs.isEmpty());
        }
    }

    /**
     * Negative control: the same run with one Bundle-ClassPath entry (the PyTorch engine jar) removed from a copy of
     * the library bundle must fail, so the positive test cannot pass by accident (e.g. through the test's class path).
     */
    @Test
    public void negativeControlMissingBundleClassPathEntryBreaksSampling() throws Exception {
        Path core = UpdateSite.plugin(UpdateSite.CORE);
        String classPath = UpdateSite.manifest(core).getMainAttributes().getValue("Bundle-ClassPath");
        String engineJar = Stream.of(classPath.split(",")).map(String::trim)
                .filter(e -> e.startsWith("lib/pytorch-engine-")).findFirst().orElseThrow();
        String broken = Stream.of(classPath.split(",")).map(String::trim).filter(e -> !e.equals(engineJar))
                .collect(Collectors.joining(","));
        Path copy = StandInBundles.withHeader(core, TMP.getRoot().toPath().resolve("core-without-engine.jar"),
                "Bundle-ClassPath", broken);
        try (Runtime rt = new Runtime(TMP.newFolder().toPath(), Map.of(UpdateSite.CORE, copy))) {
            assertEquals("the edited bundle still resolves (the break shows only at run time)", List.of(),
                    rt.resolve());
            rt.start();
            try {
                Map<String, String> out = rt.sample();
                fail("sampling must fail without " + engineJar + " on the Bundle-ClassPath, got " + out);
            } catch (Exception | LinkageError expected) {
                // Without an engine DJL hands out its PassthroughNDManager, which refuses every tensor operation.
                String message = String.valueOf(rootCause(expected).getMessage()).toLowerCase(Locale.ROOT);
                assertTrue("expected DJL to miss its engine, got: " + rootCause(expected),
                        message.contains("engine") || message.contains("passthroughndmanager"));
            }
        }
    }

    /** Negative control: a node bundle requiring a KNIME core this runtime does not have must not resolve. */
    @Test
    public void negativeControlWrongKnimeRequirementDoesNotResolve() throws Exception {
        Path nodes = UpdateSite.plugin(UpdateSite.NODES);
        String require = UpdateSite.manifest(nodes).getMainAttributes().getValue("Require-Bundle");
        assertTrue(require, require.contains("org.knime.core;bundle-version=\"[5.5.0,6.0.0)\""));
        Path copy = StandInBundles.withHeader(nodes, TMP.getRoot().toPath().resolve("nodes-knime-5.6.jar"),
                "Require-Bundle", require.replace("org.knime.core;bundle-version=\"[5.5.0,6.0.0)\"",
                        "org.knime.core;bundle-version=\"[5.6.0,6.0.0)\""));
        try (Runtime rt = new Runtime(TMP.newFolder().toPath(), Map.of(UpdateSite.NODES, copy))) {
            List<String> unresolved = rt.resolve();
            assertTrue("the node bundle must stay unresolved: " + unresolved, unresolved.contains(UpdateSite.NODES));
            try {
                rt.sample();
                fail("an unresolved node bundle cannot load the probe");
            } catch (ClassNotFoundException expected) {
                // Equinox refuses to load classes from a bundle that cannot resolve.
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
